package io.weir.plugins.quic;

import java.util.Arrays;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * The Initial-level CRYPTO stream of one connection (RFC 9000 section 19.6), rebuilt from frames
 * that may come in any order and in several packets: bytes are placed at their offsets within a
 * bounded buffer and a bitmap records which are present, so that the contiguous prefix (the part
 * a TLS decoder can read) is known at every step. Bytes past the bound are dropped. Lent from a
 * pool and cleared on return. Not thread safe.
 */
final class CryptoStream
{
    final byte[] data;
    /** {@link #data} as a buffer for the TLS decoder. */
    final UnsafeBuffer view;
    private final long[] present;
    private int contiguous;
    private int highest;

    CryptoStream(final int capacity)
    {
        data = new byte[capacity];
        view = new UnsafeBuffer(data);
        present = new long[(capacity + 63) / 64];
    }

    void clear()
    {
        Arrays.fill(present, 0, (highest + 63) / 64, 0L);
        contiguous = 0;
        highest = 0;
    }

    int capacity()
    {
        return data.length;
    }

    /** Places {@code length} bytes of stream data found at {@code source[sourceOffset..)} at stream offset {@code offset}. */
    void add(final long offset, final byte[] source, final int sourceOffset, final int length)
    {
        if (offset >= data.length || length <= 0)
        {
            return;
        }
        final int at = (int)offset;
        final int count = Math.min(length, data.length - at);
        System.arraycopy(source, sourceOffset, data, at, count);
        for (int i = at; i < at + count; i++)
        {
            present[i >>> 6] |= 1L << (i & 63);
        }
        highest = Math.max(highest, at + count);
        while (contiguous < highest && (present[contiguous >>> 6] & (1L << (contiguous & 63))) != 0)
        {
            contiguous++;
        }
    }

    /** Bytes present from offset 0 without a hole. */
    int contiguous()
    {
        return contiguous;
    }

    /** One past the highest byte received. */
    int highest()
    {
        return highest;
    }
}
