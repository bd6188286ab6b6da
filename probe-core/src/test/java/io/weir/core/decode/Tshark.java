package io.weir.core.decode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs tshark over a capture and returns the requested fields of every frame, each as the list of
 * all its occurrences in dissection order (so that "first occurrence" is {@code get(0)}).
 * Reassembly is off: every frame is dissected on its own, as weir's parser sees it.
 */
final class Tshark
{
    private static final String[] NO_REASSEMBLY = {
        "-o", "ip.defragment:FALSE",
        "-o", "ipv6.defragment:FALSE",
        "-o", "tcp.desegment_tcp_streams:FALSE",
    };

    /** One frame's fields; a field absent from the frame maps to an empty list. */
    record Frame(Map<String, List<String>> fields)
    {
        List<String> all(final String field)
        {
            return fields.getOrDefault(field, List.of());
        }

        boolean has(final String field)
        {
            return !all(field).isEmpty();
        }

        String first(final String field)
        {
            final List<String> values = all(field);
            return values.isEmpty() ? null : values.get(0);
        }

        long firstNumber(final String field)
        {
            final String value = first(field);
            if (value == null)
            {
                throw new IllegalArgumentException("tshark gives no " + field);
            }
            return parseNumber(value);
        }
    }

    private Tshark()
    {
    }

    static long parseNumber(final String value)
    {
        if (value.startsWith("0x"))
        {
            return Long.parseLong(value.substring(2), 16);
        }
        if ("True".equals(value))
        {
            return 1;
        }
        if ("False".equals(value))
        {
            return 0;
        }
        return Long.parseLong(value);
    }

    /**
     * @param decodeAs tshark "-d" rules (e.g. {@code mpls.label==777,pwethcw}), may be empty
     */
    static List<Frame> fields(final Path capture, final List<String> fields, final List<String> decodeAs)
    {
        final List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString()));
        command.addAll(Arrays.asList(NO_REASSEMBLY));
        for (final String rule : decodeAs)
        {
            command.add("-d");
            command.add(rule);
        }
        command.addAll(List.of("-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=,"));
        for (final String field : fields)
        {
            command.add("-e");
            command.add(field);
        }
        final Process process;
        try
        {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot run tshark (is it installed?)", ex);
        }
        final List<Frame> frames = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                final String[] columns = line.split("\t", -1);
                final Map<String, List<String>> values = new HashMap<>();
                for (int i = 0; i < fields.size(); i++)
                {
                    final String column = i < columns.length ? columns[i] : "";
                    values.put(fields.get(i), column.isEmpty() ? List.of() : List.of(column.split(",")));
                }
                frames.add(new Frame(values));
            }
            if (!process.waitFor(60, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                throw new IllegalStateException("tshark did not finish on " + capture);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        if (process.exitValue() != 0)
        {
            throw new IllegalStateException("tshark failed on " + capture + " with exit code " + process.exitValue());
        }
        return frames;
    }
}
