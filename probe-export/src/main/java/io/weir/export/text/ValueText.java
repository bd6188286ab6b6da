package io.weir.export.text;

import io.weir.core.field.FieldType;
import org.agrona.DirectBuffer;

/**
 * Text forms of field values, appended straight to a {@link ByteOutput}: decimal numbers,
 * dotted IPv4, RFC 5952 IPv6, colon-separated MACs, RFC 3339 UTC timestamps, hex octets and
 * JSON/CSV string escaping (bytes that are not valid UTF-8 are escaped, never passed through).
 */
public final class ValueText
{
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private ValueText()
    {
    }

    public static void unsigned(final ByteOutput out, final long value)
    {
        if (value >= 0)
        {
            signed(out, value);
            return;
        }
        final long quotient = (value >>> 1) / 5;
        signed(out, quotient);
        out.put((byte)('0' + (value - quotient * 10)));
    }

    public static void signed(final ByteOutput out, final long value)
    {
        if (value == Long.MIN_VALUE)
        {
            out.ascii("-9223372036854775808");
            return;
        }
        long v = value;
        if (v < 0)
        {
            out.put('-');
            v = -v;
        }
        final int digits = digits(v);
        out.ensure(digits);
        final byte[] buffer = out.array();
        int at = out.position() + digits;
        do
        {
            buffer[--at] = (byte)('0' + v % 10);
            v /= 10;
        }
        while (v != 0);
        out.advance(digits);
    }

    private static int digits(final long value)
    {
        int digits = 1;
        long limit = 10;
        while (digits < 19 && value >= limit)
        {
            digits++;
            limit *= 10;
        }
        return digits;
    }

    /** Appends {@code value} with at least {@code width} digits, zero-padded (value >= 0). */
    static void zeroPadded(final ByteOutput out, final long value, final int width)
    {
        for (int d = digits(value); d < width; d++)
        {
            out.put('0');
        }
        signed(out, value);
    }

    public static void ipv4(final ByteOutput out, final long address)
    {
        signed(out, (address >>> 24) & 0xFF);
        out.put('.');
        signed(out, (address >>> 16) & 0xFF);
        out.put('.');
        signed(out, (address >>> 8) & 0xFF);
        out.put('.');
        signed(out, address & 0xFF);
    }

    /** RFC 5952: lowercase, no leading zeros, the longest run of two or more zero groups as "::". */
    public static void ipv6(final ByteOutput out, final long high, final long low)
    {
        if (high == 0 && (low >>> 32) == 0xFFFFL)
        {
            out.ascii("::ffff:");
            ipv4(out, low & 0xFFFF_FFFFL);
            return;
        }
        int bestStart = -1;
        int bestLength = 1;
        int runStart = -1;
        for (int i = 0; i < 8; i++)
        {
            if (group(high, low, i) == 0)
            {
                if (runStart < 0)
                {
                    runStart = i;
                }
                if (i - runStart + 1 > bestLength)
                {
                    bestStart = runStart;
                    bestLength = i - runStart + 1;
                }
            }
            else
            {
                runStart = -1;
            }
        }
        for (int i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                out.ascii(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            hexGroup(out, group(high, low, i));
            if (i < 7)
            {
                out.put(':');
            }
        }
    }

    private static int group(final long high, final long low, final int index)
    {
        final long word = index < 4 ? high : low;
        return (int)(word >>> (48 - 16 * (index & 3))) & 0xFFFF;
    }

    private static void hexGroup(final ByteOutput out, final int group)
    {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4)
        {
            final int nibble = (group >>> shift) & 0xF;
            if (nibble != 0 || started || shift == 0)
            {
                out.put(HEX[nibble]);
                started = true;
            }
        }
    }

    public static void mac(final ByteOutput out, final long mac)
    {
        for (int shift = 40; shift >= 0; shift -= 8)
        {
            final int octet = (int)(mac >>> shift) & 0xFF;
            out.put(HEX[octet >>> 4]).put(HEX[octet & 0xF]);
            if (shift > 0)
            {
                out.put(':');
            }
        }
    }

    /**
     * RFC 3339 UTC time with the fraction the type implies (none, 3, 6 or 9 digits).
     *
     * @param separator 'T' for RFC 3339, ' ' for the text table
     * @param zone      append 'Z'
     */
    public static void time(final ByteOutput out, final long epochNanos, final FieldType precision,
                            final char separator, final boolean zone)
    {
        final long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        final long nanos = Math.floorMod(epochNanos, NANOS_PER_SECOND);
        final long days = Math.floorDiv(seconds, 86_400);
        final long secondOfDay = Math.floorMod(seconds, 86_400);
        date(out, days);
        out.put(separator);
        zeroPadded(out, secondOfDay / 3600, 2);
        out.put(':');
        zeroPadded(out, (secondOfDay / 60) % 60, 2);
        out.put(':');
        zeroPadded(out, secondOfDay % 60, 2);
        switch (precision)
        {
            case DATE_TIME_MILLISECONDS:
                out.put('.');
                zeroPadded(out, nanos / 1_000_000, 3);
                break;
            case DATE_TIME_MICROSECONDS:
                out.put('.');
                zeroPadded(out, nanos / 1_000, 6);
                break;
            case DATE_TIME_NANOSECONDS:
                out.put('.');
                zeroPadded(out, nanos, 9);
                break;
            default:
                break;
        }
        if (zone)
        {
            out.put('Z');
        }
    }

