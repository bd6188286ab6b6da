package io.weir.plugins.tlshello;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A reusable ASCII text buffer for fingerprint strings: grows when a longer text comes along and
 * keeps that capacity, so that steady state allocates nothing. Not thread safe.
 */
public final class AsciiText
{
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int length;

    public AsciiText(final int initialCapacity)
    {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    public AsciiText clear()
    {
        length = 0;
        return this;
    }

    public int length()
    {
        return length;
    }

    public byte[] bytes()
    {
        return bytes;
    }

    private void ensure(final int more)
    {
        if (length + more > bytes.length)
        {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    public AsciiText append(final char c)
    {
        ensure(1);
        bytes[length++] = (byte)c;
        return this;
    }

    /** A non-negative int in decimal. */
    public AsciiText appendDecimal(final int value)
    {
        ensure(10);
        if (value == 0)
        {
            bytes[length++] = '0';
            return this;
        }
        int digits = 0;
        for (int v = value; v > 0; v /= 10)
        {
            digits++;
        }
        for (int i = length + digits - 1, v = value; i >= length; i--, v /= 10)
        {
            bytes[i] = (byte)('0' + v % 10);
        }
        length += digits;
        return this;
    }

    /** A 16-bit value as four lowercase hex digits. */
    public AsciiText appendHex4(final int value)
    {
        ensure(4);
        bytes[length++] = HEX[(value >>> 12) & 0xF];
        bytes[length++] = HEX[(value >>> 8) & 0xF];
        bytes[length++] = HEX[(value >>> 4) & 0xF];
        bytes[length++] = HEX[value & 0xF];
        return this;
    }

    /** Lowercase hex of {@code count} bytes. */
    public AsciiText appendHex(final byte[] source, final int offset, final int count)
    {
        ensure(2 * count);
        for (int i = 0; i < count; i++)
        {
            final int b = source[offset + i] & 0xFF;
            bytes[length++] = HEX[b >>> 4];
            bytes[length++] = HEX[b & 0xF];
        }
        return this;
    }

    /** Feeds the text to a digest. */
    public void update(final MessageDigest digest)
    {
        digest.update(bytes, 0, length);
    }

    @Override
    public String toString()
    {
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
