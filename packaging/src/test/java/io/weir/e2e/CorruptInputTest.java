package io.weir.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged, empty, missing and wrong inputs through the command line: the exact message on stderr,
 * the exit code (0 when the good packets were processed with warnings, 1 when an input was
 * unusable, 2 for usage errors), the good packets still processed, and never a stack trace
 * (every run goes through {@link WeirCli}, which checks that).
 */
class CorruptInputTest
{
    private static final List<String> USAGE = List.of(
        "Usage: weir [-i SPEC]... [-s SPEC] [-p SPEC]... [-o SPEC]... [-c N] [FILE]...",
        "Try 'weir -h' for more.");

    @TempDir
    Path tempDir;

    @Test
    void pcapCutInsideItsLastRecordWarnsOnceAndKeepsTheOtherPackets() throws IOException
    {
        final Path original = Repository.pcap("dns.pcap");
        final CaptureLayout layout = CaptureLayout.of(original);
        final CaptureLayout.Entry last = layout.last();
        final int cut = 10;
        final Path truncated = write("truncated.pcap", Arrays.copyOf(layout.bytes(), layout.bytes().length - cut));
        final Path good = write("good.pcap", Arrays.copyOf(layout.bytes(), last.offset()));

        final JsonRun run = JsonRun.of(tempDir, "truncated", truncated.toString());
        assertEquals(List.of("weir: warning: " + truncated + ": offset " + last.offset() + ": truncated record: caplen "
            + last.capturedLength() + " but only " + (last.capturedLength() - cut) + " bytes left in the file"),
            run.cli().problemLines(), run.cli()::describe);
        assertTrue(run.cli().stderrLines().contains(
            "weir:   input problems: 1 warning, 0 unusable files, 1 damaged record not read"), run.cli()::describe);
        assertEquals(layout.packets().size() - 1, run.cli().summary().packetsRead());
        assertEquals(JsonRun.of(tempDir, "good", good.toString()).json(), run.json(),
            "the records are those of the file without its damaged last record");
    }

    /** The same damage as above when no good record comes before it in the read. */
    @Test
    void pcapWhoseOnlyRecordIsCutWarnsOnce() throws IOException
    {
        final CaptureLayout layout = CaptureLayout.of(Repository.pcap("dns.pcap"));
        final CaptureLayout.Entry first = layout.packets().get(0);
        final Path truncated = write("only.pcap", Arrays.copyOf(layout.bytes(), first.offset() + first.length() - 1));

        final JsonRun run = JsonRun.of(tempDir, "only", truncated.toString());
        assertEquals(List.of("weir: warning: " + truncated + ": offset 24: truncated record: caplen "
            + first.capturedLength() + " but only " + (first.capturedLength() - 1) + " bytes left in the file"),
            run.cli().problemLines(), run.cli()::describe);
        assertTrue(run.cli().stderrLines().contains(
            "weir:   input problems: 1 warning, 0 unusable files, 1 damaged record not read"), run.cli()::describe);
        assertEquals(0, run.cli().summary().packetsRead());
        assertEquals("", run.json());
    }

    @Test
    void pcapngCutInsideItsLastBlockWarnsOnceAndKeepsTheOtherPackets() throws IOException
    {
        final Path original = Repository.pcap("vlan.pcap");
        final CaptureLayout layout = CaptureLayout.of(original);
        final CaptureLayout.Entry last = layout.last();
        assertTrue(last.packet(), "vlan.pcap ends with a packet block");
        final int cut = 10;
        final Path truncated = write("truncated.pcapng", Arrays.copyOf(layout.bytes(), layout.bytes().length - cut));
        final Path good = write("good.pcapng", Arrays.copyOf(layout.bytes(), last.offset()));

        final JsonRun run = JsonRun.of(tempDir, "truncated", truncated.toString());
        assertEquals(List.of("weir: warning: " + truncated + ": offset " + last.offset() + ": truncated block: length "
            + last.length() + " but only " + (last.length() - cut) + " bytes left in the file"),
            run.cli().problemLines(), run.cli()::describe);
        assertTrue(run.cli().stderrLines().contains(
            "weir:   input problems: 1 warning, 0 unusable files, 1 damaged record not read"), run.cli()::describe);
        assertEquals(layout.packets().size() - 1, run.cli().summary().packetsRead());
        assertEquals(JsonRun.of(tempDir, "good", good.toString()).json(), run.json());
    }

