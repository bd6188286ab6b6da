package io.weir.plugins.dnsmessage.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Wireshark's tshark (the independent reference) and returns its field output. */
public final class Tshark
{
    private Tshark()
    {
    }

    /**
     * {@code tshark -n -r CAPTURE -Y FILTER -T fields -e F...}, tab separated, every occurrence of
     * a field separated by |.
     *
     * @return one array of field values per displayed frame
     */
    public static List<String[]> fields(final Path capture, final String filter, final String... fields)
    {
        final List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString(), "-Y", filter,
            "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=|"));
        for (final String field : fields)
        {
            command.add("-e");
            command.add(field);
        }
        final List<String[]> rows = new ArrayList<>();
        for (final String line : run(command))
        {
            final String[] values = line.split("\t", -1);
            if (values.length != fields.length)
            {
                throw new AssertionError("unexpected tshark line for " + fields.length + " fields: " + line);
            }
            rows.add(values);
        }
        return rows;
    }

    private static List<String> run(final List<String> command)
    {
        try
        {
            final Path stdout = Files.createTempFile("weir-tshark", ".out");
            final Path stderr = Files.createTempFile("weir-tshark", ".err");
            try
            {
                final Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
                if (!process.waitFor(120, TimeUnit.SECONDS))
                {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish");
                }
                if (process.exitValue() != 0)
                {
                    throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ": "
                        + Files.readString(stderr, StandardCharsets.UTF_8));
                }
                return Files.readAllLines(stdout, StandardCharsets.UTF_8);
            }
            finally
            {
                Files.delete(stdout);
                Files.delete(stderr);
            }
        }
        catch (final IOException ex)
        {
            throw new AssertionError("cannot run " + command, ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, ex);
        }
    }
}
