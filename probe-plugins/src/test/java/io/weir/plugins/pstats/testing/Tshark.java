package io.weir.plugins.pstats.testing;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs tshark (/usr/bin/tshark) on a capture and returns the chosen fields of each packet. */
public final class Tshark
{
    private static final String SEPARATOR = "|";

    private Tshark()
    {
    }

    /** One row per packet that passes {@code filter}, one value per field ("" when absent). */
    public static List<String[]> fields(final Path capture, final String filter, final String... fields)
        throws IOException, InterruptedException
    {
        return run(capture, filter, "f", fields);
    }

    /** As {@link #fields}, with every occurrence of a field comma separated (see {@link #all}). */
    public static List<String[]> allOccurrences(final Path capture, final String filter, final String... fields)
        throws IOException, InterruptedException
    {
        return run(capture, filter, "a", fields);
    }

    /** The comma-separated occurrences of a field value. */
    public static List<String> all(final String value)
    {
        return value.isEmpty() ? List.of() : List.of(value.split(","));
    }

    private static List<String[]> run(final Path capture, final String filter, final String occurrence,
                                      final String... fields)
        throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>(List.of("/usr/bin/tshark", "-n", "-r", capture.toString(),
            "-Y", filter, "-T", "fields", "-E", "separator=" + SEPARATOR, "-E", "occurrence=" + occurrence));
        for (final String field : fields)
        {
            command.add("-e");
            command.add(field);
        }
        final Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0)
        {
            throw new AssertionError("tshark failed on " + capture + " with " + command);
        }
        final List<String[]> rows = new ArrayList<>();
        for (final String line : out.split("\n"))
        {
            if (!line.isEmpty())
            {
                rows.add(line.split("\\" + SEPARATOR, -1));
            }
        }
        return rows;
    }

    /** frame.time_epoch as microseconds since the epoch. */
    public static long epochMicros(final String timeEpoch)
    {
        return new BigDecimal(timeEpoch).movePointRight(6).longValue();
    }

    /** A record time as ipfixprobe prints it (YYYY-MM-DDTHH:MM:SS.ffffff, UTC) in microseconds. */
    public static long recordMicros(final String time)
    {
        final LocalDateTime t = LocalDateTime.parse(time);
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
    }
}
