package io.weir.plugins.wg.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.weir.core.testing.Frames;

/**
 * Builds a classic pcap file (Ethernet, microsecond timestamps) from frames made with
 * {@link Frames}, with a given payload copied into each. Packets are written in the order added.
 */
public final class PcapWriter
{
    private static final int UDP_PAYLOAD_OFFSET = 14 + 20 + 8;
    private static final int TCP_PAYLOAD_OFFSET = 14 + 20 + 20;
    private static final int TCP_SEQUENCE_OFFSET = 14 + 20 + 4;

    private final List<byte[]> frames = new ArrayList<>();
    private final List<Long> timesNs = new ArrayList<>();
    private final Map<String, Long> nextSequence = new HashMap<>();

    /** An IPv4/UDP packet carrying {@code payload}. */
    public PcapWriter udp(final long timeNs, final String source, final int sourcePort, final String destination,
                          final int destinationPort, final byte[] payload)
    {
        final byte[] frame = Frames.udp4(source, sourcePort, destination, destinationPort, payload.length);
        System.arraycopy(payload, 0, frame, UDP_PAYLOAD_OFFSET, payload.length);
        return add(timeNs, frame);
    }

    /**
     * An IPv4/TCP packet with flags {@code flags} carrying {@code payload}; sequence and acknowledgement
     * numbers follow the bytes (and SYN/FIN) sent so far each way, so that tshark sees a clean stream.
     */
    public PcapWriter tcp(final long timeNs, final String source, final int sourcePort, final String destination,
                          final int destinationPort, final int flags, final byte[] payload)
    {
        final byte[] frame = Frames.tcp4(source, sourcePort, destination, destinationPort, flags, payload.length);
        System.arraycopy(payload, 0, frame, TCP_PAYLOAD_OFFSET, payload.length);
        final String forward = source + ":" + sourcePort + ">" + destination + ":" + destinationPort;
        final String reverse = destination + ":" + destinationPort + ">" + source + ":" + sourcePort;
        final long sequence = nextSequence.getOrDefault(forward, 1000L);
        final long acknowledgement = nextSequence.getOrDefault(reverse, 1000L);
        final ByteBuffer tcp = ByteBuffer.wrap(frame).order(ByteOrder.BIG_ENDIAN);
        tcp.putInt(TCP_SEQUENCE_OFFSET, (int)sequence);
        tcp.putInt(TCP_SEQUENCE_OFFSET + 4, (flags & Frames.TCP_ACK) != 0 ? (int)acknowledgement : 0);
        final int consumed = payload.length + ((flags & (Frames.TCP_SYN | Frames.TCP_FIN)) != 0 ? 1 : 0);
        nextSequence.put(forward, sequence + consumed);
        return add(timeNs, frame);
    }

    private PcapWriter add(final long timeNs, final byte[] frame)
    {
        frames.add(frame);
        timesNs.add(timeNs);
        return this;
    }

    public int size()
    {
        return frames.size();
    }

    public Path write(final Path file) throws IOException
    {
        int length = 24;
        for (final byte[] frame : frames)
        {
            length += 16 + frame.length;
        }
        final ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0xA1B2C3D4).putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(65535).putInt(1);
        for (int i = 0; i < frames.size(); i++)
        {
            final long timeNs = timesNs.get(i);
            final byte[] frame = frames.get(i);
            out.putInt((int)(timeNs / 1_000_000_000L)).putInt((int)(timeNs % 1_000_000_000L / 1000));
            out.putInt(frame.length).putInt(frame.length).put(frame);
        }
        Files.write(file, out.array());
        return file;
    }
}
