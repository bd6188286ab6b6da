package io.weir.plugins.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes classic pcap files (Ethernet) for tests that rework real captures. */
public final class PcapFile
{
    private static final int MAGIC_MICROS = 0xA1B2C3D4;
    private static final int MAGIC_NANOS = 0xA1B23C4D;
    private static final int LINK_ETHERNET = 1;

    /** One captured frame: {@code frame} holds the captured bytes, {@code wireLength} the length on the wire. */
    public record Packet(long timestampNs, byte[] frame, int wireLength)
    {
        public Packet withFrame(final byte[] newFrame)
        {
            return new Packet(timestampNs, newFrame, newFrame.length);
        }

        public Packet at(final long newTimestampNs)
        {
            return new Packet(newTimestampNs, frame, wireLength);
        }
    }

    private PcapFile()
    {
    }

    public static List<Packet> read(final Path file) throws IOException
    {
        final ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file));
        int magic = data.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != MAGIC_MICROS && magic != MAGIC_NANOS)
        {
            data.order(ByteOrder.BIG_ENDIAN);
            magic = data.getInt(0);
        }
        if (magic != MAGIC_MICROS && magic != MAGIC_NANOS)
        {
            throw new IOException(file + " is not a classic pcap file");
        }
        if (data.getInt(20) != LINK_ETHERNET)
        {
            throw new IOException(file + " is not Ethernet");
        }
        final long fractionNs = magic == MAGIC_NANOS ? 1 : 1000;
        final List<Packet> packets = new ArrayList<>();
        int position = 24;
        while (position + 16 <= data.limit())
        {
            final long seconds = data.getInt(position) & 0xFFFF_FFFFL;
            final long fraction = data.getInt(position + 4) & 0xFFFF_FFFFL;
            final int captured = data.getInt(position + 8);
            final int wire = data.getInt(position + 12);
            final byte[] frame = new byte[captured];
            data.get(position + 16, frame);
            packets.add(new Packet(seconds * 1_000_000_000L + fraction * fractionNs, frame, wire));
            position += 16 + captured;
        }
        return packets;
    }

    /** Writes a nanosecond pcap. */
    public static void write(final Path file, final List<Packet> packets) throws IOException
    {
        int size = 24;
        for (final Packet packet : packets)
        {
            size += 16 + packet.frame().length;
        }
        final ByteBuffer data = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        data.putInt(MAGIC_NANOS).putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(262144)
            .putInt(LINK_ETHERNET);
        for (final Packet packet : packets)
        {
            data.putInt((int)(packet.timestampNs() / 1_000_000_000L)).putInt((int)(packet.timestampNs() % 1_000_000_000L))
                .putInt(packet.frame().length).putInt(Math.max(packet.wireLength(), packet.frame().length))
                .put(packet.frame());
        }
        Files.write(file, data.array());
    }
}