    /** YYYY-MM-DD of a day since the epoch (proleptic Gregorian, UTC). */
    private static void date(final ByteOutput out, final long days)
    {
        final long z = days + 719_468;
        final long era = Math.floorDiv(z, 146_097);
        final long dayOfEra = z - era * 146_097;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long monthIndex = (5 * dayOfYear + 2) / 153;
        final long day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
        final long month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
        final long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        zeroPadded(out, year, 4);
        out.put('-');
        zeroPadded(out, month, 2);
        out.put('-');
        zeroPadded(out, day, 2);
    }

    public static void hex(final ByteOutput out, final DirectBuffer buffer, final int offset, final int length)
    {
        out.ensure(length * 2);
        for (int i = 0; i < length; i++)
        {
            final int octet = buffer.getByte(offset + i) & 0xFF;
            out.put(HEX[octet >>> 4]).put(HEX[octet & 0xF]);
        }
    }

    /**
     * Appends bytes as the inside of a JSON string (no quotes). Valid UTF-8 passes through;
     * control characters, quotes and backslashes are escaped; each byte that is not part of
     * valid UTF-8 becomes a JSON \\u escape (its Latin-1 reading).
     */
    public static void jsonEscaped(final ByteOutput out, final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        int i = offset;
        while (i < end)
        {
            final int b = buffer.getByte(i) & 0xFF;
            if (b < 0x80)
            {
                escapeAscii(out, b);
                i++;
                continue;
            }
            final int sequence = utf8SequenceLength(buffer, i, end);
            if (sequence == 0)
            {
                out.ascii("\\u00").put(HEX[b >>> 4]).put(HEX[b & 0xF]);
                i++;
                continue;
            }
            for (int k = 0; k < sequence; k++)
            {
                out.put(buffer.getByte(i + k));
            }
            i += sequence;
        }
    }

    private static void escapeAscii(final ByteOutput out, final int b)
    {
        switch (b)
        {
            case '"': out.ascii("\\\""); break;
            case '\\': out.ascii("\\\\"); break;
            case '\n': out.ascii("\\n"); break;
            case '\r': out.ascii("\\r"); break;
            case '\t': out.ascii("\\t"); break;
            default:
                if (b < 0x20 || b == 0x7F)
                {
                    out.ascii("\\u00").put(HEX[b >>> 4]).put(HEX[b & 0xF]);
                }
                else
                {
                    out.put((byte)b);
                }
        }
    }

    /** Length of the valid UTF-8 sequence starting at {@code i}, or 0 if it is not valid. */
    static int utf8SequenceLength(final DirectBuffer buffer, final int i, final int end)
    {
        final int b = buffer.getByte(i) & 0xFF;
        final int length;
        final int min;
        if (b >= 0xC2 && b <= 0xDF)
        {
            length = 2;
            min = 0x80;
        }
        else if (b >= 0xE0 && b <= 0xEF)
        {
            length = 3;
            min = 0x800;
        }
        else if (b >= 0xF0 && b <= 0xF4)
        {
            length = 4;
            min = 0x10000;
        }
        else
        {
            return 0;
        }
        if (i + length > end)
        {
            return 0;
        }
        int codePoint = b & (0xFF >>> (length + 1));
        for (int k = 1; k < length; k++)
        {
            final int c = buffer.getByte(i + k) & 0xFF;
            if ((c & 0xC0) != 0x80)
            {
                return 0;
            }
            codePoint = (codePoint << 6) | (c & 0x3F);
        }
        if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        {
            return 0;
        }
        return length;
    }

    /**
     * Appends bytes as an RFC 4180 quoted field: the value in double quotes, inner quotes doubled.
     * Valid UTF-8 and printable ASCII pass through; control characters and bytes that are not
     * valid UTF-8 become {@code \xNN} so that a row always stays on one line.
     */
    public static void csvQuoted(final ByteOutput out, final DirectBuffer buffer, final int offset, final int length)
    {
        out.put('"');
        final int end = offset + length;
        int i = offset;
        while (i < end)
        {
            final int b = buffer.getByte(i) & 0xFF;
            if (b >= 0x20 && b < 0x7F)
            {
                if (b == '"')
                {
                    out.put('"');
                }
                out.put((byte)b);
                i++;
                continue;
            }
            final int sequence = b >= 0x80 ? utf8SequenceLength(buffer, i, end) : 0;
            if (sequence == 0)
            {
                out.ascii("\\x").put(HEX[b >>> 4]).put(HEX[b & 0xF]);
                i++;
                continue;
            }
            for (int k = 0; k < sequence; k++)
            {
                out.put(buffer.getByte(i + k));
            }
            i += sequence;
        }
        out.put('"');
    }

    /** TCP flags as eight letters or dots, CWR ECE URG ACK PSH RST SYN FIN: "...A..S." */
    public static void tcpFlags(final ByteOutput out, final int flags)
    {
        final String letters = "CEUAPRSF";
        for (int bit = 7; bit >= 0; bit--)
        {
            out.put((flags & (1 << bit)) != 0 ? letters.charAt(7 - bit) : '.');
        }
    }
}
