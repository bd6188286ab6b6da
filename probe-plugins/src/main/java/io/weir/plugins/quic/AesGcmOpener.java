package io.weir.plugins.quic;

/**
 * AES-128-GCM decryption with tag check (NIST SP 800-38D) for QUIC packet protection (RFC 9001
 * section 5.3): counter mode over {@link AesBlock} and GHASH with 4-bit tables computed per key, all
 * in preallocated arrays, so that opening a packet allocates nothing. Not thread safe.
 */
final class AesGcmOpener
{
    static final int TAG_BYTES = 16;
    private static final long[] REDUCTION = {
        0x0000L, 0x1c20L, 0x3840L, 0x2460L, 0x7080L, 0x6ca0L, 0x48c0L, 0x54e0L,
        0xe100L, 0xfd20L, 0xd940L, 0xc560L, 0x9180L, 0x8da0L, 0xa9c0L, 0xb5e0L,
    };

    private final AesBlock aes = new AesBlock();
    private final long[] tableHigh = new long[16];
    private final long[] tableLow = new long[16];
    private final byte[] block = new byte[16];
    private final byte[] hashKey = new byte[16];
    private final byte[] counters;
    private final byte[] keystream;
    private final byte[] currentKey = new byte[16];
    private boolean keyed;
    private long ghashHigh;
    private long ghashLow;

    /** @param maxBytes the longest ciphertext opened */
    AesGcmOpener(final int maxBytes)
    {
        final int blocks = maxBytes / 16 + 2;
        counters = new byte[blocks * 16];
        keystream = new byte[blocks * 16];
    }

    void key(final byte[] key, final int offset)
    {
        if (keyed && java.util.Arrays.equals(currentKey, 0, 16, key, offset, offset + 16))
        {
            return;
        }
        System.arraycopy(key, offset, currentKey, 0, 16);
        aes.key(key, offset);
        java.util.Arrays.fill(block, (byte)0);
        aes.encrypt(block, 0, 16, hashKey, 0);
        tables(readLong(hashKey, 0), readLong(hashKey, 8));
        keyed = true;
    }

    /**
     * Decrypts {@code in[offset..offset+length)} (ciphertext followed by the 16-byte tag) into
     * {@code out[outOffset..)} if the tag verifies over {@code aad} and the ciphertext.
     *
     * @return true when the tag matched; the plaintext is then {@code length - 16} bytes
     */
    boolean open(final byte[] nonce, final byte[] aad, final int aadLength, final byte[] in, final int offset,
                 final int length, final byte[] out, final int outOffset)
    {
        final int cipherLength = length - TAG_BYTES;
        final int blocks = (cipherLength + 15) / 16 + 1;
        if (cipherLength < 0 || blocks * 16 > counters.length)
        {
            return false;
        }
        ghashHigh = 0;
        ghashLow = 0;
        absorb(aad, 0, aadLength);
        absorb(in, offset, cipherLength);
        java.util.Arrays.fill(block, (byte)0);
        writeLong(block, 0, (long)aadLength * 8);
        writeLong(block, 8, (long)cipherLength * 8);
        absorbBlock(block, 0);

        for (int i = 0; i < blocks; i++)
        {
            final int at = i * 16;
            System.arraycopy(nonce, 0, counters, at, 12);
            final int counter = i + 1;
            counters[at + 12] = (byte)(counter >>> 24);
            counters[at + 13] = (byte)(counter >>> 16);
            counters[at + 14] = (byte)(counter >>> 8);
            counters[at + 15] = (byte)counter;
        }
        aes.encrypt(counters, 0, blocks * 16, keystream, 0);
        int difference = 0;
        for (int i = 0; i < 8; i++)
        {
            difference |= (keystream[i] ^ (byte)(ghashHigh >>> (56 - 8 * i)) ^ in[offset + cipherLength + i]);
            difference |= (keystream[8 + i] ^ (byte)(ghashLow >>> (56 - 8 * i)) ^ in[offset + cipherLength + 8 + i]);
        }
        if ((difference & 0xFF) != 0)
        {
            return false;
        }
        for (int i = 0; i < cipherLength; i++)
        {
            out[outOffset + i] = (byte)(in[offset + i] ^ keystream[16 + i]);
        }
        return true;
    }

    private void absorb(final byte[] data, final int offset, final int length)
    {
        int p = offset;
        final int end = offset + length;
        while (end - p >= 16)
        {
            absorbBlock(data, p);
            p += 16;
        }
        if (p < end)
        {
            java.util.Arrays.fill(block, (byte)0);
            System.arraycopy(data, p, block, 0, end - p);
            absorbBlock(block, 0);
        }
    }

    private void absorbBlock(final byte[] data, final int offset)
    {
        ghashHigh ^= readLong(data, offset);
        ghashLow ^= readLong(data, offset + 8);
        multiply();
    }

    /** (ghashHigh, ghashLow) = (ghashHigh, ghashLow) * H in GF(2^128), 4 bits at a time. */
    private void multiply()
    {
        final long xHigh = ghashHigh;
        final long xLow = ghashLow;
        int nibble = (int)(xLow & 0xF);
        long zHigh = tableHigh[nibble];
        long zLow = tableLow[nibble];
        for (int i = 15; i >= 0; i--)
        {
            final int b = (int)((i >= 8 ? xLow >>> (8 * (15 - i)) : xHigh >>> (8 * (7 - i))) & 0xFF);
            if (i != 15)
            {
                final int remainder = (int)(zLow & 0xF);
                zLow = (zHigh << 60) | (zLow >>> 4);
                zHigh = (zHigh >>> 4) ^ (REDUCTION[remainder] << 48);
                zHigh ^= tableHigh[b & 0xF];
                zLow ^= tableLow[b & 0xF];
            }
            final int remainder = (int)(zLow & 0xF);
            zLow = (zHigh << 60) | (zLow >>> 4);
            zHigh = (zHigh >>> 4) ^ (REDUCTION[remainder] << 48);
            zHigh ^= tableHigh[b >>> 4];
            zLow ^= tableLow[b >>> 4];
        }
        ghashHigh = zHigh;
        ghashLow = zLow;
    }

    private void tables(final long high, final long low)
    {
        long vHigh = high;
        long vLow = low;
        tableHigh[0] = 0;
        tableLow[0] = 0;
        tableHigh[8] = vHigh;
        tableLow[8] = vLow;
        for (int i = 4; i > 0; i >>= 1)
        {
            final long carry = (vLow & 1) != 0 ? 0xe100000000000000L : 0;
            vLow = (vHigh << 63) | (vLow >>> 1);
            vHigh = (vHigh >>> 1) ^ carry;
            tableHigh[i] = vHigh;
            tableLow[i] = vLow;
        }
        for (int i = 2; i <= 8; i *= 2)
        {
            for (int j = 1; j < i; j++)
            {
                tableHigh[i + j] = tableHigh[i] ^ tableHigh[j];
                tableLow[i + j] = tableLow[i] ^ tableLow[j];
            }
        }
    }

    private static long readLong(final byte[] data, final int offset)
    {
        long value = 0;
        for (int i = 0; i < 8; i++)
        {
            value = (value << 8) | (data[offset + i] & 0xFF);
        }
        return value;
    }

    private static void writeLong(final byte[] data, final int offset, final long value)
    {
        for (int i = 0; i < 8; i++)
        {
            data[offset + i] = (byte)(value >>> (56 - 8 * i));
        }
    }
}