    @Test
    void oversizeCaplenStopsTheFileWithOneWarning() throws IOException
    {
        final CaptureLayout layout = CaptureLayout.of(Repository.pcap("dns.pcap"));
        final CaptureLayout.Entry third = layout.packets().get(2);
        final byte[] bytes = layout.bytes().clone();
        ByteBuffer.wrap(bytes).order(layout.order()).putInt(third.offset() + 8, 0xFFFF_FFF0);
        final Path damaged = write("oversize.pcap", bytes);
        final Path good = write("good.pcap", Arrays.copyOf(layout.bytes(), third.offset()));

        final JsonRun run = JsonRun.of(tempDir, "oversize", damaged.toString());
        assertEquals(List.of("weir: warning: " + damaged + ": offset " + third.offset()
            + ": record caplen 4294967280 is larger than 262144: the file is corrupt from here, the rest is skipped"),
            run.cli().problemLines(), run.cli()::describe);
        assertTrue(run.cli().stderrLines().contains(
            "weir:   input problems: 1 warning, 0 unusable files, 1 damaged record not read"), run.cli()::describe);
        assertEquals(2, run.cli().summary().packetsRead());
        assertEquals(JsonRun.of(tempDir, "good", good.toString()).json(), run.json());
    }

    @Test
    void badMagicIsAnUnusableFile() throws IOException
    {
        final Path file = write("bad-magic.pcap", "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX".getBytes(StandardCharsets.US_ASCII));
        assertUnusable(file, "not a pcap or pcapng capture (magic 0x58585858 at offset 0)");
    }

    @Test
    void emptyFileIsAnUnusableFile() throws IOException
    {
        final Path file = write("empty.pcap", new byte[0]);
        assertUnusable(file, "empty file (0 bytes), not a pcap or pcapng capture");
    }

    @Test
    void threeByteFileIsAnUnusableFile() throws IOException
    {
        final Path file = write("short.pcap", new byte[] {(byte)0xD4, (byte)0xC3, (byte)0xB2});
        assertUnusable(file, "file too short (3 bytes) to be a pcap or pcapng capture");
    }

    @Test
    void truncatedFileHeaderIsAnUnusableFile() throws IOException
    {
        final Path file = write("header.pcap", Arrays.copyOf(Files.readAllBytes(Repository.pcap("dns.pcap")), 20));
        assertUnusable(file, "truncated pcap file header (20 of 24 bytes)");
    }

    @Test
    void missingFileIsAnUnusableFile()
    {
        assertUnusable(tempDir.resolve("missing.pcap"), "no such file");
    }

