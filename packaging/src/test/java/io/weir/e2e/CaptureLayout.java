package io.weir.e2e;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the records of a capture file are: the packet records of a classic pcap file, or the
 * blocks of a pcapng file (enhanced packet blocks marked). Used to damage files at known places.
 */
record CaptureLayout(byte[] bytes, ByteOrder order, List<Entry> entries)
{
    /** One pcap record (header and data) or pcapng block: its offset, total length and captured length. */
    record Entry(int offset, int length, int capturedLength, boolean packet)
    {
    }

    static CaptureLayout of(final Path file) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        final ByteBuffer buffer = ByteBuffer.wrap(bytes);
        final int magic = buffer.getInt(0);
        if (magic == 0x0A0D0D0A)
        {
            return pcapng(bytes, buffer);
        }
        final ByteOrder order = magic == 0xA1B2C3D4 || magic == 0xA1B23C4D ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        buffer.order(order);
        final List<Entry> entries = new ArrayList<>();
        int at = 24;
        while (at < bytes.length)
        {
            final int capturedLength = buffer.getInt(at + 8);
            entries.add(new Entry(at, 16 + capturedLength, capturedLength, true));
            at += 16 + capturedLength;
        }
        if (at != bytes.length)
        {
            throw new IOException(file + " does not end at a record boundary");
        }
        return new CaptureLayout(bytes, order, List.copyOf(entries));
    }

    private static CaptureLayout pcapng(final byte[] bytes, final ByteBuffer buffer) throws IOException
    {
        final ByteOrder order = buffer.getInt(8) == 0x1A2B3C4D ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        buffer.order(order);
        final List<Entry> entries = new ArrayList<>();
        int at = 0;
        while (at < bytes.length)
        {
            final int type = buffer.getInt(at);
            final int length = buffer.getInt(at + 4);
            final boolean packet = type == 6;
            entries.add(new Entry(at, length, packet ? buffer.getInt(at + 20) : 0, packet));
            at += length;
        }
        if (at != bytes.length)
        {
            throw new IOException("pcapng file does not end at a block boundary");
        }
        return new CaptureLayout(bytes, order, List.copyOf(entries));
    }

    Entry last()
    {
        return entries.get(entries.size() - 1);
    }

    List<Entry> packets()
    {
        return entries.stream().filter(Entry::packet).toList();
    }
}
