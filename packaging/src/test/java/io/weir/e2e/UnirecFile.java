package io.weir.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * ipfixprobe's reference output as its functional tests keep it: sorted UniRec text lines, one of
 * them the header {@code TYPE NAME,TYPE NAME,...} (wherever it sorts), the others comma-separated
 * values in header order, strings in double quotes. Records are read by field name.
 */
final class UnirecFile
{
    private static final Pattern HEADER_ITEM = Pattern.compile("[a-z][a-z0-9_]*\\*? [A-Z][A-Z0-9_]*");

    private final List<String> fieldNames;
    private final List<Map<String, String>> records;

    private UnirecFile(final List<String> fieldNames, final List<Map<String, String>> records)
    {
        this.fieldNames = fieldNames;
        this.records = records;
    }

    static UnirecFile resource(final String path) throws IOException
    {
        try (InputStream in = UnirecFile.class.getResourceAsStream(path))
        {
            if (in == null)
            {
                throw new IOException("test resource " + path + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static UnirecFile parse(final String text)
    {
        final List<String> lines = text.lines().filter(line -> !line.isEmpty()).toList();
        List<String> names = null;
        for (final String line : lines)
        {
            if (isHeader(line))
            {
                if (names != null)
                {
                    throw new IllegalArgumentException("two header lines");
                }
                names = new ArrayList<>();
                for (final String item : line.split(","))
                {
                    names.add(item.substring(item.indexOf(' ') + 1));
                }
            }
        }
        if (names == null)
        {
            throw new IllegalArgumentException("no header line");
        }
        final List<Map<String, String>> records = new ArrayList<>();
        for (final String line : lines)
        {
            if (isHeader(line))
            {
                continue;
            }
            final List<String> values = split(line);
            if (values.size() != names.size())
            {
                throw new IllegalArgumentException(
                    "line has " + values.size() + " values for " + names.size() + " fields: " + line);
            }
            final Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++)
            {
                record.put(names.get(i), values.get(i));
            }
            records.add(record);
        }
        return new UnirecFile(List.copyOf(names), List.copyOf(records));
    }

    private static boolean isHeader(final String line)
    {
        for (final String item : line.split(","))
        {
            if (!HEADER_ITEM.matcher(item).matches())
            {
                return false;
            }
        }
        return true;
    }

    /** Splits on commas outside double quotes. */
    private static List<String> split(final String line)
    {
        final List<String> values = new ArrayList<>();
        final StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++)
        {
            final char c = line.charAt(i);
            if (c == '"')
            {
                quoted = !quoted;
                value.append(c);
            }
            else if (c == ',' && !quoted)
            {
                values.add(value.toString());
                value.setLength(0);
            }
            else
            {
                value.append(c);
            }
        }
        if (quoted)
        {
            throw new IllegalArgumentException("unterminated string in: " + line);
        }
        values.add(value.toString());
        return values;
    }

    List<String> fieldNames()
    {
        return fieldNames;
    }

    List<Map<String, String>> records()
    {
        return records;
    }

    boolean has(final String fieldName)
    {
        return fieldNames.contains(fieldName);
    }
}
