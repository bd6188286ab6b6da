package io.weir.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CSV and text outputs are well formed: CSV (RFC 4180) has the header's number of cells in
 * every row and the same values as the JSON records of the same run; the text table's columns
 * line up under their titles on every line.
 */
class OutputFormatTest
{
    /** Text columns whose values end under the title's last character; the others start under its first. */
    private static final Set<String> RIGHT_ALIGNED = Set.of("SPORT", "DPORT", "PACKETS", "BYTES", "PKTS_REV", "BYTES_REV");

    @TempDir
    Path tempDir;

    static Stream<Path> bundledCaptures()
    {
        return Repository.allPcaps().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledCaptures")
    void csvRowsHaveTheHeadersColumnsAndTheJsonValues(final Path capture) throws IOException
    {
        final Path json = tempDir.resolve("out.json");
        final Path csv = tempDir.resolve("out.csv");
        final WeirCli.Result run = WeirCli.run("-o", "json;file=" + json, "-o", "csv;file=" + csv,
            "-i", "pcap;file=" + capture);
        assertEquals(0, run.exitCode(), run::describe);
        final List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        final List<Map<String, Object>> records = Json.lines(Files.readString(json, StandardCharsets.UTF_8));
        assertTrue(!rows.isEmpty(), "CSV has a header row");
        final List<String> header = rows.get(0);
        assertEquals(records.size(), rows.size() - 1, "one CSV row per JSON record");
        for (int i = 1; i < rows.size(); i++)
        {
            final List<String> row = rows.get(i);
            assertEquals(header.size(), row.size(), "cells in CSV row " + i + ": " + row);
            final Map<String, Object> record = records.get(i - 1);
            assertTrue(header.containsAll(record.keySet()), () -> "CSV header " + header + " has every JSON key of " + record);
            for (int column = 0; column < header.size(); column++)
            {
                final Object value = record.get(header.get(column));
                assertEquals(value == null ? "" : value.toString(), row.get(column),
                    "CSV row " + i + " column " + header.get(column));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledCaptures")
    void textColumnsLineUp(final Path capture) throws IOException
    {
        for (final String spec : new String[] {"text", "text;m"})
        {
            final Path text = tempDir.resolve("out.txt");
            final WeirCli.Result run = WeirCli.run("-o", spec + ";file=" + text, "-i", "pcap;file=" + capture);
            assertEquals(0, run.exitCode(), run::describe);
            final List<String> lines = Files.readString(text, StandardCharsets.UTF_8).lines().toList();
            if (run.summary().flowsExported() == 0)
            {
                assertEquals(List.of(), lines, "no flows, no table");
                continue;
            }
            assertEquals(run.summary().flowsExported() + 1, lines.size(), "header and one line per flow");
            final String header = lines.get(0);
            final List<int[]> titles = titles(header);
            assertEquals(spec.equals("text") ? 16 : 14, titles.size(), () -> "column titles in: " + header);
            final List<String> misaligned = new ArrayList<>();
            for (final String line : lines.subList(1, lines.size()))
            {
                for (final int[] title : titles)
                {
                    final String name = header.substring(title[0], title[1]);
                    if (!alignedUnder(line, title, RIGHT_ALIGNED.contains(name)))
                    {
                        misaligned.add(name + " in: " + line);
                        break;
                    }
                }
            }
            assertEquals(List.of(), misaligned, capture.getFileName() + " " + spec + ": columns not under their titles\n"
                + header);
        }
    }

    /** Start and end of each title; "TIME_FIRST" and "TIME_LAST" values hold a space, titles do not. */
    private static List<int[]> titles(final String header)
    {
        final List<int[]> titles = new ArrayList<>();
        int at = 0;
        while (at < header.length())
        {
            while (at < header.length() && header.charAt(at) == ' ')
            {
                at++;
            }
            final int start = at;
            while (at < header.length() && header.charAt(at) != ' ')
            {
                at++;
            }
            if (at > start)
            {
                titles.add(new int[] {start, at});
            }
        }
        return titles;
    }

    /** A left-aligned value starts at the title's start, a right-aligned one ends at the title's end. */
    private static boolean alignedUnder(final String line, final int[] title, final boolean right)
    {
        final int edge = right ? title[1] - 1 : title[0];
        if (edge >= line.length() || line.charAt(edge) == ' ')
        {
            return false;
        }
        return right
            ? title[1] == line.length() || line.charAt(title[1]) == ' '
            : title[0] == 0 || line.charAt(title[0] - 1) == ' ';
    }

    /** RFC 4180 with LF or CRLF line ends. */
    static final class Csv
    {
        private Csv()
        {
        }

        static List<List<String>> parse(final String text)
        {
            final List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            final StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            for (int i = 0; i < text.length(); i++)
            {
                final char c = text.charAt(i);
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"')
                    {
                        cell.append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        cell.append(c);
                    }
                }
                else if (c == '"')
                {
                    if (cell.length() > 0 || wasQuoted)
                    {
                        throw new IllegalArgumentException("quote inside an unquoted cell at " + i);
                    }
                    quoted = true;
                    wasQuoted = true;
                }
                else if (c == ',')
                {
                    row.add(cell.toString());
                    cell.setLength(0);
                    wasQuoted = false;
                }
                else if (c == '\n' || c == '\r')
                {
                    if (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))
                    {
                        throw new IllegalArgumentException("bare CR at " + i);
                    }
                    if (c == '\n')
                    {
                        row.add(cell.toString());
                        cell.setLength(0);
                        wasQuoted = false;
                        rows.add(row);
                        row = new ArrayList<>();
                    }
                }
                else
                {
                    if (wasQuoted)
                    {
                        throw new IllegalArgumentException("text after a quoted cell at " + i);
                    }
                    cell.append(c);
                }
            }
            if (quoted || cell.length() > 0 || !row.isEmpty())
            {
                throw new IllegalArgumentException("CSV does not end with a complete row");
            }
            return rows;
        }
    }
}
