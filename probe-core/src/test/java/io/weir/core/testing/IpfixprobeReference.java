package io.weir.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of ipfixprobe's reference outputs (sorted UniRec text: a header line {@code TYPE NAME,...}
 * and one comma-separated line per flow). Values are kept as text, strings without their quotes.
 */
public final class IpfixprobeReference
{
    private final Map<String, String> types = new LinkedHashMap<>();
    private final List<Map<String, String>> records = new ArrayList<>();

    private IpfixprobeReference()
    {
    }

    public static IpfixprobeReference read(final Path file) throws IOException
    {
        final IpfixprobeReference reference = new IpfixprobeReference();
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String header = null;
        for (final String line : lines)
        {
            if (isHeader(line))
            {
                header = line;
            }
        }
        if (header == null)
        {
            throw new IOException(file + ": no header line");
        }
        final List<String> names = new ArrayList<>();
        for (final String column : split(header))
        {
            final int space = column.indexOf(' ');
            reference.types.put(column.substring(space + 1), column.substring(0, space));
            names.add(column.substring(space + 1));
        }
        for (final String line : lines)
        {
            if (line.isEmpty() || line == header)
            {
                continue;
            }
            final List<String> values = split(line);
            if (values.size() != names.size())
            {
                throw new IOException(file + ": " + values.size() + " values for " + names.size() + " columns: " + line);
            }
            final Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++)
            {
                record.put(names.get(i), unquote(values.get(i)));
            }
            reference.records.add(record);
        }
        return reference;
    }

    private static boolean isHeader(final String line)
    {
        final int comma = line.indexOf(',');
        final String first = comma < 0 ? line : line.substring(0, comma);
        return first.matches("[a-z0-9*]+ [A-Z0-9_]+");
    }

    /** Splits on commas outside quotes and brackets. */
    static List<String> split(final String line)
    {
        final List<String> values = new ArrayList<>();
        final StringBuilder value = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < line.length(); i++)
        {
            final char c = line.charAt(i);
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '[')
            {
                depth++;
            }
            else if (!quoted && c == ']')
            {
                depth--;
            }
            else if (!quoted && depth == 0 && c == ',')
            {
                values.add(value.toString());
                value.setLength(0);
                continue;
            }
            value.append(c);
        }
        values.add(value.toString());
        return values;
    }

    private static String unquote(final String value)
    {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
            ? value.substring(1, value.length() - 1) : value;
    }

    /** UniRec type of each field ("uint16", "string", "uint32*", ...), in header order. */
    public Map<String, String> types()
    {
        return types;
    }

    public List<Map<String, String>> records()
    {
        return records;
    }
}
