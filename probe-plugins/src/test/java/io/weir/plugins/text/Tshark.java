package io.weir.plugins.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the installed tshark to read fields out of a capture: the independent reference of the tests. */
public final class Tshark
{
    private static final String TSHARK = "/usr/bin/tshark";

    private Tshark()
    {
    }

    /**
     * One row per packet matching {@code filter}, one column per field (empty when absent; several
     * occurrences joined with '|').
     */
    public static List<String[]> fields(final Path capture, final String filter, final String... fields)
        throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>(List.of(TSHARK, "-n", "-r", capture.toString(), "-T", "fields",
            "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=|", "-E", "quote=n"));
        if (filter != null)
        {
            command.add("-Y");
            command.add(filter);
        }
        for (final String field : fields)
        {
            command.add("-e");
            command.add(field);
        }
        final Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0)
        {
            throw new IOException("tshark failed on " + capture + " with filter " + filter);
        }
        final List<String[]> rows = new ArrayList<>();
        for (final String line : output.split("\n"))
        {
            if (!line.isEmpty())
            {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }
}
