package io.weir.plugins.quic;

/**
 * AES-128 block encryption (FIPS 197) for QUIC Initial protection: header protection masks and the
 * counter blocks of AES-GCM. Only encryption is needed (GCM and the header mask never decrypt a
 * block). Written out here rather than through {@code javax.crypto.Cipher} because a Cipher allocates
 * on every {@code init}, and every QUIC connection brings new keys: with the round keys expanded into
 * a preallocated array, a new connection and every packet cost no allocation at all. The tables are
 * computed once per class from the field arithmetic. Not thread safe.
 */
final class AesBlock
{
    private static final int ROUNDS = 10;
    private static final int[] SBOX = new int[256];
    private static final int[] T0 = new int[256];
    private static final int[] T1 = new int[256];
    private static final int[] T2 = new int[256];
    private static final int[] T3 = new int[256];
    private static final int[] RCON = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1b, 0x36};

    static
    {
        for (int x = 0; x < 256; x++)
        {
            final int inverse = inverse(x);
            int s = inverse;
            for (int shift = 1; shift <= 4; shift++)
            {
                s ^= ((inverse << shift) | (inverse >>> (8 - shift))) & 0xFF;
            }
            SBOX[x] = s ^ 0x63;
        }
        for (int x = 0; x < 256; x++)
        {
            final int s = SBOX[x];
            final int t = (times2(s) << 24) | (s << 16) | (s << 8) | (times2(s) ^ s);
            T0[x] = t;
            T1[x] = Integer.rotateRight(t, 8);
            T2[x] = Integer.rotateRight(t, 16);
            T3[x] = Integer.rotateRight(t, 24);
        }
    }

    private final int[] roundKeys = new int[4 * (ROUNDS + 1)];
    private final byte[] currentKey = new byte[16];
    private boolean keyed;

    private static int times2(final int b)
    {
        return ((b << 1) ^ ((b & 0x80) != 0 ? 0x1b : 0)) & 0xFF;
    }

    private static int multiply(final int a, final int b)
    {
        int product = 0;
        int x = a;
        for (int y = b; y != 0; y >>>= 1)
        {
            if ((y & 1) != 0)
            {
                product ^= x;
            }
            x = times2(x);
        }
        return product;
    }

    /** Multiplicative inverse in GF(2^8) (0 for 0): x^254. */
    private static int inverse(final int x)
    {
        int result = 1;
        int power = x;
        for (int e = 254; e != 0; e >>>= 1)
        {
            if ((e & 1) != 0)
            {
                result = multiply(result, power);
            }
            power = multiply(power, power);
        }
        return x == 0 ? 0 : result;
    }

    private static int subWord(final int w)
    {
        return (SBOX[w >>> 24] << 24) | (SBOX[(w >>> 16) & 0xFF] << 16) | (SBOX[(w >>> 8) & 0xFF] << 8) | SBOX[w & 0xFF];
    }

    void key(final byte[] key, final int offset)
    {
        if (keyed && java.util.Arrays.equals(currentKey, 0, 16, key, offset, offset + 16))
        {
            return;
        }
        System.arraycopy(key, offset, currentKey, 0, 16);
        for (int i = 0; i < 4; i++)
        {
            roundKeys[i] = word(key, offset + 4 * i);
        }
        for (int i = 4; i < roundKeys.length; i++)
        {
            int temp = roundKeys[i - 1];
            if ((i & 3) == 0)
            {
                temp = subWord(Integer.rotateLeft(temp, 8)) ^ (RCON[i / 4 - 1] << 24);
            }
            roundKeys[i] = roundKeys[i - 4] ^ temp;
        }
        keyed = true;
    }

    /** Encrypts {@code length} bytes (a multiple of 16) from {@code in} into {@code out}, block by block. */
    void encrypt(final byte[] in, final int inOffset, final int length, final byte[] out, final int outOffset)
    {
        final int[] k = roundKeys;
        for (int block = 0; block < length; block += 16)
        {
            int s0 = word(in, inOffset + block) ^ k[0];
            int s1 = word(in, inOffset + block + 4) ^ k[1];
            int s2 = word(in, inOffset + block + 8) ^ k[2];
            int s3 = word(in, inOffset + block + 12) ^ k[3];
            for (int round = 1; round < ROUNDS; round++)
            {
                final int r = 4 * round;
                final int t0 = T0[s0 >>> 24] ^ T1[(s1 >>> 16) & 0xFF] ^ T2[(s2 >>> 8) & 0xFF] ^ T3[s3 & 0xFF] ^ k[r];
                final int t1 = T0[s1 >>> 24] ^ T1[(s2 >>> 16) & 0xFF] ^ T2[(s3 >>> 8) & 0xFF] ^ T3[s0 & 0xFF] ^ k[r + 1];
                final int t2 = T0[s2 >>> 24] ^ T1[(s3 >>> 16) & 0xFF] ^ T2[(s0 >>> 8) & 0xFF] ^ T3[s1 & 0xFF] ^ k[r + 2];
                final int t3 = T0[s3 >>> 24] ^ T1[(s0 >>> 16) & 0xFF] ^ T2[(s1 >>> 8) & 0xFF] ^ T3[s2 & 0xFF] ^ k[r + 3];
                s0 = t0;
                s1 = t1;
                s2 = t2;
                s3 = t3;
            }
            final int r = 4 * ROUNDS;
            putWord(out, outOffset + block, lastRound(s0, s1, s2, s3) ^ k[r]);
            putWord(out, outOffset + block + 4, lastRound(s1, s2, s3, s0) ^ k[r + 1]);
            putWord(out, outOffset + block + 8, lastRound(s2, s3, s0, s1) ^ k[r + 2]);
            putWord(out, outOffset + block + 12, lastRound(s3, s0, s1, s2) ^ k[r + 3]);
        }
    }

    private static int lastRound(final int a, final int b, final int c, final int d)
    {
        return (SBOX[a >>> 24] << 24) | (SBOX[(b >>> 16) & 0xFF] << 16) | (SBOX[(c >>> 8) & 0xFF] << 8) | SBOX[d & 0xFF];
    }

    private static int word(final byte[] data, final int offset)
    {
        return ((data[offset] & 0xFF) << 24) | ((data[offset + 1] & 0xFF) << 16) | ((data[offset + 2] & 0xFF) << 8)
            | (data[offset + 3] & 0xFF);
    }

    private static void putWord(final byte[] data, final int offset, final int value)
    {
        data[offset] = (byte)(value >>> 24);
        data[offset + 1] = (byte)(value >>> 16);
        data[offset + 2] = (byte)(value >>> 8);
        data[offset + 3] = (byte)value;
    }
}
