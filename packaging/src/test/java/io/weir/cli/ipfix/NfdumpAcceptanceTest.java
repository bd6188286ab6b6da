package io.weir.cli.ipfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.weir.core.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Acceptance 3: nfdump's collector, nfcapd, receives weir's UDP export on loopback, and
 * {@code nfdump -r} counts the same flows, packets and bytes (both directions of each biflow)
 * as weir's JSON for the same capture. Needs nfdump (Debian package nfdump).
 */
class NfdumpAcceptanceTest
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"mixed.pcap", "http.pcap", "tls.pcap", "sip.pcap"})
    void nfcapdStoresWhatWeirExported(final String capture) throws Exception
    {
        final Path json = dir.resolve("flows.json");
        final Path file = collect(capture, "", json);
        final Tools.Result dump = Tools.run(dir, "nfdump", "-r", file.toString(), "-o", "csv");
        assertEquals(0, dump.exitCode(), dump.err());
        final String[] summary = summaryLine(dump.out());

        long packets = 0;
        long bytes = 0;
        final List<long[]> records = Tools.counters(Files.readString(json));
        for (final long[] r : records)
        {
            packets += r[0] + r[1];
            bytes += r[2] + r[3];
        }
        assertTrue(records.size() > 0);
        assertEquals(records.size(), Long.parseLong(summary[0]), capture + ": flows");
        assertEquals(bytes, Long.parseLong(summary[1]), capture + ": bytes");
        assertEquals(packets, Long.parseLong(summary[2]), capture + ": packets");
        assertTrue(Files.readString(dir.resolve("nfcapd.log")).contains("Sequence Errors: 0"),
            Files.readString(dir.resolve("nfcapd.log")));
    }

    /** nfdump 1.7 reads flow times from flowStart/EndMilliseconds (152/153): weir's {@code ms} option. */
    @Test
    void nfdumpSeesFlowTimesWithTheMillisecondOption() throws Exception
    {
        final Path json = dir.resolve("flows.json");
        final Path file = collect("mixed.pcap", ";ms", json);
        final ProcessBuilder builder = new ProcessBuilder("nfdump", "-r", file.toString(), "-q", "-o",
            "fmt:%ts|%te").redirectOutput(dir.resolve("times.txt").toFile()).redirectErrorStream(true);
        builder.environment().put("TZ", "UTC");
        assertTrue(builder.start().waitFor(60, TimeUnit.SECONDS));
        final List<String> seen = new ArrayList<>();
        for (final String line : Files.readAllLines(dir.resolve("times.txt")))
        {
            if (!line.isBlank())
            {
                seen.add(line.strip());
            }
        }
        final List<String> expected = new ArrayList<>();
        final Matcher m = Pattern.compile("\"flowStartMicroseconds\":\"(\\S{10})T(\\S{12})\\d{3}Z\","
            + "\"flowEndMicroseconds\":\"(\\S{10})T(\\S{12})\\d{3}Z\"").matcher(Files.readString(json));
        while (m.find())
        {
            expected.add(m.group(1) + " " + m.group(2) + "|" + m.group(3) + " " + m.group(4));
        }
        assertEquals(48, expected.size());
        seen.sort(null);
        expected.sort(null);
        assertEquals(expected, seen);
    }

    /** Runs nfcapd on a loopback port, weir's UDP export of a capture to it; returns nfcapd's file. */
    private Path collect(final String capture, final String options, final Path json) throws Exception
    {
        final Path flows = Files.createDirectories(dir.resolve("flows"));
        final int port = Tools.freeUdpPort();
        final Process nfcapd = new ProcessBuilder("nfcapd", "-b", "127.0.0.1", "-p", String.valueOf(port), "-w",
            flows.toString(), "-t", "3600").redirectErrorStream(true).redirectOutput(dir.resolve("nfcapd.log").toFile())
            .start();
        try
        {
            final long deadline = System.currentTimeMillis() + 10_000;
            while (!Files.readString(dir.resolve("nfcapd.log")).contains("Startup")
                && System.currentTimeMillis() < deadline)
            {
                Thread.sleep(20);
            }
            Thread.sleep(200);
            final Tools.Result run = Tools.weir("-q", "-i", "pcap;file=" + TestData.capture(capture),
                "-o", "ipfix;udp;host=127.0.0.1;port=" + port + options, "-o", "json;file=" + json);
            assertEquals(0, run.exitCode(), run.err());
            Thread.sleep(500);
            nfcapd.destroy();
            assertTrue(nfcapd.waitFor(20, TimeUnit.SECONDS), "nfcapd stops on SIGTERM");
        }
        finally
        {
            nfcapd.destroyForcibly();
        }
        final List<Path> files;
        try (Stream<Path> list = Files.list(flows))
        {
            files = list.filter(p -> p.getFileName().toString().startsWith("nfcapd.")).toList();
        }
        assertEquals(1, files.size(), "one nfcapd file: " + files + "\n" + Files.readString(dir.resolve("nfcapd.log")));
        return files.get(0);
    }

    /** The "flows,bytes,packets,..." line after nfdump's csv Summary header. */
    private static String[] summaryLine(final String csv)
    {
        final String[] lines = csv.split("\n");
        for (int i = 0; i < lines.length - 1; i++)
        {
            if (lines[i].startsWith("flows,bytes,packets"))
            {
                return lines[i + 1].split(",");
            }
        }
        throw new AssertionError("no summary in nfdump output:\n" + csv);
    }
}
