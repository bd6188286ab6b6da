package io.weir.core.capture;

import static io.weir.core.capture.PacketRecorder.bytes;
import static io.weir.core.capture.PacketRecorder.readAll;
import static io.weir.core.capture.PcapBytes.MAGIC_MICROSECONDS;
import static io.weir.core.capture.PcapBytes.MAGIC_NANOSECONDS;
import static io.weir.core.capture.RecordingProblems.Problem.unusable;
import static io.weir.core.capture.RecordingProblems.Problem.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.weir.core.capture.PacketRecorder.Packet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PcapFileReaderTest
{
    private static final int ETHERNET = 1;
    private static final long NS = 1_000_000_000L;

    @TempDir
    Path dir;

    private final RecordingProblems problems = new RecordingProblems();

    private static ByteOrder order(final String name)
    {
        return "big".equals(name) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    private CaptureFileReader open(final Path file)
    {
        final CaptureFileReader reader = CaptureFileReader.open(file, problems);
        assertNotNull(reader, () -> "reader for " + file + ", problems " + problems.reported);
        return reader;
    }

    @ParameterizedTest
    @ValueSource(strings = {"little", "big"})
    void readsMicrosecondTimestampsInEitherByteOrder(final String byteOrder)
    {
        final Path file = PcapBytes.file(order(byteOrder), MAGIC_MICROSECONDS, 65535, ETHERNET)
            .record(1_600_000_000L, 123_456, bytes(60, 1))
            .record(1_600_000_001L, 999_999, bytes(1, 2))
            .record(0xFFFF_FFFFL, 1, bytes(14, 3))
            .writeTo(dir.resolve("micro.pcap"));

        try (CaptureFileReader reader = open(file))
        {
            assertEquals("pcap", reader.format());
            assertEquals(List.of(
                Packet.of(1_600_000_000L * NS + 123_456_000L, 60, ETHERNET, 0, bytes(60, 1)),
                Packet.of(1_600_000_001L * NS + 999_999_000L, 1, ETHERNET, 0, bytes(1, 2)),
                Packet.of(4_294_967_295L * NS + 1_000L, 14, ETHERNET, 0, bytes(14, 3))),
                readAll(reader, 10));
        }
        assertEquals(List.of(), problems.reported);
    }

    @ParameterizedTest
    @ValueSource(strings = {"little", "big"})
    void readsNanosecondTimestampsInEitherByteOrder(final String byteOrder)
    {
        final Path file = PcapBytes.file(order(byteOrder), MAGIC_NANOSECONDS, 65535, ETHERNET)
            .record(1_600_000_000L, 123_456_789, bytes(60, 1))
            .record(1_600_000_000L, 999_999_999, bytes(61, 2))
            .record(0, 1, bytes(62, 3))
            .writeTo(dir.resolve("nano.pcap"));

        try (CaptureFileReader reader = open(file))
        {
            assertEquals("pcap (ns)", reader.format());
            assertEquals(List.of(
                Packet.of(1_600_000_000L * NS + 123_456_789L, 60, ETHERNET, 0, bytes(60, 1)),
                Packet.of(1_600_000_000L * NS + 999_999_999L, 61, ETHERNET, 0, bytes(61, 2)),
                Packet.of(1L, 62, ETHERNET, 0, bytes(62, 3))),
                readAll(reader, 10));
        }
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void deliversCapturedAndWireLengthsFromTheRecordHeader()
    {
        final Path file = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, MAGIC_MICROSECONDS, 96, ETHERNET)
            .record(10, 0, 96, 1514, bytes(96, 1))
            .record(11, 0, 0, 60, new byte[0])
            .record(12, 0, 42, 42, bytes(42, 2))
            .writeTo(dir.resolve("lengths.pcap"));

        try (CaptureFileReader reader = open(file))
        {
            assertEquals(List.of(
                Packet.of(10 * NS, 1514, ETHERNET, 0, bytes(96, 1)),
                Packet.of(11 * NS, 60, ETHERNET, 0, new byte[0]),
                Packet.of(12 * NS, 42, ETHERNET, 0, bytes(42, 2))),
                readAll(reader, 10));
        }
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void wireLengthBelowTheCapturedLengthIsRaisedToIt()
    {
        final Path file = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, MAGIC_MICROSECONDS, 65535, ETHERNET)
            .record(1, 0, 60, 40, bytes(60, 1))
            .record(2, 0, 60, 0x8000_0000, bytes(60, 2))
            .writeTo(dir.resolve("short-wirelen.pcap"));

        try (CaptureFileReader reader = open(file))
        {
            assertEquals(List.of(
                Packet.of(NS, 60, ETHERNET, 0, bytes(60, 1)),
                Packet.of(2 * NS, 60, ETHERNET, 0, bytes(60, 2))),
                readAll(reader, 10));
        }
        assertEquals(List.of(), problems.reported);
    }

    @ParameterizedTest
    @ValueSource(strings = {"little", "big"})
    void takesTheLinkTypeFromTheLow16BitsOfTheHeaderField(final String byteOrder)
    {
        // The upper bits carry the FCS length flags (LINKTYPE_... with F bit and FCS length 4 bytes).
        final int rawWithFcsBits = 0x3000_0000 | 101;
        final Path file = PcapBytes.file(order(byteOrder), MAGIC_MICROSECONDS, 65535, rawWithFcsBits)
            .record(1, 0, bytes(20, 1))
            .writeTo(dir.resolve("raw.pcap"));

        try (CaptureFileReader reader = open(file))
        {
            assertEquals(List.of(Packet.of(NS, 20, 101, 0, bytes(20, 1))), readAll(reader, 1));
        }
    }

    @Test
    void deliversTheSamePacketsWhateverTheBatchSize()
    {
        final PcapBytes pcap = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, MAGIC_NANOSECONDS, 65535, ETHERNET);
        for (int i = 0; i < 100; i++)
        {
            pcap.record(1000 + i, i, bytes(i * 13 % 200, i));
        }
        final Path file = pcap.writeTo(dir.resolve("batches.pcap"));

        final List<Packet> expected;
        try (CaptureFileReader reader = open(file))
        {
            expected = readAll(reader, 1000);
        }
        assertEquals(100, expected.size());
        for (final int batch : new int[]{1, 3, 7, 99, 100, 101})
        {
            try (CaptureFileReader reader = open(file))
            {
                assertEquals(expected, readAll(reader, batch), "batch " + batch);
            }
        }
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void fileWithOnlyAHeaderHasNoPackets()
    {
        final Path file = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, MAGIC_MICROSECONDS, 65535, ETHERNET)
            .writeTo(dir.resolve("header-only.pcap"));

        try (CaptureFileReader reader = open(file))
        {
            assertEquals(List.of(), readAll(reader, 10));
            assertEquals(0, reader.recordsLost());
        }
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void truncatedFileHeaderMakesTheFileUnusable()
    {
        final byte[] header = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, MAGIC_MICROSECONDS, 65535, ETHERNET).toArray();
        final Path file = new CaptureBytes(ByteOrder.LITTLE_ENDIAN).bytes(Arrays.copyOf(header, 23))
            .writeTo(dir.resolve("short-header.pcap"));

        assertNull(CaptureFileReader.open(file, problems));
        assertEquals(List.of(unusable(file, "truncated pcap file header (23 of 24 bytes)")), problems.reported);
    }

    @Test
    void unsupportedMajorVersionMakesTheFileUnusable()
    {
        final Path file = PcapBytes.file(ByteOrder.BIG_ENDIAN, MAGIC_MICROSECONDS, 1, 65535, ETHERNET)
            .record(1, 0, bytes(20, 1))
            .writeTo(dir.resolve("version1.pcap"));

        assertNull(CaptureFileReader.open(file, problems));
        assertEquals(List.of(unusable(file, "unsupported pcap version 1.4")), problems.reported);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 100})
    void truncatedLastRecordHeaderIsOneWarningAfterTheGoodPackets(final int batch)
    {
        final PcapBytes pcap = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, MAGIC_MICROSECONDS, 65535, ETHERNET)
            .record(1, 0, bytes(50, 1))
            .record(2, 0, bytes(51, 2));
        final long cut = pcap.offset();
        pcap.bytes(new byte[10]);
        final Path file = pcap.writeTo(dir.resolve("cut-header.pcap"));

        try (CaptureFileReader reader = open(file))
        {
            assertEquals(List.of(
                Packet.of(NS, 50, ETHERNET, 0, bytes(50, 1)),
                Packet.of(2 * NS, 51, ETHERNET, 0, bytes(51, 2))),
                readAll(reader, batch));
            assertEquals(1, reader.recordsLost());
        }
        assertEquals(24 + 16 + 50 + 16 + 51, cut);
        assertEquals(List.of(warning(file, cut, "truncated record header (10 of 16 bytes) at end of file")),
            problems.reported);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 100})
    void truncatedLastRecordDataIsOneWarningAfterTheGoodPackets(final int batch)
    {
        final PcapBytes pcap = PcapBytes.file(ByteOrder.BIG_ENDIAN, MAGIC_NANOSECONDS, 65535, ETHERNET)
            .record(1, 5, bytes(50, 1))
            .record(2, 5, bytes(51, 2));
        final long cut = pcap.offset();
        pcap.record(3, 5, 100, 100, bytes(30, 3));
        final Path file = pcap.writeTo(dir.resolve("cut-data.pcap"));

        try (CaptureFileReader reader = open(file))
        {
            assertEquals(List.of(
                Packet.of(NS + 5, 50, ETHERNET, 0, bytes(50, 1)),
                Packet.of(2 * NS + 5, 51, ETHERNET, 0, bytes(51, 2))),
                readAll(reader, batch));
            assertEquals(1, reader.recordsLost());
        }
        assertEquals(List.of(warning(file, cut, "truncated record: caplen 100 but only 30 bytes left in the file")),
            problems.reported);
    }

    @Test
    void caplenLargerThanTheMaximumStopsTheFileAfterTheGoodPackets()
    {
        final PcapBytes pcap = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, MAGIC_MICROSECONDS, 0, ETHERNET)
            .record(1, 0, bytes(60, 1));
        final long corrupt = pcap.offset();
        pcap.record(2, 0, CaptureFileReader.MAX_CAPTURE_LENGTH + 1, 70, bytes(70, 2))
            .record(3, 0, bytes(60, 3));
        final Path file = pcap.writeTo(dir.resolve("huge-caplen.pcap"));

        try (CaptureFileReader reader = open(file))
        {
            assertEquals(List.of(Packet.of(NS, 60, ETHERNET, 0, bytes(60, 1))), readAll(reader, 100));
            assertEquals(1, reader.recordsLost());
        }
        assertEquals(List.of(warning(file, corrupt, "record caplen 262145 is larger than 262144: "
            + "the file is corrupt from here, the rest is skipped")), problems.reported);
    }

    @Test
    void caplenWithTheTopBitSetIsReportedUnsigned()
    {
        final PcapBytes pcap = PcapBytes.file(ByteOrder.BIG_ENDIAN, MAGIC_MICROSECONDS, 65535, ETHERNET);
        pcap.record(2, 0, 0xFFFF_FFF0, 70, bytes(70, 2));
        final Path file = pcap.writeTo(dir.resolve("negative-caplen.pcap"));

        try (CaptureFileReader reader = open(file))
        {
            assertEquals(List.of(), readAll(reader, 1));
        }
        assertEquals(List.of(warning(file, 24, "record caplen 4294967280 is larger than 262144: "
            + "the file is corrupt from here, the rest is skipped")), problems.reported);
    }

    @Test
    void caplenOfExactlyTheMaximumIsDelivered()
    {
        final byte[] data = bytes(CaptureFileReader.MAX_CAPTURE_LENGTH, 9);
        final Path file = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, MAGIC_MICROSECONDS, 0, ETHERNET)
            .record(7, 0, data)
            .writeTo(dir.resolve("max-caplen.pcap"));

        try (CaptureFileReader reader = open(file))
        {
            assertEquals(List.of(Packet.of(7 * NS, data.length, ETHERNET, 0, data)), readAll(reader, 10));
        }
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void caplenLargerThanTheSnapLengthIsDeliveredInFullWithOneWarning()
    {
        final PcapBytes pcap = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, MAGIC_MICROSECONDS, 64, ETHERNET)
            .record(1, 0, bytes(64, 1));
        final long firstOversized = pcap.offset();
        pcap.record(2, 0, 100, 1500, bytes(100, 2))
            .record(3, 0, 200, 1500, bytes(200, 3));
        final Path file = pcap.writeTo(dir.resolve("over-snaplen.pcap"));

        try (CaptureFileReader reader = open(file))
        {
            assertEquals(List.of(
                Packet.of(NS, 64, ETHERNET, 0, bytes(64, 1)),
                Packet.of(2 * NS, 1500, ETHERNET, 0, bytes(100, 2)),
                Packet.of(3 * NS, 1500, ETHERNET, 0, bytes(200, 3))),
                readAll(reader, 10));
            assertEquals(0, reader.recordsLost());
        }
        assertEquals(List.of(warning(file, firstOversized,
            "record caplen 100 exceeds the snap length 64 in the file header; records like it are read in full")),
            problems.reported);
    }

    @Test
    void positionReachesTheFileSizeAtTheEnd()
    {
        final PcapBytes pcap = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, MAGIC_MICROSECONDS, 65535, ETHERNET)
            .record(1, 0, bytes(10, 1))
            .record(1, 0, bytes(11, 1));
        final Path file = pcap.writeTo(dir.resolve("position.pcap"));

        try (CaptureFileReader reader = open(file))
        {
            assertEquals(24, reader.position());
            assertEquals(1, reader.read(new PacketRecorder(), 1));
            assertEquals(24 + 16 + 10, reader.position());
            readAll(reader, 10);
            assertEquals(pcap.offset(), reader.position());
            assertEquals(pcap.offset(), reader.size());
        }
    }
}
