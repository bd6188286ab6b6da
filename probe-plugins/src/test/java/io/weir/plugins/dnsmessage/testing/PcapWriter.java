package io.weir.plugins.dnsmessage.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes Ethernet frames as a classic pcap file (microsecond timestamps), for tshark to read. */
public final class PcapWriter
{
    private PcapWriter()
    {
    }

    public static Path write(final Path file, final List<byte[]> frames) throws IOException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(262144).putInt(1);
        out.writeBytes(header.array());
        int second = 1_600_000_000;
        for (final byte[] frame : frames)
        {
            final ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(second++).putInt(0).putInt(frame.length).putInt(frame.length);
            out.writeBytes(record.array());
            out.writeBytes(frame);
        }
        Files.write(file, out.toByteArray());
        return file;
    }

    /** Ethernet + IPv4 + UDP around {@code payload}. */
    public static byte[] udp4(final String source, final int sourcePort, final String destination,
                              final int destinationPort, final byte[] payload)
    {
        final byte[] frame = io.weir.core.testing.Frames.udp4(source, sourcePort, destination, destinationPort,
            payload.length);
        System.arraycopy(payload, 0, frame, 14 + 20 + 8, payload.length);
        return frame;
    }

    /** Ethernet + IPv4 + TCP (ACK|PSH, sequence 1000) around {@code payload}. */
    public static byte[] tcp4(final String source, final int sourcePort, final String destination,
                              final int destinationPort, final byte[] payload)
    {
        return tcp4(source, sourcePort, destination, destinationPort,
            io.weir.core.testing.Frames.TCP_ACK | io.weir.core.testing.Frames.TCP_PSH, 1000, payload);
    }

    /** Ethernet + IPv4 + TCP with the given flags and sequence number around {@code payload}. */
    public static byte[] tcp4(final String source, final int sourcePort, final String destination,
                              final int destinationPort, final int flags, final int sequence, final byte[] payload)
    {
        final byte[] frame = io.weir.core.testing.Frames.tcp4(source, sourcePort, destination, destinationPort, flags,
            payload.length);
        ByteBuffer.wrap(frame).putInt(14 + 20 + 4, sequence);
        System.arraycopy(payload, 0, frame, 14 + 20 + 20, payload.length);
        return frame;
    }
}
