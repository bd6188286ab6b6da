package io.weir.plugins.text;

import org.agrona.DirectBuffer;

/**
 * Byte-level operations on ASCII text in a buffer, each bounded by an explicit end so that
 * nothing reads past the payload. Positions are buffer indices; ends are exclusive.
 */
public final class Ascii
{
    public static final byte SPACE = ' ';
    public static final byte TAB = '\t';
    public static final byte CR = '\r';
    public static final byte LF = '\n';
    public static final byte COLON = ':';

    private Ascii()
    {
    }

    /** The index of the first {@code value} in [from, to), or -1. */
    public static int indexOf(final DirectBuffer buffer, final int from, final int to, final byte value)
    {
        for (int i = from; i < to; i++)
        {
            if (buffer.getByte(i) == value)
            {
                return i;
            }
        }
        return -1;
    }

    /** The first index in [from, to) that is not a space or tab, or {@code to}. */
    public static int skipBlanks(final DirectBuffer buffer, final int from, final int to)
    {
        int i = from;
        while (i < to && isBlank(buffer.getByte(i)))
        {
            i++;
        }
        return i;
    }

    /** The end of [from, to) without trailing spaces, tabs, CR and LF. */
    public static int trimEnd(final DirectBuffer buffer, final int from, final int to)
    {
        int end = to;
        while (end > from && isBlankOrLineEnd(buffer.getByte(end - 1)))
        {
            end--;
        }
        return end;
    }

    /** The end of [from, to) without one trailing CR. */
    public static int withoutCr(final DirectBuffer buffer, final int from, final int to)
    {
        return to > from && buffer.getByte(to - 1) == CR ? to - 1 : to;
    }

    public static boolean isBlank(final byte value)
    {
        return value == SPACE || value == TAB;
    }

    public static boolean isBlankOrLineEnd(final byte value)
    {
        return value == SPACE || value == TAB || value == CR || value == LF;
    }

    public static boolean isDigit(final byte value)
    {
        return value >= '0' && value <= '9';
    }

    public static boolean isUpper(final byte value)
    {
        return value >= 'A' && value <= 'Z';
    }

    public static int toLower(final byte value)
    {
        return value >= 'A' && value <= 'Z' ? value + ('a' - 'A') : value;
    }

    /** Whether [offset, offset + length) equals {@code lowerCase} ignoring ASCII case. */
    public static boolean equalsIgnoreCase(final DirectBuffer buffer, final int offset, final int length,
                                           final byte[] lowerCase)
    {
        if (length != lowerCase.length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (toLower(buffer.getByte(offset + i)) != lowerCase[i])
            {
                return false;
            }
        }
        return true;
    }

    /** Whether the bytes at {@code offset} (with {@code available} bytes readable) start with {@code prefix}. */
    public static boolean startsWith(final DirectBuffer buffer, final int offset, final int available,
                                     final byte[] prefix)
    {
        if (available < prefix.length)
        {
            return false;
        }
        for (int i = 0; i < prefix.length; i++)
        {
            if (buffer.getByte(offset + i) != prefix[i])
            {
                return false;
            }
        }
        return true;
    }

    /** Whether all {@code length} bytes at {@code offset} are the start of {@code text}. */
    public static boolean isPrefixOf(final DirectBuffer buffer, final int offset, final int length, final byte[] text)
    {
        if (length > text.length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (buffer.getByte(offset + i) != text[i])
            {
                return false;
            }
        }
        return true;
    }

    /** Whether [from, to) is not empty and all upper-case letters. */
    public static boolean isUpperCaseWord(final DirectBuffer buffer, final int from, final int to)
    {
        if (from >= to)
        {
            return false;
        }
        for (int i = from; i < to; i++)
        {
            if (!isUpper(buffer.getByte(i)))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * The index of the first occurrence of {@code lowerCase} in [from, to) ignoring ASCII case, or -1.
     */
    public static int indexOfIgnoreCase(final DirectBuffer buffer, final int from, final int to,
                                        final byte[] lowerCase)
    {
        final int last = to - lowerCase.length;
        for (int i = from; i <= last; i++)
        {
            if (toLower(buffer.getByte(i)) == lowerCase[0]
                && equalsIgnoreCase(buffer, i, lowerCase.length, lowerCase))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * C's {@code atoi} on [from, to): leading blanks, an optional sign, then decimal digits; 0 when
     * there are none. At most nine digits are read, so the result never overflows.
     */
    public static int leadingNumber(final DirectBuffer buffer, final int from, final int to)
    {
        int i = from;
        while (i < to && isBlank(buffer.getByte(i)))
        {
            i++;
        }
        boolean negative = false;
        if (i < to && (buffer.getByte(i) == '+' || buffer.getByte(i) == '-'))
        {
            negative = buffer.getByte(i) == '-';
            i++;
        }
        int value = 0;
        final int limit = Math.min(to, i + 9);
        while (i < limit && isDigit(buffer.getByte(i)))
        {
            value = value * 10 + (buffer.getByte(i) - '0');
            i++;
        }
        return negative ? -value : value;
    }

    /** Text as bytes, for constants. */
    public static byte[] bytes(final String text)
    {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
