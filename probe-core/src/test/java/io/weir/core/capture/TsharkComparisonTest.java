package io.weir.core.capture;

import static io.weir.core.capture.PacketRecorder.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.weir.core.capture.Tshark.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every bundled capture, and conversions of it made by editcap, weir delivers the same
 * (timestamp, caplen, wirelen, bytes) sequence as tshark prints.
 */
class TsharkComparisonTest
{
    @TempDir
    Path dir;

    private final RecordingProblems problems = new RecordingProblems();

    static Path bundledCaptures()
    {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null)
        {
            final Path pcaps = directory.resolve("pcaps");
            if (Files.isRegularFile(pcaps.resolve("dns.pcap")))
            {
                return pcaps;
            }
            directory = directory.getParent();
        }
        throw new AssertionError("no pcaps/ directory above " + Path.of("").toAbsolutePath());
    }

    static Stream<String> bundledCaptureNames() throws IOException
    {
        try (Stream<Path> files = Files.list(bundledCaptures()))
        {
            final List<String> names = files.map(file -> file.getFileName().toString())
                .filter(name -> name.endsWith(".pcap") || name.endsWith(".pcapng"))
                .sorted()
                .toList();
            assertTrue(names.size() >= 19, "bundled captures: " + names);
            return names.stream();
        }
    }

    private void assertSameAsTshark(final Path file, final String expectedFormat) throws Exception
    {
        final List<Frame> expected = Tshark.frames(file);
        assertTrue(expected.size() > 0, "tshark read no frames from " + file);
        try (CaptureFileReader reader = CaptureFileReader.open(file, problems))
        {
            assertNotNull(reader, () -> "problems " + problems.reported);
            assertEquals(expectedFormat, reader.format());
            final List<Frame> actual = Tshark.readWithWeir(reader);
            assertEquals(expected.size(), actual.size(), () -> "packets in " + file + ", problems " + problems.reported);
            for (int i = 0; i < expected.size(); i++)
            {
                assertEquals(expected.get(i), actual.get(i), "frame " + (i + 1) + " of " + file);
            }
            assertEquals(0, reader.recordsLost());
        }
        assertEquals(List.of(), problems.reported);
    }

    private static String formatByMagic(final Path file) throws IOException
    {
        final byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file))
        {
            assertEquals(4, in.readNBytes(head, 0, 4));
        }
        final int bigEndian = ByteBuffer.wrap(head).getInt();
        if (bigEndian == PcapngBytes.SECTION_HEADER)
        {
            return "pcapng";
        }
        final boolean nanos = bigEndian == PcapBytes.MAGIC_NANOSECONDS
            || Integer.reverseBytes(bigEndian) == PcapBytes.MAGIC_NANOSECONDS;
        return nanos ? "pcap (ns)" : "pcap";
    }

    @ParameterizedTest
    @MethodSource("bundledCaptureNames")
    void matchesTsharkOnBundledCapture(final String name) throws Exception
    {
        final Path file = bundledCaptures().resolve(name);
        assertSameAsTshark(file, formatByMagic(file));
    }

    @ParameterizedTest
    @MethodSource("bundledCaptureNames")
    void matchesTsharkOnPcapngConversion(final String name) throws Exception
    {
        final Path converted = Tshark.editcap(bundledCaptures().resolve(name), "pcapng", dir.resolve(name + ".pcapng"));
        assertSameAsTshark(converted, "pcapng");
    }

    @ParameterizedTest
    @MethodSource("bundledCaptureNames")
    void matchesTsharkOnNanosecondPcapConversion(final String name) throws Exception
    {
        final Path converted = Tshark.editcap(bundledCaptures().resolve(name), "nsecpcap", dir.resolve(name + ".ns.pcap"));
        assertSameAsTshark(converted, "pcap (ns)");
    }

    @Test
    void matchesTsharkOnSectionsConcatenatedIntoOneFile() throws Exception
    {
        final Path joined = dir.resolve("sections.pcapng");
        try (OutputStream out = Files.newOutputStream(joined))
        {
            for (final String name : List.of("mqtt.pcap", "dns.pcap", "vlan.pcap", "http.pcap"))
            {
                final Path part = Tshark.editcap(bundledCaptures().resolve(name), "pcapng", dir.resolve(name + ".ng"));
                Files.copy(part, out);
            }
            // A big-endian section with two interfaces between the little-endian ones.
            final PcapngBytes bigEndian = PcapngBytes.file(ByteOrder.BIG_ENDIAN);
            out.write(bigEndian.interfaceDescription(113, 0, bigEndian.tsresol(9))
                .interfaceDescription(1, 0)
                .enhancedPacket(1, 1_700_000_000_000_001L, bytes(60, 1))
                .enhancedPacket(0, 1_700_000_000_000_000_123L, bytes(40, 2))
                .toArray());
            Files.copy(Tshark.editcap(bundledCaptures().resolve("wg.pcap"), "pcapng", dir.resolve("wg.ng")), out);
        }
        assertSameAsTshark(joined, "pcapng");
    }

    @Test
    void matchesTsharkOnHandWrittenPcapngWithEveryResolutionAndPacketBlock() throws Exception
    {
        // No custom block here: tshark 4 shows one as a frame of its own, weir skips it (not a packet).
        final long t0 = 1_700_000_000L;
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.BIG_ENDIAN);
        final Path file = pcapng
            .interfaceDescription(1, 0)
            .interfaceDescription(101, 64, pcapng.tsresol(9))
            .interfaceDescription(1, 0, pcapng.tsresol(3), pcapng.tsoffset(1000))
            .interfaceDescription(1, 0, pcapng.tsresol(0x80 | 20))
            .interfaceDescription(1, 0, pcapng.tsresol(0x80 | 32), pcapng.tsoffset(-7))
            .interfaceDescription(1, 0, pcapng.tsresol(12))
            .enhancedPacket(0, t0 * 1_000_000 + 999_999, bytes(60, 1))
            .enhancedPacket(1, t0 * 1_000_000_000 + 1, 64, 1500, bytes(64, 2))
            .enhancedPacket(2, t0 * 1_000 + 999, bytes(61, 3))
            .enhancedPacket(3, (t0 << 20) + 1, bytes(62, 4))
            .enhancedPacket(3, (t0 << 20) + 0xFFFFF, bytes(63, 5))
            .enhancedPacket(4, (t0 << 32) + 0xFFFF_FFFFL, bytes(64, 6))
            .enhancedPacket(4, (t0 << 32) + 3, bytes(65, 7))
            // 10^-12 s units reach only 2^64 ps (213 days). Wireshark multiplies the fraction by 10^9
            // in 64 bits, so fractions above 18 ms overflow there; PcapngInterfaceTest covers those.
            .enhancedPacket(5, 9_000_000L * 1_000_000_000_000L + 12_345_678_901L, bytes(66, 8))
            .obsoletePacket(2, 0, t0 * 1_000 + 5, 67, 67, bytes(67, 9))
            .block(PcapngBytes.INTERFACE_STATISTICS, pcapng.body().int32(0).int32(0).int32(0).toArray())
            .section(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(101, 48)
            .simplePacket(100, bytes(48, 11))
            .simplePacket(30, bytes(30, 12))
            .enhancedPacket(0, t0 * 1_000_000, bytes(48, 13))
            .writeTo(dir.resolve("hand-written.pcapng"));

        assertSameAsTshark(file, "pcapng");
    }

    @Test
    void matchesTsharkOnHandWrittenBigEndianPcap() throws Exception
    {
        final Path file = PcapBytes.file(ByteOrder.BIG_ENDIAN, PcapBytes.MAGIC_MICROSECONDS, 65535, 1)
            .record(1_700_000_000L, 999_999, bytes(60, 1))
            .record(1_700_000_001L, 0, 60, 1514, bytes(60, 2))
            .writeTo(dir.resolve("big-endian.pcap"));
        assertSameAsTshark(file, "pcap");

        final Path nanos = PcapBytes.file(ByteOrder.BIG_ENDIAN, PcapBytes.MAGIC_NANOSECONDS, 65535, 1)
            .record(1_700_000_000L, 999_999_999, bytes(60, 1))
            .record(4_294_967_295L, 1, bytes(61, 2))
            .writeTo(dir.resolve("big-endian-ns.pcap"));
        assertSameAsTshark(nanos, "pcap (ns)");
    }
}
