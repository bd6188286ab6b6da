package io.weir.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A classic pcap file made fit to be sent on an Ethernet interface: Linux cooked captures
 * (SLL, SLL2) get an Ethernet header with the cooked header's protocol and fixed addresses
 * instead; Ethernet captures are used as they are. pcapng files are made classic pcap first (editcap). Nothing else about the packets changes.
 */
final class EthernetCapture
{
    private static final int LINKTYPE_ETHERNET = 1;
    private static final int LINKTYPE_LINUX_SLL = 113;
    private static final int LINKTYPE_LINUX_SLL2 = 276;
    private static final byte[] DESTINATION = {0x02, 0, 0, 0, 0, 0x02};
    private static final byte[] SOURCE = {0x02, 0, 0, 0, 0, 0x01};

    private EthernetCapture()
    {
    }

    static Path of(final Path capture, final Path dir) throws IOException
    {
        final ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(capture));
        final int magic = in.getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d)
        {
            in.order(ByteOrder.LITTLE_ENDIAN);
            if (in.getInt(0) != 0xa1b2c3d4 && in.getInt(0) != 0xa1b23c4d)
            {
                final Path classic = dir.resolve(capture.getFileName().toString().replace(".pcap", "-classic.pcap"));
                Command.run("editcap", "-F", "pcap", capture.toString(), classic.toString());
                return of(classic, dir);
            }
        }
        final int linkType = in.getInt(20) & 0x0FFF_FFFF;
        if (linkType == LINKTYPE_ETHERNET)
        {
            return capture;
        }
        final int cookedLength;
        final int protocolOffset;
        if (linkType == LINKTYPE_LINUX_SLL)
        {
            cookedLength = 16;
            protocolOffset = 14;
        }
        else if (linkType == LINKTYPE_LINUX_SLL2)
        {
            cookedLength = 20;
            protocolOffset = 0;
        }
        else
        {
            throw new IllegalArgumentException(capture + " has link type " + linkType + ", which this test cannot send");
        }
        final ByteBuffer out = ByteBuffer.allocate(in.capacity() * 2).order(in.order());
        out.put(in.array(), 0, 24);
        out.putInt(20, LINKTYPE_ETHERNET);
        int at = 24;
        while (at + 16 <= in.capacity())
        {
            final int captured = in.getInt(at + 8);
            final int wire = in.getInt(at + 12);
            final int data = at + 16;
            out.putInt(in.getInt(at)).putInt(in.getInt(at + 4));
            out.putInt(captured - cookedLength + 14).putInt(wire - cookedLength + 14);
            out.put(DESTINATION).put(SOURCE);
            out.put(in.array(), data + protocolOffset, 2);
            out.put(in.array(), data + cookedLength, captured - cookedLength);
            at = data + captured;
        }
        final Path converted = dir.resolve(capture.getFileName().toString().replace(".pcap", "-ethernet.pcap"));
        Files.write(converted, java.util.Arrays.copyOf(out.array(), out.position()));
        return converted;
    }
}
