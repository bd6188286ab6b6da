package io.weir.e2e;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Link layers that tcpdump writes on BSDs and for raw IP, made from an Ethernet capture by
 * replacing each frame's Ethernet header (and VLAN tags) with the target's header. Frames that
 * carry no IP, and packets of the other IP version for the single-version link types, are left
 * out; Ethernet padding after the IP packet is cut. Reads classic pcap in either byte order.
 */
enum LinkRewrite
{
    /** LINKTYPE_NULL, address family in the little-endian writer's byte order (macOS: AF_INET6 = 30). */
    NULL_LITTLE_ENDIAN(0, ByteOrder.LITTLE_ENDIAN, 30),
    /** LINKTYPE_NULL written by a big-endian host (FreeBSD: AF_INET6 = 28). */
    NULL_BIG_ENDIAN(0, ByteOrder.BIG_ENDIAN, 28),
    /** LINKTYPE_LOOP: OpenBSD loopback, family always in network byte order (AF_INET6 = 24). */
    LOOP(108, ByteOrder.LITTLE_ENDIAN, 24),
    /** LINKTYPE_RAW: the IP header first, version from its first nibble. */
    RAW(101, ByteOrder.LITTLE_ENDIAN, 0),
    /** LINKTYPE_IPV4: IPv4 packets only. */
    IPV4(228, ByteOrder.LITTLE_ENDIAN, 0),
    /** LINKTYPE_IPV6: IPv6 packets only. */
    IPV6(229, ByteOrder.BIG_ENDIAN, 0);

    private static final int AF_INET = 2;

    private final int linkType;
    private final ByteOrder fileOrder;
    private final int familyInet6;

    LinkRewrite(final int linkType, final ByteOrder fileOrder, final int familyInet6)
    {
        this.linkType = linkType;
        this.fileOrder = fileOrder;
        this.familyInet6 = familyInet6;
    }

    int linkType()
    {
        return linkType;
    }

    /**
     * Writes {@code target} from the Ethernet pcap {@code source}.
     *
     * @return the number of packets written
     */
    int rewrite(final Path source, final Path target) throws IOException
    {
        final ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(source));
        final int magic = in.getInt(0);
        final ByteOrder sourceOrder;
        if (magic == 0xA1B2C3D4 || magic == 0xA1B23C4D)
        {
            sourceOrder = ByteOrder.BIG_ENDIAN;
        }
        else if (Integer.reverseBytes(magic) == 0xA1B2C3D4 || Integer.reverseBytes(magic) == 0xA1B23C4D)
        {
            sourceOrder = ByteOrder.LITTLE_ENDIAN;
        }
        else
        {
            throw new IOException(source + " is not a classic pcap file");
        }
        in.order(sourceOrder);
        final int sourceMagic = in.getInt(0) == 0xA1B23C4D ? 0xA1B23C4D : 0xA1B2C3D4;
        if (in.getInt(20) != 1)
        {
            throw new IOException(source + " is not Ethernet (link type " + in.getInt(20) + ")");
        }

        final ByteBuffer network = ByteBuffer.wrap(in.array()).order(ByteOrder.BIG_ENDIAN);
        final ByteBuffer out = ByteBuffer.allocate(in.capacity() + 64).order(fileOrder);
        out.putInt(sourceMagic).putShort((short)2).putShort((short)4).putInt(0).putInt(0)
            .putInt(in.getInt(16)).putInt(linkType);
        int packets = 0;
        int at = 24;
        while (at + 16 <= in.capacity())
        {
            final int seconds = in.getInt(at);
            final int fraction = in.getInt(at + 4);
            final int capturedLength = in.getInt(at + 8);
            final int wireLength = in.getInt(at + 12);
            final int frame = at + 16;
            at = frame + capturedLength;
            if (at > in.capacity())
            {
                throw new IOException(source + " ends inside a record");
            }
            if (capturedLength < 14)
            {
                continue;
            }
            int offset = 12;
            int etherType = network.getShort(frame + offset) & 0xFFFF;
            while ((etherType == 0x8100 || etherType == 0x88A8 || etherType == 0x9100) && offset + 6 <= capturedLength)
            {
                offset += 4;
                etherType = network.getShort(frame + offset) & 0xFFFF;
            }
            final int ip = frame + offset + 2;
            final boolean v4 = etherType == 0x0800;
            final boolean v6 = etherType == 0x86DD;
            if (!v4 && !v6 || v6 && this == IPV4 || v4 && this == IPV6)
            {
                continue;
            }
            final int available = frame + capturedLength - ip;
            final int payloadLength = v6 ? network.getShort(ip + 4) & 0xFFFF : 0;
            final int ipLength = v4 ? network.getShort(ip + 2) & 0xFFFF : payloadLength == 0 ? 0 : payloadLength + 40;
            final int kept = ipLength > 0 ? Math.min(available, ipLength) : available;
            final int removed = capturedLength - kept;
            final int header = linkHeaderLength();
            out.putInt(seconds).putInt(fraction).putInt(kept + header).putInt(wireLength - removed + header);
            if (header == 4)
            {
                final int family = v4 ? AF_INET : familyInet6;
                out.order(this == LOOP ? ByteOrder.BIG_ENDIAN : fileOrder).putInt(family).order(fileOrder);
            }
            out.put(in.array(), ip, kept);
            packets++;
        }
        Files.write(target, Arrays.copyOf(out.array(), out.position()));
        return packets;
    }

    private int linkHeaderLength()
    {
        return linkType == 0 || linkType == 108 ? 4 : 0;
    }
}
