package io.weir.plugins.wg.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.testing.Frames;

/**
 * Builds a classic pcap file (Ethernet, microsecond timestamps) from frames made with
 * {@link Frames}, with a given payload copied into each. Packets are written in the order added.
 */
public final class PcapWriter
{
    private static final int UDP_PAYLOAD_OFFSET = 14 + 20 + 8;
    private static final int TCP_PAYLOAD_OFFSET = 14 + 20 + 20;

    private final List<byte[]> frames = new ArrayList<>();
    private final List<Long> timesNs = new ArrayList<>();

    /** An IPv4/UDP packet carrying {@code payload}. */
    public PcapWriter udp(final long timeNs, final String source, final int sourcePort, final String destination,
                          final int destinationPort, final byte[] payload)
    {
        final byte[] frame = Frames.udp4(source, sourcePort, destination, destinationPort, payload.length);
        System.arraycopy(payload, 0, frame, UDP_PAYLOAD_OFFSET, payload.length);
        return add(timeNs, frame);
    }

    /** An IPv4/TCP packet with flags {@code flags} carrying {@code payload}. */
    public PcapWriter tcp(final long timeNs, final String source, final int sourcePort, final String destination,
                          final int destinationPort, final int flags, final byte[] payload)
    {
        final byte[] frame = Frames.tcp4(source, sourcePort, destination, destinationPort, flags, payload.length);
        System.arraycopy(payload, 0, frame, TCP_PAYLOAD_OFFSET, payload.length);
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
