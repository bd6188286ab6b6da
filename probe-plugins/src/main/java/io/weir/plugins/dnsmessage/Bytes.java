package io.weir.plugins.dnsmessage;

import java.nio.charset.StandardCharsets;

/** Comparisons and searches on byte ranges, so that text never becomes a String on the packet path. */
public final class Bytes
{
    private Bytes()
    {
    }

    /** ASCII constant as bytes, for fields initialised once. */
    public static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public static boolean equal(final byte[] a, final int aOffset, final int aLength,
                                final byte[] b, final int bOffset, final int bLength)
    {
        if (aLength != bLength)
        {
            return false;
        }
        for (int i = 0; i < aLength; i++)
        {
            if (a[aOffset + i] != b[bOffset + i])
            {
                return false;
            }
        }
        return true;
    }

    /** First index of {@code needle} in {@code haystack[offset, offset + length)}, relative to offset, or -1. */
    public static int indexOf(final byte[] haystack, final int offset, final int length, final byte[] needle)
    {
        final int last = length - needle.length;
        for (int i = 0; i <= last; i++)
        {
            if (equal(haystack, offset + i, needle.length, needle, 0, needle.length))
            {
                return i;
            }
        }
        return -1;
    }

    /** Same as {@link #indexOf(byte[], int, int, byte[])} for a needle given as a range. */
    public static int indexOf(final byte[] haystack, final int offset, final int length,
                              final byte[] needle, final int needleOffset, final int needleLength)
    {
        final int last = length - needleLength;
        for (int i = 0; i <= last; i++)
        {
            if (equal(haystack, offset + i, needleLength, needle, needleOffset, needleLength))
            {
                return i;
            }
        }
        return -1;
    }

    /** Last index of {@code b} before {@code before} (exclusive) in {@code bytes[0, before)}, or -1. */
    public static int lastIndexOf(final byte[] bytes, final byte b, final int before)
    {
        for (int i = before - 1; i >= 0; i--)
        {
            if (bytes[i] == b)
            {
                return i;
            }
        }
        return -1;
    }
}