    @Test
    void directoryWithOnlyATextFileHasNoUsableCapture() throws IOException
    {
        final Path dir = Files.createDirectory(tempDir.resolve("notes"));
        final Path text = Files.writeString(dir.resolve("README.txt"), "hello\n");
        final WeirCli.Result run = WeirCli.run("-o", "json;file=" + tempDir.resolve("out.json"), "-i", "pcap;file=" + dir);
        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of("weir: error: " + text + ": not a pcap or pcapng capture (magic 0x68656c6c at offset 0)"),
            run.problemLines());
    }

    @Test
    void missingFileDoesNotStopTheOtherInputs() throws IOException
    {
        final Path missing = tempDir.resolve("missing.pcap");
        final Path dns = Repository.pcap("dns.pcap");
        final Path output = tempDir.resolve("out.json");
        final WeirCli.Result run = WeirCli.run("-o", "json;file=" + output, "-i", missing.toString(), "-i", dns.toString());
        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of("weir: error: " + missing + ": no such file"), run.problemLines());
        assertEquals(JsonRun.of(tempDir, "dns", dns.toString()).json(), Files.readString(output));
    }

    @Test
    void emptyDirectoryIsAUsageError() throws IOException
    {
        final Path dir = Files.createDirectory(tempDir.resolve("empty"));
        assertUsageError("weir: no capture files in directory " + dir, "-i", "pcap;file=" + dir);
    }

    @Test
    void cacheSizeOutOfRangeIsAUsageError()
    {
        assertUsageError("weir: cache option 'size' must be 4..30, got 99",
            "-s", "cache;s=99", Repository.pcap("dns.pcap").toString());
    }

    @Test
    void unknownCacheOptionIsAUsageError()
    {
        assertUsageError("weir: unknown option 'zz' for cache (known: S, a, active, fe, frag-enable, frag-size, "
            + "frag-timeout, fs, ft, i, inactive, l, line, s, size, split)",
            "-s", "cache;zz=1", Repository.pcap("dns.pcap").toString());
    }

    @Test
    void unknownOutputIsAUsageError()
    {
        assertUsageError("weir: unknown output plugin 'nosuch' (known: text, json, csv, ipfix)",
            "-o", "nosuch", Repository.pcap("dns.pcap").toString());
    }

    @Test
    void negativeCountIsAUsageError()
    {
        assertUsageError("weir: -c needs a number of packets (0 for no limit)", "-c", "-1", Repository.pcap("dns.pcap").toString());
    }

    @Test
    void nonNumericCountIsAUsageError()
    {
        assertUsageError("weir: Invalid value for option '--count': 'abc' is not a long",
            "-c", "abc", Repository.pcap("dns.pcap").toString());
    }

    @Test
    void unknownOptionIsAUsageError()
    {
        assertUsageError("weir: Unknown option: '--nosuch'", "--nosuch", Repository.pcap("dns.pcap").toString());
    }

    @Test
    void noInputIsAUsageError()
    {
        assertUsageError("weir: no input: give a capture file, or -i 'pcap;file=PATH'", "-o", "json");
    }

    /** An output that cannot be opened is a failed output (exit 1, as Main documents), and the message says why. */
    @Test
    void unwritableOutputFileFailsWithTheReason()
    {
        final Path output = tempDir.resolve("no-such-dir").resolve("out.json");
        final WeirCli.Result run = WeirCli.run("-o", "json;file=" + output, Repository.pcap("dns.pcap").toString());
        assertEquals(1, run.exitCode(), run::describe);
        final List<String> lines = run.problemLines();
        assertTrue(!lines.isEmpty() && lines.get(0).startsWith("weir: ") && lines.get(0).contains(output.toString()),
            run::describe);
        final String reason = lines.get(0).substring(lines.get(0).lastIndexOf(": ") + 2);
        assertTrue(!reason.equals(output.toString()), () -> "the message gives a reason, not only the path: " + lines);
    }

    private void assertUnusable(final Path file, final String message)
    {
        final Path output = tempDir.resolve("out.json");
        final WeirCli.Result run = WeirCli.run("-o", "json;file=" + output, "-i", "pcap;file=" + file);
        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of("weir: error: " + file + ": " + message), run.problemLines(), run::describe);
        assertTrue(run.stderrLines().contains(
            "weir:   input problems: 0 warnings, 1 unusable file, 0 damaged records not read"), run::describe);
        assertEquals(0, run.summary().packetsRead());
    }

    private void assertUsageError(final String message, final String... args)
    {
        final WeirCli.Result run = WeirCli.run(args);
        assertEquals(2, run.exitCode(), run::describe);
        assertEquals(List.of(message, USAGE.get(0), USAGE.get(1)), run.stderrLines(), run::describe);
        assertEquals("", run.stdout());
    }

    private Path write(final String name, final byte[] bytes) throws IOException
    {
        return Files.write(tempDir.resolve(name), bytes);
    }
}
