package io.weir.plugins.pstats.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import io.weir.core.testing.Frames;

/**
 * Ethernet frames for plugin tests, with the header fields the feature plugins read set by the
 * test: TTL, IP flags, TCP sequence, acknowledgement, flags, window and options, payload bytes;
 * optionally behind MPLS label stack entries. Checksums are zero (weir does not check them).
 */
public final class TestFrames
{
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;

    private TestFrames()
    {
    }

    /** A TCP segment over IPv4 (TTL 64, DF) without options. */
    public static byte[] tcp(final String source, final int sourcePort, final String destination,
                             final int destinationPort, final int flags, final int sequence, final int acknowledgement,
                             final int payload)
    {
        return tcp(source, sourcePort, destination, destinationPort, flags, sequence, acknowledgement, 64, 0x2,
            1000, new byte[0], new byte[payload]);
    }

    public static byte[] tcp(final String source, final int sourcePort, final String destination,
                             final int destinationPort, final int flags, final int sequence, final int acknowledgement,
                             final int ttl, final int ipFlags, final int window, final byte[] options,
                             final byte[] payload)
    {
        final int tcpLength = 20 + options.length;
        final ByteBuffer l4 = ByteBuffer.allocate(tcpLength + payload.length).order(ByteOrder.BIG_ENDIAN);
        l4.putShort((short)sourcePort).putShort((short)destinationPort).putInt(sequence).putInt(acknowledgement);
        l4.put((byte)((tcpLength / 4) << 4)).put((byte)flags).putShort((short)window).putInt(0);
        l4.put(options).put(payload);
        return ipv4(source, destination, 6, ttl, ipFlags, l4.array(), new int[0]);
    }

    public static byte[] udp(final String source, final int sourcePort, final String destination,
                             final int destinationPort, final int payload)
    {
        return udp(source, sourcePort, destination, destinationPort, payload, new int[0]);
    }

    /** A UDP datagram over IPv4 behind the given MPLS label stack entries (the last one gets the S bit). */
    public static byte[] udp(final String source, final int sourcePort, final String destination,
                             final int destinationPort, final int payload, final int[] mplsEntries)
    {
        final ByteBuffer l4 = ByteBuffer.allocate(8 + payload).order(ByteOrder.BIG_ENDIAN);
        l4.putShort((short)sourcePort).putShort((short)destinationPort).putShort((short)(8 + payload)).putShort((short)0);
        return ipv4(source, destination, 17, 64, 0, l4.array(), mplsEntries);
    }

    /** An ICMP message (type, code, 2 checksum bytes, then {@code rest} bytes) over IPv4. */
    public static byte[] icmp(final String source, final String destination, final int type, final int code,
                              final int rest)
    {
        final ByteBuffer l4 = ByteBuffer.allocate(4 + rest).order(ByteOrder.BIG_ENDIAN);
        l4.put((byte)type).put((byte)code).putShort((short)0);
        return ipv4(source, destination, 1, 64, 0, l4.array(), new int[0]);
    }

    /** An ICMPv6 message between two addresses given as 16 bytes each. */
    public static byte[] icmpv6(final byte[] source, final byte[] destination, final int type, final int code,
                                final int rest)
    {
        final ByteBuffer frame = ByteBuffer.allocate(14 + 40 + 4 + rest).order(ByteOrder.BIG_ENDIAN);
        frame.putShort((short)0x0200).putInt(2).putShort((short)0x0200).putInt(1).putShort((short)0x86DD);
        frame.putInt(0x6000_0000).putShort((short)(4 + rest)).put((byte)58).put((byte)64);
        frame.put(source).put(destination);
        frame.put((byte)type).put((byte)code).putShort((short)0);
        return frame.array();
    }

    private static byte[] ipv4(final String source, final String destination, final int protocol, final int ttl,
                               final int ipFlags, final byte[] l4, final int[] mplsEntries)
    {
        final int ipLength = 20 + l4.length;
        final int length = Math.max(60, 14 + 4 * mplsEntries.length + ipLength);
        final ByteBuffer frame = ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN);
        frame.putShort((short)0x0200).putInt(2).putShort((short)0x0200).putInt(1);
        if (mplsEntries.length > 0)
        {
            frame.putShort((short)0x8847);
            for (int i = 0; i < mplsEntries.length; i++)
            {
                final int bottom = i == mplsEntries.length - 1 ? 0x100 : 0;
                frame.putInt((mplsEntries[i] & ~0x100) | bottom);
            }
        }
        else
        {
            frame.putShort((short)0x0800);
        }
        frame.put((byte)0x45).put((byte)0).putShort((short)ipLength).putShort((short)1)
            .putShort((short)(ipFlags << 13)).put((byte)ttl).put((byte)protocol).putShort((short)0)
            .putInt((int)Frames.ipv4(source)).putInt((int)Frames.ipv4(destination));
        frame.put(l4);
        return frame.array();
    }

    /** A frame at a time, as a capture frame of link type Ethernet. */
    public static Captures.Frame at(final double seconds, final byte[] frame)
    {
        return new Captures.Frame(frame, frame.length, Math.round(seconds * 1e9), 1);
    }
}
