package io.weir.plugins.wg.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs tshark (/usr/bin/tshark) on a capture and returns the fields it prints, one row per frame. */
public final class Tshark
{
    private static final String TSHARK = "/usr/bin/tshark";

    private Tshark()
    {
    }

    /**
     * {@code tshark -r CAPTURE -Y FILTER -T fields -e F1 -e F2 ...}: one list of values per frame shown,
     * each the field's first occurrence in the frame.
     */
    public static List<List<String>> fields(final Path capture, final String filter, final String... fields)
    {
        return fields(capture, List.of(), filter, false, fields);
    }

    /** As {@link #fields(Path, String, String...)}, every occurrence of a field joined with '|'. */
    public static List<List<String>> allOccurrences(final Path capture, final String filter, final String... fields)
    {
        return fields(capture, List.of(), filter, true, fields);
    }

    /**
     * As {@link #fields(Path, String, String...)} for every frame, with dissectors forced on ports
     * ({@code decodeAs} entries such as {@code "udp.port==10102,openvpn"}).
     */
    public static List<List<String>> decodedAs(final Path capture, final List<String> decodeAs, final String... fields)
    {
        return fields(capture, decodeAs, null, false, fields);
    }

    private static List<List<String>> fields(final Path capture, final List<String> decodeAs, final String filter,
                                             final boolean all, final String... fields)
    {
        final List<String> command = new ArrayList<>(List.of(TSHARK, "-n", "-r", capture.toString()));
        for (final String rule : decodeAs)
        {
            command.add("-d");
            command.add(rule);
        }
        if (filter != null)
        {
            command.add("-Y");
            command.add(filter);
        }
        command.addAll(List.of("-T", "fields", "-E", "separator=/t", "-E", all ? "occurrence=a" : "occurrence=f",
            "-E", "aggregator=|"));
        for (final String field : fields)
        {
            command.add("-e");
            command.add(field);
        }
        final List<List<String>> rows = new ArrayList<>();
        for (final String line : run(command).split("\n"))
        {
            if (!line.isEmpty())
            {
                final List<String> row = new ArrayList<>(Arrays.asList(line.split("\t", -1)));
                while (row.size() < fields.length)
                {
                    row.add("");
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Hex text (with or without ':' separators) as bytes. */
    public static byte[] hex(final String text)
    {
        final String digits = text.replace(":", "");
        final byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    private static String run(final List<String> command)
    {
        try
        {
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
                throw new AssertionError("tshark did not finish: " + command);
            }
            if (process.exitValue() != 0)
            {
                throw new AssertionError("tshark exited with " + process.exitValue() + ": " + command);
            }
            return out;
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
