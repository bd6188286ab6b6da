package io.weir.plugins.dnsmessage;

import org.agrona.DirectBuffer;

/**
 * Bounded text built from bytes: what does not fit the capacity is cut (and {@link #cut()} set),
 * as ipfixprobe cuts its fixed-size fields. Numbers are written as decimal ASCII without making
 * Strings. Reused: not thread safe, owned by the capture worker.
 */
public final class TextBuffer
{
    private static final byte[] LONG_MIN_DIGITS = Bytes.ascii("9223372036854775808");

    private final byte[] bytes;
    private int length;
    private boolean cut;

    public TextBuffer(final int capacity)
    {
        this.bytes = new byte[capacity];
    }

    public TextBuffer clear()
    {
        length = 0;
        cut = false;
        return this;
    }

    public TextBuffer append(final byte b)
    {
        if (length < bytes.length)
        {
            bytes[length++] = b;
        }
        else
        {
            cut = true;
        }
        return this;
    }

    public TextBuffer append(final char c)
    {
        return append((byte)c);
    }

    public TextBuffer append(final byte[] source, final int offset, final int count)
    {
        final int n = Math.min(count, bytes.length - length);
        System.arraycopy(source, offset, bytes, length, n);
        length += n;
        if (n < count)
        {
            cut = true;
        }
        return this;
    }

    public TextBuffer append(final byte[] source)
    {
        return append(source, 0, source.length);
    }

    public TextBuffer append(final DnsName name)
    {
        return append(name.bytes(), 0, name.length());
    }

    public TextBuffer append(final TextBuffer other)
    {
        return append(other.bytes, 0, other.length);
    }

    public TextBuffer append(final DirectBuffer source, final int index, final int count)
    {
        final int n = Math.min(count, bytes.length - length);
        source.getBytes(index, bytes, length, n);
        length += n;
        if (n < count)
        {
            cut = true;
        }
        return this;
    }

    /** Decimal text of a signed value. */
    public TextBuffer appendDecimal(final long value)
    {
        if (value < 0)
        {
            append('-');
            if (value == Long.MIN_VALUE)
            {
                return append(LONG_MIN_DIGITS);
            }
            return appendUnsigned(-value);
        }
        return appendUnsigned(value);
    }

    private TextBuffer appendUnsigned(final long value)
    {
        long divisor = 1;
        while (value / divisor >= 10)
        {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10)
        {
            append((byte)('0' + (value / divisor) % 10));
        }
        return this;
    }

    public TextBuffer copyFrom(final TextBuffer other)
    {
        clear();
        append(other);
        cut |= other.cut;
        return this;
    }

    public byte[] bytes()
    {
        return bytes;
    }

    public int length()
    {
        return length;
    }

    public int capacity()
    {
        return bytes.length;
    }

    public boolean isEmpty()
    {
        return length == 0;
    }

    public boolean cut()
    {
        return cut;
    }

    public boolean contentEquals(final TextBuffer other)
    {
        return Bytes.equal(bytes, 0, length, other.bytes, 0, other.length);
    }

    /** ISO-8859-1 text, for tests and messages; never on the packet path. */
    @Override
    public String toString()
    {
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
