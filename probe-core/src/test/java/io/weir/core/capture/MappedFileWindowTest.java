package io.weir.core.capture;

import static io.weir.core.capture.PacketRecorder.bytes;
import static io.weir.core.capture.PacketRecorder.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.weir.core.capture.PacketRecorder.Packet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MappedFileWindowTest
{
    private static final long NS = 1_000_000_000L;

    @TempDir
    Path dir;

    private final RecordingProblems problems = new RecordingProblems();

    @ParameterizedTest
    @ValueSource(longs = {1, 16, 100, 4096, 5000, 32L << 20})
    void mapsEveryRangeWithTheFilesBytes(final long windowBytes) throws Exception
    {
        final SplittableRandom random = new SplittableRandom(windowBytes);
        final byte[] content = new byte[3 * 4096 + 123];
        for (int i = 0; i < content.length; i++)
        {
            content[i] = (byte)random.nextInt();
        }
        final Path file = Files.write(dir.resolve("content"), content);

        try (MappedFileWindow window = new MappedFileWindow(file, windowBytes))
        {
            assertEquals(content.length, window.fileSize());
            for (int i = 0; i < 2_000; i++)
            {
                final int position = random.nextInt(content.length);
                final int length = random.nextInt(Math.min(content.length - position, 9000) + 1);
                final int offset = window.map(position, length);
                for (int j = 0; j < length; j++)
                {
                    assertEquals(content[position + j], window.buffer().getByte(offset + j),
                        "byte " + (position + j) + " in map(" + position + ", " + length + ")");
                }
            }
            // The last byte of the file, alone and at the end of a range.
            assertEquals(content[content.length - 1], window.buffer().getByte(window.map(content.length - 1, 1)));
            final int offset = window.map(0, content.length);
            assertEquals(content[content.length - 1], window.buffer().getByte(offset + content.length - 1));
        }
    }

    private static List<Packet> expectedPackets(final int count)
    {
        final List<Packet> packets = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            packets.add(Packet.of((1_000 + i) * NS + i, (i * 977) % 3000 + 10, 1, 0, bytes((i * 977) % 3000, i)));
        }
        return packets;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 17, 100, 4095, 4096, 4097, 10_000})
    void pcapRecordsStraddlingWindowsAreDeliveredWhole(final long windowBytes)
    {
        final List<Packet> expected = expectedPackets(60);
        final PcapBytes pcap = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, PcapBytes.MAGIC_NANOSECONDS, 0, 1);
        for (int i = 0; i < expected.size(); i++)
        {
            final byte[] data = bytes((i * 977) % 3000, i);
            pcap.record(1_000 + i, i, data.length, data.length + 10, data);
        }
        final Path file = pcap.writeTo(dir.resolve("windows.pcap"));
        assertTrue(pcap.offset() > 20 * 4096, "file spans many pages");

        try (CaptureFileReader reader = CaptureFileReader.open(file, problems, windowBytes))
        {
            assertNotNull(reader);
            assertEquals(expected, readAll(reader, 7));
        }
        assertEquals(List.of(), problems.reported);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 17, 100, 4095, 4096, 4097, 10_000})
    void pcapngBlocksStraddlingWindowsAreDeliveredWhole(final long windowBytes)
    {
        final List<Packet> expected = expectedPackets(60);
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.BIG_ENDIAN);
        pcapng.interfaceDescription(1, 0, pcapng.tsresol(9));
        for (int i = 0; i < expected.size(); i++)
        {
            final byte[] data = bytes((i * 977) % 3000, i);
            pcapng.enhancedPacket(0, (1_000 + i) * NS + i, data.length, data.length + 10, data);
            pcapng.block(PcapngBytes.CUSTOM, bytes(i * 131 % 5000, i));
        }
        final Path file = pcapng.writeTo(dir.resolve("windows.pcapng"));

        try (CaptureFileReader reader = CaptureFileReader.open(file, problems, windowBytes))
        {
            assertNotNull(reader);
            assertEquals(expected, readAll(reader, 7));
        }
        assertEquals(List.of(), problems.reported);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 100, 4096, 10_000})
    void everyPacketOfABatchStaysReadableUntilTheNextRead(final long windowBytes)
    {
        final List<Packet> expected = expectedPackets(60);
        final PcapBytes pcap = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, PcapBytes.MAGIC_NANOSECONDS, 0, 1);
        for (int i = 0; i < expected.size(); i++)
        {
            final byte[] data = bytes((i * 977) % 3000, i);
            pcap.record(1_000 + i, i, data.length, data.length + 10, data);
        }
        final Path file = pcap.writeTo(dir.resolve("batch.pcap"));
        final List<org.agrona.DirectBuffer> buffers = new ArrayList<>();
        final List<int[]> places = new ArrayList<>();
        final PacketHandler keepReferences = (buffer, offset, length, wire, time, linkType, ifc) ->
        {
            buffers.add(buffer);
            places.add(new int[] {offset, length});
        };

        int seen = 0;
        try (CaptureFileReader reader = CaptureFileReader.open(file, problems, windowBytes))
        {
            assertNotNull(reader);
            while (reader.read(keepReferences, 7) != PacketSource.END_OF_INPUT)
            {
                for (int i = 0; i < buffers.size(); i++)
                {
                    final byte[] data = new byte[places.get(i)[1]];
                    buffers.get(i).getBytes(places.get(i)[0], data);
                    assertEquals(expected.get(seen + i).data(), java.util.HexFormat.of().formatHex(data),
                        "packet " + (seen + i) + " changed before the next read");
                }
                seen += buffers.size();
                buffers.clear();
                places.clear();
            }
        }
        assertEquals(expected.size(), seen);
    }

    @Test
    void truncatedRecordIsReportedTheSameWithATinyWindow()
    {
        final PcapBytes pcap = PcapBytes.file(ByteOrder.BIG_ENDIAN, PcapBytes.MAGIC_MICROSECONDS, 0, 1)
            .record(1, 0, bytes(5000, 1));
        final long cut = pcap.offset();
        pcap.record(2, 0, 5000, 5000, bytes(4000, 2));
        final Path file = pcap.writeTo(dir.resolve("cut.pcap"));

        try (CaptureFileReader reader = CaptureFileReader.open(file, problems, 1))
        {
            assertNotNull(reader);
            assertEquals(List.of(Packet.of(NS, 5000, 1, 0, bytes(5000, 1))), readAll(reader, 10));
        }
        assertEquals(List.of(RecordingProblems.Problem.warning(file, cut,
            "truncated record: caplen 5000 but only 4000 bytes left in the file")), problems.reported);
    }
}
