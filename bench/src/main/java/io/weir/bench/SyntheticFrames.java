package io.weir.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Ethernet frames as a capture holds them, built byte by byte for the benchmarks (the test
 * helper in probe-core is not on this classpath). Checksums stay zero: weir does not check them.
 */
final class SyntheticFrames
{
    static final int ETHERNET_HEADER_LENGTH = 14;
    static final int IPV4_SOURCE_OFFSET = ETHERNET_HEADER_LENGTH + 12;
    static final int IPV4_DESTINATION_OFFSET = ETHERNET_HEADER_LENGTH + 16;
    static final int IPV4_TRANSPORT_OFFSET = ETHERNET_HEADER_LENGTH + 20;

    static final int TCP_SYN = 0x02;
    static final int TCP_PSH = 0x08;
    static final int TCP_ACK = 0x10;

    private static final long DESTINATION_MAC = 0x0024_D7A1_3C10L;
    private static final long SOURCE_MAC = 0x3C7C_3F0E_21A4L;

    private SyntheticFrames()
    {
    }

    /**
     * A data segment of an established connection: Ethernet, IPv4 (DF, TTL 64), TCP with the
     * usual NOP NOP timestamps option (32-byte header), PSH|ACK, {@code payloadBytes} of payload.
     */
    static byte[] tcp4(final int source, final int sourcePort, final int destination, final int destinationPort,
                       final int payloadBytes)
    {
        final int tcpHeader = 32;
        final ByteBuffer frame = ethernet(ETHERNET_HEADER_LENGTH + 20 + tcpHeader + payloadBytes, 0x0800);
        frame.put((byte)0x45).put((byte)0).putShort((short)(20 + tcpHeader + payloadBytes))
            .putShort((short)0x1c46).putShort((short)0x4000).put((byte)64).put((byte)6).putShort((short)0)
            .putInt(source).putInt(destination);
        frame.putShort((short)sourcePort).putShort((short)destinationPort)
            .putInt(0x5d3a_91c4).putInt(0x0b17_2e01)
            .put((byte)((tcpHeader / 4) << 4)).put((byte)(TCP_PSH | TCP_ACK)).putShort((short)501)
            .putShort((short)0).putShort((short)0)
            .put((byte)1).put((byte)1).put((byte)8).put((byte)10).putInt(0x0123_4567).putInt(0x0765_4321);
        fill(frame, payloadBytes);
        return frame.array();
    }

    /** A DNS-sized datagram: Ethernet, IPv6 (hop limit 64), UDP, {@code payloadBytes} of payload. */
    static byte[] udp6(final long sourceHigh, final long sourceLow, final int sourcePort, final long destinationHigh,
                       final long destinationLow, final int destinationPort, final int payloadBytes)
    {
        final ByteBuffer frame = ethernet(ETHERNET_HEADER_LENGTH + 40 + 8 + payloadBytes, 0x86DD);
        frame.putInt(0x6000_0000 | 0x0_3a9f1).putShort((short)(8 + payloadBytes)).put((byte)17).put((byte)64)
            .putLong(sourceHigh).putLong(sourceLow).putLong(destinationHigh).putLong(destinationLow);
        frame.putShort((short)sourcePort).putShort((short)destinationPort).putShort((short)(8 + payloadBytes))
            .putShort((short)0);
        fill(frame, payloadBytes);
        return frame.array();
    }

    static int ipv4(final int a, final int b, final int c, final int d)
    {
        return (a << 24) | (b << 16) | (c << 8) | d;
    }

    private static ByteBuffer ethernet(final int length, final int etherType)
    {
        final ByteBuffer frame = ByteBuffer.allocate(Math.max(60, length)).order(ByteOrder.BIG_ENDIAN);
        frame.putShort((short)(DESTINATION_MAC >>> 32)).putInt((int)DESTINATION_MAC);
        frame.putShort((short)(SOURCE_MAC >>> 32)).putInt((int)SOURCE_MAC);
        frame.putShort((short)etherType);
        return frame;
    }

    private static void fill(final ByteBuffer frame, final int bytes)
    {
        for (int i = 0; i < bytes; i++)
        {
            frame.put((byte)(i * 31 + 7));
        }
    }
}
