package io.weir.cli.ipfix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes what a test collector received as a classic pcap, so that tshark can read weir's
 * export exactly as sent: each UDP payload as one IPv4/UDP datagram, or a TCP byte stream as
 * a connection (handshake, segments of at most 1448 bytes with running sequence numbers, FIN).
 * Loopback addresses only; checksums zero (tshark does not check them by default).
 */
final class PcapWriter
{
    private final ByteBuffer out = ByteBuffer.allocate(64 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private int seconds = 1_000;

    PcapWriter()
    {
        out.putInt(0xA1B2C3D4).putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(65535).putInt(1);
    }

    static void udp(final Path file, final List<byte[]> payloads, final int sourcePort, final int port) throws IOException
    {
        final PcapWriter writer = new PcapWriter();
        for (final byte[] payload : payloads)
        {
            final ByteBuffer udp = ByteBuffer.allocate(8 + payload.length);
            udp.putShort((short)sourcePort).putShort((short)port).putShort((short)(8 + payload.length)).putShort((short)0)
                .put(payload);
            writer.ip(17, udp.array());
        }
        writer.save(file);
    }

    static void tcp(final Path file, final byte[] stream, final int sourcePort, final int port) throws IOException
    {
        final PcapWriter writer = new PcapWriter();
        final long clientIsn = 1000;
        final long serverIsn = 5000;
        writer.tcp(sourcePort, port, clientIsn, 0, 0x02, new byte[0]);
        writer.tcp(port, sourcePort, serverIsn, clientIsn + 1, 0x12, new byte[0]);
        writer.tcp(sourcePort, port, clientIsn + 1, serverIsn + 1, 0x10, new byte[0]);
        long seq = clientIsn + 1;
        for (int at = 0; at < stream.length; at += 1448)
        {
            final int n = Math.min(1448, stream.length - at);
            final byte[] segment = new byte[n];
            System.arraycopy(stream, at, segment, 0, n);
            writer.tcp(sourcePort, port, seq, serverIsn + 1, 0x18, segment);
            seq += n;
            writer.tcp(port, sourcePort, serverIsn + 1, seq, 0x10, new byte[0]);
        }
        writer.tcp(sourcePort, port, seq, serverIsn + 1, 0x11, new byte[0]);
        writer.save(file);
    }

    private void tcp(final int from, final int to, final long seq, final long ack, final int flags, final byte[] payload)
    {
        final ByteBuffer tcp = ByteBuffer.allocate(20 + payload.length);
        tcp.putShort((short)from).putShort((short)to).putInt((int)seq).putInt((int)ack).put((byte)0x50)
            .put((byte)flags).putShort((short)65535).putShort((short)0).putShort((short)0).put(payload);
        ip(6, tcp.array());
    }

    private void ip(final int protocol, final byte[] transport)
    {
        final ByteBuffer frame = ByteBuffer.allocate(14 + 20 + transport.length);
        frame.put(new byte[12]).putShort((short)0x0800);
        frame.put((byte)0x45).put((byte)0).putShort((short)(20 + transport.length)).putShort((short)0)
            .putShort((short)0x4000).put((byte)64).put((byte)protocol).putShort((short)0)
            .put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1}).put(transport);
        out.putInt(seconds++).putInt(0).putInt(frame.capacity()).putInt(frame.capacity()).put(frame.array());
    }

    private void save(final Path file) throws IOException
    {
        final byte[] bytes = new byte[out.position()];
        out.flip();
        out.get(bytes);
        Files.write(file, bytes);
    }
}
