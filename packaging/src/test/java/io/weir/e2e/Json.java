package io.weir.e2e;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small strict JSON reader (RFC 8259) for weir's NDJSON output: objects become ordered maps,
 * arrays lists, integers {@link Long}, other numbers {@link BigDecimal}. Anything malformed,
 * including trailing text and duplicate keys, is an {@link IllegalArgumentException}.
 */
final class Json
{
    private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final String text;
    private int position;

    private Json(final String text)
    {
        this.text = text;
    }

    /** Parses one JSON object (one NDJSON line). */
    static Map<String, Object> object(final String line)
    {
        final Json json = new Json(line);
        json.skipSpace();
        if (json.peek() != '{')
        {
            throw json.error("expected an object");
        }
        @SuppressWarnings("unchecked")
        final Map<String, Object> value = (Map<String, Object>)json.value();
        json.skipSpace();
        if (json.position != line.length())
        {
            throw json.error("text after the object");
        }
        return value;
    }

    /** Parses NDJSON text: one object per line, every line terminated by a newline. */
    static List<Map<String, Object>> lines(final String ndjson)
    {
        final List<Map<String, Object>> objects = new ArrayList<>();
        if (ndjson.isEmpty())
        {
            return objects;
        }
        if (!ndjson.endsWith("\n"))
        {
            throw new IllegalArgumentException("NDJSON does not end with a newline");
        }
        int start = 0;
        while (start < ndjson.length())
        {
            final int end = ndjson.indexOf('\n', start);
            objects.add(object(ndjson.substring(start, end)));
            start = end + 1;
        }
        return objects;
    }

    private Object value()
    {
        skipSpace();
        final char c = peek();
        switch (c)
        {
            case '{':
                return parseObject();
            case '[':
                return parseArray();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return number();
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> parseObject()
    {
        final Map<String, Object> object = new LinkedHashMap<>();
        position++;
        skipSpace();
        if (peek() == '}')
        {
            position++;
            return object;
        }
        while (true)
        {
            skipSpace();
            if (peek() != '"')
            {
                throw error("expected a key");
            }
            final String key = string();
            skipSpace();
            expect(':');
            final Object value = value();
            if (object.containsKey(key))
            {
                throw error("duplicate key " + key);
            }
            object.put(key, value);
            skipSpace();
            final char next = next();
            if (next == '}')
            {
                return object;
            }
            if (next != ',')
            {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> parseArray()
    {
        final List<Object> array = new ArrayList<>();
        position++;
        skipSpace();
        if (peek() == ']')
        {
            position++;
            return array;
        }
        while (true)
        {
            array.add(value());
            skipSpace();
            final char next = next();
            if (next == ']')
            {
                return array;
            }
            if (next != ',')
            {
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string()
    {
        expect('"');
        final StringBuilder out = new StringBuilder();
        while (true)
        {
            final char c = next();
            if (c == '"')
            {
                return out.toString();
            }
            if (c < 0x20)
            {
                throw error("control character in a string");
            }
            if (c != '\\')
            {
                out.append(c);
                continue;
            }
            final char escape = next();
            switch (escape)
            {
                case '"', '\\', '/' -> out.append(escape);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' ->
                {
                    if (position + 4 > text.length())
                    {
                        throw error("short \\u escape");
                    }
                    out.append((char)Integer.parseInt(text.substring(position, position + 4), 16));
                    position += 4;
                }
                default -> throw error("bad escape \\" + escape);
            }
        }
    }

    private Object number()
    {
        final Matcher matcher = NUMBER.matcher(text);
        matcher.region(position, text.length());
        if (!matcher.lookingAt())
        {
            throw error("bad number");
        }
        final String digits = matcher.group();
        position = matcher.end();
        return matcher.group(1) == null && matcher.group(2) == null
            ? (Object)Long.valueOf(digits) : new BigDecimal(digits);
    }

    private Object literal(final String word, final Object value)
    {
        if (!text.startsWith(word, position))
        {
            throw error("bad literal");
        }
        position += word.length();
        return value;
    }

    private void skipSpace()
    {
        while (position < text.length())
        {
            final char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            {
                return;
            }
            position++;
        }
    }

    private char peek()
    {
        if (position >= text.length())
        {
            throw error("unexpected end");
        }
        return text.charAt(position);
    }

    private char next()
    {
        final char c = peek();
        position++;
        return c;
    }

    private void expect(final char c)
    {
        if (next() != c)
        {
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(final String message)
    {
        return new IllegalArgumentException(message + " at " + position + " in: " + text);
    }
}
