package io.weir.core.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import io.weir.core.capture.LinkType;
import io.weir.core.decode.PacketParser;
import io.weir.core.decode.PacketView;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Builds Ethernet frames with IPv4/IPv6 and TCP/UDP/ICMP headers for tests, and parses them
 * into a {@link PacketView}. Checksums are left zero: weir does not verify them.
 */
public final class Frames
{
    public static final int TCP_FIN = 0x01;
    public static final int TCP_SYN = 0x02;
    public static final int TCP_RST = 0x04;
    public static final int TCP_PSH = 0x08;
    public static final int TCP_ACK = 0x10;

    private static final long SOURCE_MAC = 0x0200_0000_0001L;
    private static final long DESTINATION_MAC = 0x0200_0000_0002L;

    private Frames()
    {
    }

    /** IPv4 address from dotted text, as weir holds it (low 32 bits). */
    public static long ipv4(final String dotted)
    {
        final String[] parts = dotted.split("\\.");
        long value = 0;
        for (final String part : parts)
        {
            value = (value << 8) | Integer.parseInt(part);
        }
        return value;
    }

    /** Ethernet + IPv4 + TCP with {@code payload} zero bytes. */
    public static byte[] tcp4(final String source, final int sourcePort, final String destination,
                              final int destinationPort, final int flags, final int payload)
    {
        final ByteBuffer frame = ethernet(14 + 20 + 20 + payload, 0x0800);
        ipv4Header(frame, source, destination, 6, 20 + 20 + payload);
        frame.putShort((short)sourcePort).putShort((short)destinationPort).putInt(1000).putInt(0);
        frame.put((byte)0x50).put((byte)flags).putShort((short)65535).putShort((short)0).putShort((short)0);
        return frame.array();
    }

    /** Ethernet + IPv4 + UDP with {@code payload} zero bytes. */
    public static byte[] udp4(final String source, final int sourcePort, final String destination,
                              final int destinationPort, final int payload)
    {
        final ByteBuffer frame = ethernet(14 + 20 + 8 + payload, 0x0800);
        ipv4Header(frame, source, destination, 17, 20 + 8 + payload);
        frame.putShort((short)sourcePort).putShort((short)destinationPort).putShort((short)(8 + payload)).putShort((short)0);
        return frame.array();
    }

    private static ByteBuffer ethernet(final int length, final int etherType)
    {
        final ByteBuffer frame = ByteBuffer.allocate(Math.max(60, length)).order(ByteOrder.BIG_ENDIAN);
        frame.putShort((short)(DESTINATION_MAC >>> 32)).putInt((int)DESTINATION_MAC);
        frame.putShort((short)(SOURCE_MAC >>> 32)).putInt((int)SOURCE_MAC);
        frame.putShort((short)etherType);
        return frame;
    }

    private static void ipv4Header(final ByteBuffer frame, final String source, final String destination,
                                   final int protocol, final int totalLength)
    {
        frame.put((byte)0x45).put((byte)0).putShort((short)totalLength).putShort((short)1).putShort((short)0x4000);
        frame.put((byte)64).put((byte)protocol).putShort((short)0);
        frame.putInt((int)ipv4(source)).putInt((int)ipv4(destination));
    }

    /** Parses an Ethernet frame captured at {@code timeNs}; fails the test if it is not a flow packet. */
    public static PacketView parse(final byte[] frame, final long timeNs)
    {
        final PacketView view = new PacketView();
        if (!new PacketParser().parse(view, new UnsafeBuffer(frame), 0, frame.length, frame.length, timeNs,
            LinkType.ETHERNET, 0))
        {
            throw new AssertionError("frame does not parse: " + view.skipReason());
        }
        return view;
    }

    public static long seconds(final double seconds)
    {
        return Math.round(seconds * 1e9);
    }
}
