package io.weir.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The capture format does not change the flows: each bundled capture converted by editcap to
 * pcapng and to nanosecond pcap gives byte-identical JSON (times are written in microseconds)
 * and the same summary counts.
 */
class CaptureConversionTest
{
    private static final int PCAPNG_SECTION_HEADER = 0x0A0D0D0A;
    private static final int PCAP_NANOSECOND_MAGIC = 0xA1B23C4D;

    @TempDir
    Path tempDir;

    static Stream<Path> bundledCaptures()
    {
        return Repository.allPcaps().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledCaptures")
    void pcapngConversionGivesIdenticalRecords(final Path capture) throws IOException
    {
        final Path converted = convert(capture, "pcapng");
        assertEquals(PCAPNG_SECTION_HEADER, firstWord(converted, ByteOrder.BIG_ENDIAN), "editcap wrote pcapng");
        assertSameRecords(capture, converted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledCaptures")
    void nanosecondPcapConversionGivesIdenticalRecords(final Path capture) throws IOException
    {
        final Path converted = convert(capture, "nsecpcap");
        final int magic = firstWord(converted, ByteOrder.BIG_ENDIAN);
        assertTrue(magic == PCAP_NANOSECOND_MAGIC || Integer.reverseBytes(magic) == PCAP_NANOSECOND_MAGIC,
            () -> String.format("editcap wrote nanosecond pcap (magic 0x%08x)", magic));
        assertSameRecords(capture, converted);
    }

    private Path convert(final Path capture, final String format)
    {
        final Path converted = tempDir.resolve(capture.getFileName() + "." + format);
        Tool.run("editcap", "-F", format, capture.toString(), converted.toString());
        return converted;
    }

    private void assertSameRecords(final Path original, final Path converted) throws IOException
    {
        final JsonRun before = JsonRun.of(tempDir, "original", "-i", "pcap;file=" + original);
        final JsonRun after = JsonRun.of(tempDir, "converted", "-i", "pcap;file=" + converted);
        assertEquals(before.json(), after.json(), "JSON records of " + converted.getFileName());
        assertEquals(before.cli().summary(), after.cli().summary(), "summary counts of " + converted.getFileName());
        assertEquals(before.cli().problemLines(), after.cli().problemLines(), "warnings");
        assertEquals(0, before.cli().problemLines().size(), () -> "no warnings: " + before.cli().describe());
    }

    private static int firstWord(final Path file, final ByteOrder order) throws IOException
    {
        final byte[] head = new byte[4];
        try (var in = Files.newInputStream(file))
        {
            assertEquals(4, in.readNBytes(head, 0, 4), file + " has 4 bytes");
        }
        return ByteBuffer.wrap(head).order(order).getInt();
    }
}
