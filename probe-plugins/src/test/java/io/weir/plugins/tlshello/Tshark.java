package io.weir.plugins.tlshello;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs tshark (the independent reference of these tests) and returns its field rows. */
public final class Tshark
{
    public static final String EXECUTABLE = "/usr/bin/tshark";

    private Tshark()
    {
    }

    /**
     * {@code tshark -r capture -Y filter -T fields -E separator=| -e field...}: one list of values per
     * packet shown, in field order ("" for a field tshark has no value for).
     */
    public static List<List<String>> fields(final Path capture, final String filter, final String... fields)
        throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>(List.of(EXECUTABLE, "-n", "-r", capture.toString(), "-Y", filter,
            "-T", "fields", "-E", "separator=|", "-E", "occurrence=a", "-E", "aggregator=,"));
        for (final String field : fields)
        {
            command.add("-e");
            command.add(field);
        }
        final Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final String out;
        try (InputStream in = process.getInputStream())
        {
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            out = bytes.toString(StandardCharsets.UTF_8);
        }
        if (!process.waitFor(120, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new IOException("tshark did not finish on " + capture);
        }
        if (process.exitValue() != 0)
        {
            throw new IOException("tshark exited with " + process.exitValue() + " on " + capture + ": " + command);
        }
        final List<List<String>> rows = new ArrayList<>();
        for (final String line : out.split("\n"))
        {
            if (line.isEmpty())
            {
                continue;
            }
            final List<String> row = new ArrayList<>(Arrays.asList(line.split("\\|", -1)));
            while (row.size() < fields.length)
            {
                row.add("");
            }
            rows.add(row);
        }
        return rows;
    }
}
