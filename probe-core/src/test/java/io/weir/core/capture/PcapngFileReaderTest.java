package io.weir.core.capture;

import static io.weir.core.capture.PacketRecorder.bytes;
import static io.weir.core.capture.PacketRecorder.readAll;
import static io.weir.core.capture.RecordingProblems.Problem.unusable;
import static io.weir.core.capture.RecordingProblems.Problem.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.weir.core.capture.PacketRecorder.Packet;
import io.weir.core.capture.RecordingProblems.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PcapngFileReaderTest
{
    private static final int ETHERNET = 1;
    private static final int RAW = 101;
    private static final int LINUX_SLL = 113;
    private static final long NS = 1_000_000_000L;
    private static final long T0 = 1_700_000_000L;

    @TempDir
    Path dir;

    private final RecordingProblems problems = new RecordingProblems();

    private static ByteOrder order(final String name)
    {
        return "big".equals(name) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    private List<Packet> readFile(final Path file, final int batch)
    {
        try (CaptureFileReader reader = CaptureFileReader.open(file, problems))
        {
            assertNotNull(reader, () -> "reader for " + file + ", problems " + problems.reported);
            assertEquals("pcapng", reader.format());
            return readAll(reader, batch);
        }
    }

    private List<Packet> readFile(final Path file)
    {
        return readFile(file, 100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"little", "big"})
    void readsASectionInEitherByteOrder(final String byteOrder)
    {
        final Path file = PcapngBytes.file(order(byteOrder))
            .interfaceDescription(ETHERNET, 65535)
            .enhancedPacket(0, T0 * 1_000_000 + 654_321, bytes(60, 1))
            .enhancedPacket(0, T0 * 1_000_000 + 654_322, 61, 1514, bytes(61, 2))
            .writeTo(dir.resolve("one-section.pcapng"));

        assertEquals(List.of(
            Packet.of(T0 * NS + 654_321_000L, 60, ETHERNET, 0, bytes(60, 1)),
            Packet.of(T0 * NS + 654_322_000L, 1514, ETHERNET, 0, bytes(61, 2))),
            readFile(file));
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void eachSectionHasItsOwnByteOrderAndInterfaces()
    {
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(ETHERNET, 0)
            .interfaceDescription(RAW, 0)
            .enhancedPacket(1, 1_000_000, bytes(20, 1))
            .section(ByteOrder.BIG_ENDIAN)
            .interfaceDescription(LINUX_SLL, 0, new byte[0][])
            .enhancedPacket(0, 2_000_000, bytes(30, 2));
        final long staleInterface = pcapng.offset();
        pcapng.enhancedPacket(1, 3_000_000, bytes(40, 3))
            .section(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(RAW, 0, pcapngTsresol(ByteOrder.LITTLE_ENDIAN, 9))
            .enhancedPacket(0, 4_000_000_123L, bytes(50, 4));
        final Path file = pcapng.writeTo(dir.resolve("sections.pcapng"));

        assertEquals(List.of(
            Packet.of(NS, 20, RAW, 1, bytes(20, 1)),
            Packet.of(2 * NS, 30, LINUX_SLL, 0, bytes(30, 2)),
            Packet.of(4 * NS + 123, 50, RAW, 0, bytes(50, 4))),
            readFile(file));
        assertEquals(List.of(warning(file, staleInterface,
            "packet for interface 1 but only 1 interface(s) described; block skipped")), problems.reported);
    }

    private static byte[] pcapngTsresol(final ByteOrder order, final int value)
    {
        return PcapngBytes.file(order).tsresol(value);
    }

    @Test
    void reportsPacketsWithTheirInterfaceIdAndLinkType()
    {
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        final Path file = pcapng
            .interfaceDescription(ETHERNET, 0, pcapng.option(PcapngBytes.OPTION_IF_NAME, "eth0".getBytes()))
            .interfaceDescription(LINUX_SLL, 262144, pcapng.tsresol(9))
            .interfaceDescription(RAW, 1500, pcapng.tsresol(3), pcapng.tsoffset(1_000))
            .enhancedPacket(2, 5_000, bytes(40, 1))
            .enhancedPacket(0, 5_000_000, bytes(41, 2))
            .enhancedPacket(1, 5_000_000_000L, bytes(42, 3))
            .enhancedPacket(2, 6_001, bytes(43, 4))
            .writeTo(dir.resolve("interfaces.pcapng"));

        assertEquals(List.of(
            Packet.of(1_005 * NS, 40, RAW, 2, bytes(40, 1)),
            Packet.of(5 * NS, 41, ETHERNET, 0, bytes(41, 2)),
            Packet.of(5 * NS, 42, LINUX_SLL, 1, bytes(42, 3)),
            Packet.of(1_006 * NS + 1_000_000, 43, RAW, 2, bytes(43, 4))),
            readFile(file));
        assertEquals(List.of(), problems.reported);
    }

    @ParameterizedTest
    @ValueSource(strings = {"little", "big"})
    void readsDecimalTimestampResolution(final String byteOrder)
    {
        final PcapngBytes pcapng = PcapngBytes.file(order(byteOrder));
        final Path file = pcapng
            .interfaceDescription(ETHERNET, 0, pcapng.tsresol(9))
            .interfaceDescription(ETHERNET, 0, pcapng.tsresol(3))
            .interfaceDescription(ETHERNET, 0, pcapng.tsresol(0))
            .interfaceDescription(ETHERNET, 0, pcapng.tsresol(12))
            .interfaceDescription(ETHERNET, 0)
            .enhancedPacket(0, T0 * NS + 999_999_999L, bytes(10, 0))
            .enhancedPacket(1, T0 * 1_000 + 7, bytes(10, 1))
            .enhancedPacket(2, T0, bytes(10, 2))
            .enhancedPacket(3, 1_234_567_890_123_456_789L, bytes(10, 3))
            .enhancedPacket(4, T0 * 1_000_000 + 1, bytes(10, 4))
            .writeTo(dir.resolve("decimal.pcapng"));

        assertEquals(List.of(
            Packet.of(T0 * NS + 999_999_999L, 10, ETHERNET, 0, bytes(10, 0)),
            Packet.of(T0 * NS + 7_000_000L, 10, ETHERNET, 1, bytes(10, 1)),
            Packet.of(T0 * NS, 10, ETHERNET, 2, bytes(10, 2)),
            Packet.of(1_234_567_890_123_456L, 10, ETHERNET, 3, bytes(10, 3)),
            Packet.of(T0 * NS + 1_000L, 10, ETHERNET, 4, bytes(10, 4))),
            readFile(file));
        assertEquals(List.of(), problems.reported);
    }

    @ParameterizedTest
    @ValueSource(strings = {"little", "big"})
    void readsBinaryTimestampResolution(final String byteOrder)
    {
        final PcapngBytes pcapng = PcapngBytes.file(order(byteOrder));
        final Path file = pcapng
            .interfaceDescription(ETHERNET, 0, pcapng.tsresol(0x80 | 10))
            .interfaceDescription(ETHERNET, 0, pcapng.tsresol(0x80 | 32))
            .interfaceDescription(ETHERNET, 0, pcapng.tsresol(0x80))
            // 1/1024 s units: 512 units is exactly half a second, 1 unit is 976562.5 ns (floor).
            .enhancedPacket(0, (T0 << 10) + 512, bytes(10, 0))
            .enhancedPacket(0, (T0 << 10) + 1, bytes(10, 1))
            // 2^-32 s units: 2^31 is half a second, 2^32 - 1 is 999999999.767... ns (floor).
            .enhancedPacket(1, (T0 << 32) + (1L << 31), bytes(10, 2))
            .enhancedPacket(1, (T0 << 32) + 0xFFFF_FFFFL, bytes(10, 3))
            .enhancedPacket(2, T0, bytes(10, 4))
            .writeTo(dir.resolve("binary.pcapng"));

        assertEquals(List.of(
            Packet.of(T0 * NS + 500_000_000L, 10, ETHERNET, 0, bytes(10, 0)),
            Packet.of(T0 * NS + 976_562L, 10, ETHERNET, 0, bytes(10, 1)),
            Packet.of(T0 * NS + 500_000_000L, 10, ETHERNET, 1, bytes(10, 2)),
            Packet.of(T0 * NS + 999_999_999L, 10, ETHERNET, 1, bytes(10, 3)),
            Packet.of(T0 * NS, 10, ETHERNET, 2, bytes(10, 4))),
            readFile(file));
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void addsTheInterfaceTimestampOffset()
    {
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.BIG_ENDIAN);
        final Path file = pcapng
            .interfaceDescription(ETHERNET, 0, pcapng.tsoffset(T0))
            .interfaceDescription(ETHERNET, 0, pcapng.tsresol(9), pcapng.tsoffset(-10))
            .enhancedPacket(0, 2_500_000, bytes(10, 0))
            .enhancedPacket(1, 20 * NS + 1, bytes(10, 1))
            .writeTo(dir.resolve("tsoffset.pcapng"));

        assertEquals(List.of(
            Packet.of((T0 + 2) * NS + 500_000_000L, 10, ETHERNET, 0, bytes(10, 0)),
            Packet.of(10 * NS + 1, 10, ETHERNET, 1, bytes(10, 1))),
            readFile(file));
        assertEquals(List.of(), problems.reported);
    }

    @ParameterizedTest
    @ValueSource(strings = {"little", "big"})
    void readsSimplePacketBlocksLimitedBySnapLengthAndBlock(final String byteOrder)
    {
        final Path file = PcapngBytes.file(order(byteOrder))
            .interfaceDescription(RAW, 64)
            .simplePacket(40, bytes(40, 1))
            .simplePacket(1500, bytes(100, 2))
            .simplePacket(30, bytes(32, 3))
            .simplePacket(38, bytes(38, 4))
            .writeTo(dir.resolve("simple.pcapng"));

        // Timestamps: a simple packet block has none; weir reports 0.
        assertEquals(List.of(
            Packet.of(0, 40, RAW, 0, bytes(40, 1)),
            Packet.of(0, 1500, RAW, 0, bytes(64, 2)),
            Packet.of(0, 30, RAW, 0, bytes(30, 3)),
            Packet.of(0, 38, RAW, 0, bytes(38, 4))),
            readFile(file));
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void simplePacketWithoutSnapLengthIsLimitedByItsBlock()
    {
        final Path file = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(ETHERNET, 0)
            .simplePacket(9000, bytes(61, 1))
            .writeTo(dir.resolve("simple-no-snaplen.pcapng"));

        // The block holds 61 bytes plus 3 of padding: the padding cannot be told from data.
        final byte[] padded = Arrays.copyOf(bytes(61, 1), 64);
        assertEquals(List.of(Packet.of(0, 9000, ETHERNET, 0, padded)), readFile(file));
        assertEquals(List.of(), problems.reported);
    }

    @ParameterizedTest
    @ValueSource(strings = {"little", "big"})
    void readsObsoletePacketBlocksAsPackets(final String byteOrder)
    {
        final PcapngBytes pcapng = PcapngBytes.file(order(byteOrder));
        final Path file = pcapng
            .interfaceDescription(ETHERNET, 0)
            .interfaceDescription(RAW, 0, pcapng.tsresol(9))
            .obsoletePacket(1, 7, T0 * NS + 3, 20, 20, bytes(20, 1))
            .obsoletePacket(0, 0, T0 * 1_000_000 + 4, 30, 300, bytes(30, 2))
            .writeTo(dir.resolve("obsolete.pcapng"));

        assertEquals(List.of(
            Packet.of(T0 * NS + 3, 20, RAW, 1, bytes(20, 1)),
            Packet.of(T0 * NS + 4_000, 300, ETHERNET, 0, bytes(30, 2))),
            readFile(file));
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void skipsNameResolutionStatisticsCustomAndUnknownBlocks()
    {
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        final byte[] nameRecord = pcapng.body().int16(1).int16(8).bytes(new byte[]{10, 0, 0, 1})
            .bytes("a.b\0".getBytes()).int16(0).int16(0).toArray();
        final byte[] statistics = pcapng.body().int32(0).int32(1).int32(2).toArray();
        final Path file = pcapng
            .block(PcapngBytes.NAME_RESOLUTION, nameRecord)
            .interfaceDescription(ETHERNET, 0)
            .block(PcapngBytes.CUSTOM, pcapng.body().int32(32473).bytes(bytes(13, 9)).toArray())
            .enhancedPacket(0, 1_000_000, bytes(20, 1))
            .block(PcapngBytes.CUSTOM_DO_NOT_COPY, pcapng.body().int32(32473).toArray())
            .block(PcapngBytes.INTERFACE_STATISTICS, statistics)
            .block(0x0000000A, bytes(8, 2))
            .block(0x12345678, new byte[0])
            .block(0x80000001, bytes(100, 3))
            .enhancedPacket(0, 2_000_000, bytes(21, 2))
            .writeTo(dir.resolve("other-blocks.pcapng"));

        assertEquals(List.of(
            Packet.of(NS, 20, ETHERNET, 0, bytes(20, 1)),
            Packet.of(2 * NS, 21, ETHERNET, 0, bytes(21, 2))),
            readFile(file));
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void enhancedPacketOptionsAreNotPartOfThePacket()
    {
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        final Path file = pcapng
            .interfaceDescription(ETHERNET, 0)
            .enhancedPacket(0, 1, 21, 21, bytes(21, 1), pcapng.option(PcapngBytes.OPTION_COMMENT, "hello".getBytes()))
            .writeTo(dir.resolve("options.pcapng"));

        assertEquals(List.of(Packet.of(1_000, 21, ETHERNET, 0, bytes(21, 1))), readFile(file));
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void packetForAnUnknownInterfaceIsSkippedWithAWarning()
    {
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(ETHERNET, 0)
            .enhancedPacket(0, 1, bytes(20, 1));
        final long unknown = pcapng.offset();
        pcapng.enhancedPacket(3, 2, bytes(20, 2));
        final long negative = pcapng.offset();
        pcapng.enhancedPacket(-1, 3, bytes(20, 3))
            .enhancedPacket(0, 4, bytes(20, 4));
        final Path file = pcapng.writeTo(dir.resolve("unknown-interface.pcapng"));

        try (CaptureFileReader reader = CaptureFileReader.open(file, problems))
        {
            assertEquals(List.of(
                Packet.of(1_000, 20, ETHERNET, 0, bytes(20, 1)),
                Packet.of(4_000, 20, ETHERNET, 0, bytes(20, 4))),
                readAll(reader, 100));
            assertEquals(2, reader.recordsLost());
        }
        assertEquals(List.of(
            warning(file, unknown, "packet for interface 3 but only 1 interface(s) described; block skipped"),
            warning(file, negative, "packet for interface 4294967295 but only 1 interface(s) described; block skipped")),
            problems.reported);
    }

    @Test
    void packetBeforeAnyInterfaceIsSkippedWithAWarning()
    {
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.BIG_ENDIAN);
        final long enhanced = pcapng.offset();
        pcapng.enhancedPacket(0, 1, bytes(20, 1));
        final long simple = pcapng.offset();
        pcapng.simplePacket(20, bytes(20, 2))
            .interfaceDescription(ETHERNET, 0)
            .simplePacket(20, bytes(20, 3));
        final Path file = pcapng.writeTo(dir.resolve("no-interface.pcapng"));

        assertEquals(List.of(Packet.of(0, 20, ETHERNET, 0, bytes(20, 3))), readFile(file));
        assertEquals(List.of(
            warning(file, enhanced, "packet for interface 0 but only 0 interface(s) described; block skipped"),
            warning(file, simple, "simple packet block before any interface description block; block skipped")),
            problems.reported);
    }

    @Test
    void caplenBeyondItsBlockIsSkippedWithAWarning()
    {
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(ETHERNET, 0);
        final long beyond = pcapng.offset();
        // 60 data bytes, one empty option and the end of options: 68 bytes after the fixed fields.
        pcapng.enhancedPacket(0, 1, 100, 100, bytes(60, 1), pcapng.option(PcapngBytes.OPTION_END + 1, new byte[0]));
        final long negative = pcapng.offset();
        pcapng.enhancedPacket(0, 2, 0x8000_0000, 60, bytes(60, 2))
            .enhancedPacket(0, 3, 64, 64, bytes(64, 3));
        final long obsolete = pcapng.offset();
        pcapng.obsoletePacket(0, 0, 4, 41, 41, bytes(40, 4));
        final Path file = pcapng.writeTo(dir.resolve("caplen-beyond-block.pcapng"));

        assertEquals(List.of(Packet.of(3_000, 64, ETHERNET, 0, bytes(64, 3))), readFile(file));
        assertEquals(List.of(
            warning(file, beyond, "packet caplen 100 exceeds its block (68 bytes); block skipped"),
            warning(file, negative, "packet caplen 2147483648 exceeds its block (60 bytes); block skipped"),
            warning(file, obsolete, "packet caplen 41 exceeds its block (40 bytes); block skipped")),
            problems.reported);
    }

    @Test
    void caplenLargerThanTheSnapLengthIsDeliveredInFullWithOneWarning()
    {
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(ETHERNET, 64)
            .enhancedPacket(0, 1, bytes(64, 1));
        final long oversized = pcapng.offset();
        pcapng.enhancedPacket(0, 2, 100, 1500, bytes(100, 2))
            .enhancedPacket(0, 3, 120, 1500, bytes(120, 3));
        final Path file = pcapng.writeTo(dir.resolve("over-snaplen.pcapng"));

        assertEquals(List.of(
            Packet.of(1_000, 64, ETHERNET, 0, bytes(64, 1)),
            Packet.of(2_000, 1500, ETHERNET, 0, bytes(100, 2)),
            Packet.of(3_000, 1500, ETHERNET, 0, bytes(120, 3))),
            readFile(file));
        assertEquals(List.of(warning(file, oversized,
            "packet caplen 100 exceeds the interface snap length 64; packets like it are read in full")),
            problems.reported);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 8, 13, 0x7FFF_FFFC, 0xFFFF_FFF0})
    void invalidBlockLengthStopsTheFileAfterTheGoodPackets(final int badLength)
    {
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(ETHERNET, 0)
            .enhancedPacket(0, 1, bytes(20, 1));
        final long bad = pcapng.offset();
        pcapng.block(PcapngBytes.ENHANCED_PACKET, badLength, new byte[40], badLength)
            .enhancedPacket(0, 2, bytes(20, 2));
        final Path file = pcapng.writeTo(dir.resolve("bad-length.pcapng"));

        try (CaptureFileReader reader = CaptureFileReader.open(file, problems))
        {
            assertEquals(List.of(Packet.of(1_000, 20, ETHERNET, 0, bytes(20, 1))), readAll(reader, 100));
            assertEquals(1, reader.recordsLost());
        }
        assertEquals(List.of(warning(file, bad, "block length " + Integer.toUnsignedString(badLength)
            + " is invalid: the rest of the file is skipped")), problems.reported);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 100})
    void truncatedLastBlockIsOneWarningAfterTheGoodPackets(final int batch)
    {
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.BIG_ENDIAN)
            .interfaceDescription(ETHERNET, 0)
            .enhancedPacket(0, 1, bytes(20, 1));
        final long cut = pcapng.offset();
        final byte[] whole = pcapng.enhancedPacket(0, 2, bytes(20, 2)).toArray();
        final Path file = new CaptureBytes(ByteOrder.BIG_ENDIAN).bytes(Arrays.copyOf(whole, whole.length - 5))
            .writeTo(dir.resolve("cut-block.pcapng"));

        try (CaptureFileReader reader = CaptureFileReader.open(file, problems))
        {
            assertEquals(List.of(Packet.of(1_000, 20, ETHERNET, 0, bytes(20, 1))), readAll(reader, batch));
            assertEquals(1, reader.recordsLost());
        }
        assertEquals(List.of(warning(file, cut, "truncated block: length 52 but only 47 bytes left in the file")),
            problems.reported);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void truncatedLastBlockHeaderIsOneWarningAfterTheGoodPackets(final int batch)
    {
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(ETHERNET, 0)
            .enhancedPacket(0, 1, bytes(20, 1));
        final long cut = pcapng.offset();
        pcapng.bytes(new byte[]{6, 0, 0, 0, 52, 0, 0, 0});
        final Path file = pcapng.writeTo(dir.resolve("cut-block-header.pcapng"));

        assertEquals(List.of(Packet.of(1_000, 20, ETHERNET, 0, bytes(20, 1))), readFile(file, batch));
        assertEquals(List.of(warning(file, cut, "truncated block header (8 bytes) at end of file")),
            problems.reported);
    }

    @Test
    void trailingBlockLengthThatDiffersStopsTheFile()
    {
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(ETHERNET, 0)
            .enhancedPacket(0, 1, bytes(20, 1));
        final long bad = pcapng.offset();
        pcapng.block(PcapngBytes.ENHANCED_PACKET, 52, pcapng.body().int32(0).int32(0).int32(2).int32(20).int32(20)
            .bytes(bytes(20, 2)).toArray(), 56)
            .enhancedPacket(0, 3, bytes(20, 3));
        final Path file = pcapng.writeTo(dir.resolve("trailing-length.pcapng"));

        assertEquals(List.of(Packet.of(1_000, 20, ETHERNET, 0, bytes(20, 1))), readFile(file));
        assertEquals(List.of(warning(file, bad,
            "block length 52 does not match its trailing length 56: the rest of the file is skipped")),
            problems.reported);
    }

    @Test
    void sectionWithBadByteOrderMagicStopsTheFile()
    {
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(ETHERNET, 0)
            .enhancedPacket(0, 1, bytes(20, 1));
        final long bad = pcapng.offset();
        pcapng.block(PcapngBytes.SECTION_HEADER, pcapng.body().int32(0x11223344).int16(1).int16(0).int64(-1).toArray())
            .interfaceDescription(ETHERNET, 0)
            .enhancedPacket(0, 2, bytes(20, 2));
        final Path file = pcapng.writeTo(dir.resolve("bad-section.pcapng"));

        assertEquals(List.of(Packet.of(1_000, 20, ETHERNET, 0, bytes(20, 1))), readFile(file));
        assertEquals(List.of(warning(file, bad,
            "section header with bad byte-order magic 0x44332211: the rest of the file is skipped")),
            problems.reported);
    }

    @Test
    void tooShortBlocksAreSkippedWithAWarning()
    {
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        final long shortInterface = pcapng.offset();
        pcapng.block(PcapngBytes.INTERFACE_DESCRIPTION, new byte[4]);
        final long shortEnhanced = pcapng.offset();
        pcapng.block(PcapngBytes.ENHANCED_PACKET, new byte[16]);
        final long shortSimple = pcapng.offset();
        pcapng.block(PcapngBytes.SIMPLE_PACKET, new byte[0]);
        final long shortObsolete = pcapng.offset();
        pcapng.block(PcapngBytes.OBSOLETE_PACKET, new byte[16])
            .interfaceDescription(ETHERNET, 0)
            .enhancedPacket(1, 5, bytes(20, 1));
        final Path file = pcapng.writeTo(dir.resolve("short-blocks.pcapng"));

        assertEquals(List.of(Packet.of(5_000, 20, ETHERNET, 1, bytes(20, 1))), readFile(file));
        assertEquals(List.of(
            warning(file, shortInterface, "interface description block too short (4 byte body)"),
            warning(file, shortEnhanced, "enhanced packet block too short (16 byte body); block skipped"),
            warning(file, shortSimple, "simple packet block too short (0 byte body); block skipped"),
            warning(file, shortObsolete, "packet block too short (16 byte body); block skipped")),
            problems.reported);
    }

    @Test
    void warningsBeyondFivePerFileAreCountedNotShown()
    {
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(ETHERNET, 0);
        final List<Problem> expected = new ArrayList<>();
        final Path file = dir.resolve("many-warnings.pcapng");
        for (int i = 0; i < 8; i++)
        {
            final long offset = pcapng.offset();
            if (i < 5)
            {
                expected.add(warning(file, offset, "packet for interface 9 but only 1 interface(s) described; "
                    + "block skipped"));
            }
            else if (i == 5)
            {
                expected.add(warning(file, offset, "further warnings for this file are counted, not shown"));
            }
            pcapng.enhancedPacket(9, i, bytes(20, i));
        }
        pcapng.enhancedPacket(0, 100, bytes(20, 100)).writeTo(file);

        try (CaptureFileReader reader = CaptureFileReader.open(file, problems))
        {
            assertEquals(List.of(Packet.of(100_000, 20, ETHERNET, 0, bytes(20, 100))), readAll(reader, 100));
            assertEquals(8, reader.warnings());
            assertEquals(8, reader.recordsLost());
        }
        assertEquals(expected, problems.reported);
    }

    @Test
    void truncatedSectionHeaderMakesTheFileUnusable()
    {
        final byte[] whole = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN).toArray();
        final Path file = new CaptureBytes(ByteOrder.LITTLE_ENDIAN).bytes(Arrays.copyOf(whole, 27))
            .writeTo(dir.resolve("short-section.pcapng"));

        assertNull(CaptureFileReader.open(file, problems));
        assertEquals(List.of(unusable(file, "truncated pcapng section header (27 bytes)")), problems.reported);
    }

    @Test
    void badByteOrderMagicInTheFirstSectionMakesTheFileUnusable()
    {
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.BIG_ENDIAN);
        final byte[] bytes = pcapng.toArray();
        bytes[8] = 0x1A;
        bytes[9] = 0x2B;
        bytes[10] = 0x3C;
        bytes[11] = 0x4E;
        final Path file = new CaptureBytes(ByteOrder.BIG_ENDIAN).bytes(bytes).writeTo(dir.resolve("bad-bom.pcapng"));

        assertNull(CaptureFileReader.open(file, problems));
        assertEquals(List.of(unusable(file, "bad pcapng byte-order magic 0x1a2b3c4e at offset 8")), problems.reported);
    }

    @Test
    void fileWithOnlyASectionHeaderHasNoPackets()
    {
        final Path file = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN).writeTo(dir.resolve("empty-section.pcapng"));

        assertEquals(List.of(), readFile(file));
        assertEquals(List.of(), problems.reported);
    }
}
