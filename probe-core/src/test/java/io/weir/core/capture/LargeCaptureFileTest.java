package io.weir.core.capture;

import static io.weir.core.capture.PacketRecorder.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;

/**
 * Sparse capture files larger than 2 GiB (and 4 GiB): only headers and marker bytes are written,
 * everything else is a hole that reads as zeros. Offsets past 2^31 and 2^32 must work.
 */
class LargeCaptureFileTest
{
    private static final long TWO_GIB = 1L << 31;
    private static final long FOUR_GIB = 1L << 32;
    private static final int MAX = CaptureFileReader.MAX_CAPTURE_LENGTH;
    private static final long NS = 1_000_000_000L;

    private final RecordingProblems problems = new RecordingProblems();

    /** A record written to the sparse file: fully, or only its first and last 8 bytes (markers). */
    private record Written(long offset, int capturedLength, long timestampNs, byte[] fullData)
    {
    }

    private static void write(final FileChannel channel, final long position, final byte[] bytes) throws IOException
    {
        final ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining())
        {
            channel.write(buffer, position + buffer.position());
        }
    }

    private static byte[] marker(final long value)
    {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }

    /** Checks a delivered packet against what was written; holes must read as zeros. */
    private static void assertData(final Written written, final int index, final DirectBuffer buffer, final int offset)
    {
        final int length = written.capturedLength();
        if (written.fullData() != null)
        {
            final byte[] actual = new byte[length];
            buffer.getBytes(offset, actual);
            assertArrayEquals(written.fullData(), actual, "record " + index);
            return;
        }
        assertEquals(index, buffer.getLong(offset, ByteOrder.LITTLE_ENDIAN), "first marker of record " + index);
        assertEquals(~index, buffer.getLong(offset + length - 8, ByteOrder.LITTLE_ENDIAN), "last marker of " + index);
        for (int i = 8; i < length - 8; i += 8)
        {
            if (buffer.getLong(offset + i) != 0)
            {
                throw new AssertionError("record " + index + " byte " + i + " is not zero");
            }
        }
    }

    @Test
    void readsEveryRecordOfAClassicPcapLargerThanTwoGibibytes() throws IOException
    {
        final Path file = Files.createTempFile("weir-large", ".pcap");
        try
        {
            final List<Written> records = new ArrayList<>();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
            {
                write(channel, 0, PcapBytes.file(ByteOrder.LITTLE_ENDIAN, PcapBytes.MAGIC_NANOSECONDS, 0, 1).toArray());
                // The first record is sized so that record 8192's header starts 8 bytes before 2^31.
                final int firstLength = (int)(TWO_GIB - 8 - 24 - 16 - 8191L * (16 + MAX));
                long offset = 24;
                for (int i = 0; i < 8200; i++)
                {
                    final int length = i == 0 ? firstLength : i < 8200 - 3 ? MAX : 1000 + i;
                    final boolean full = i >= 8190;
                    final long timestampNs = (1_600_000_000L + i) * NS + i;
                    final byte[] header = new CaptureBytes(ByteOrder.LITTLE_ENDIAN)
                        .int32(timestampNs / NS).int32(timestampNs % NS).int32(length).int32(length + 4).toArray();
                    write(channel, offset, header);
                    final byte[] data = full ? bytes(length, i) : null;
                    if (full)
                    {
                        write(channel, offset + 16, data);
                    }
                    else
                    {
                        write(channel, offset + 16, marker(i));
                        write(channel, offset + 16 + length - 8, marker(~i));
                    }
                    records.add(new Written(offset, length, timestampNs, data));
                    offset += 16 + length;
                }
                assertEquals(TWO_GIB - 8, records.get(8192).offset());
                assertEquals(offset, channel.size());
            }
            assertTrue(Files.size(file) > TWO_GIB);

            final int[] next = {0};
            try (CaptureFileReader reader = CaptureFileReader.open(file, problems))
            {
                assertNotNull(reader, () -> "problems " + problems.reported);
                final PacketHandler check = (buffer, offset, capturedLength, wireLength, timestampNs, linkType, id) ->
                {
                    final int index = next[0]++;
                    final Written written = records.get(index);
                    assertEquals(written.capturedLength(), capturedLength, "caplen of record " + index);
                    assertEquals(written.capturedLength() + 4, wireLength, "wirelen of record " + index);
                    assertEquals(written.timestampNs(), timestampNs, "timestamp of record " + index);
                    assertEquals(1, linkType);
                    assertData(written, index, buffer, offset);
                };
                while (reader.read(check, 256) != PacketSource.END_OF_INPUT)
                {
                    assertTrue(reader.position() <= reader.size());
                }
                assertEquals(Files.size(file), reader.position());
            }
            assertEquals(records.size(), next[0]);
            assertEquals(List.of(), problems.reported);
        }
        finally
        {
            Files.delete(file);
        }
        assertFalse(Files.exists(file));
    }

    /** Custom blocks (skipped by length, never read) cover the file from {@code from} to {@code to}. */
    private static void fillWithSkippedBlocks(final FileChannel channel, final long from, final long to)
        throws IOException
    {
        long position = from;
        while (position < to)
        {
            long length = Math.min(64L << 20, to - position);
            if (to - position - length > 0 && to - position - length < 16)
            {
                length -= 16;
            }
            final byte[] head = new CaptureBytes(ByteOrder.LITTLE_ENDIAN)
                .int32(PcapngBytes.CUSTOM).int32(length).int32(32473).toArray();
            write(channel, position, head);
            write(channel, position + length - 4, new CaptureBytes(ByteOrder.LITTLE_ENDIAN).int32(length).toArray());
            position += length;
        }
        assertEquals(to, position);
    }

    @Test
    void readsPcapngPacketsAcrossTwoAndFourGibibytes() throws IOException
    {
        final Path file = Files.createTempFile("weir-large", ".pcapng");
        try
        {
            final List<Written> packets = new ArrayList<>();
            final long[] starts = {
                TWO_GIB - 12,          // the block header straddles 2^31
                TWO_GIB + 4096,
                FOUR_GIB - 100_000,    // the packet data straddles 2^32
                FOUR_GIB + 200_000,
                FOUR_GIB + (300L << 20),
            };
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
            {
                final PcapngBytes head = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
                head.interfaceDescription(1, 0, head.tsresol(9));
                write(channel, 0, head.toArray());
                long position = head.offset();
                for (int i = 0; i < starts.length; i++)
                {
                    fillWithSkippedBlocks(channel, position, starts[i]);
                    final byte[] data = bytes(i == 2 ? 200_001 : 1500 + i, i);
                    final long timestampNs = (1_700_000_000L + i) * NS + 7;
                    final PcapngBytes block = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
                    final long blockStart = block.offset();
                    block.enhancedPacket(0, timestampNs, data.length, data.length, data);
                    final byte[] blockBytes = block.toArray();
                    final byte[] packetBlock = Arrays.copyOfRange(blockBytes, (int)blockStart, blockBytes.length);
                    write(channel, starts[i], packetBlock);
                    packets.add(new Written(starts[i], data.length, timestampNs, data));
                    position = starts[i] + packetBlock.length;
                }
            }
            assertTrue(Files.size(file) > FOUR_GIB + (300L << 20));

            final int[] next = {0};
            try (CaptureFileReader reader = CaptureFileReader.open(file, problems))
            {
                assertNotNull(reader, () -> "problems " + problems.reported);
                final PacketHandler check = (buffer, offset, capturedLength, wireLength, timestampNs, linkType, id) ->
                {
                    final int index = next[0]++;
                    final Written written = packets.get(index);
                    assertEquals(written.capturedLength(), capturedLength, "caplen of packet " + index);
                    assertEquals(written.capturedLength(), wireLength, "wirelen of packet " + index);
                    assertEquals(written.timestampNs(), timestampNs, "timestamp of packet " + index);
                    assertData(written, index, buffer, offset);
                };
                while (reader.read(check, 2) != PacketSource.END_OF_INPUT)
                {
                    assertTrue(reader.position() <= reader.size());
                }
                assertEquals(Files.size(file), reader.position());
                assertEquals(0, reader.recordsLost());
            }
            assertEquals(packets.size(), next[0]);
            assertEquals(List.of(), problems.reported);
        }
        finally
        {
            Files.delete(file);
        }
        assertFalse(Files.exists(file));
    }
}
