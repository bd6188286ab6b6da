package io.weir.plugins.flowhash;

/**
 * XXH64 (xxHash, 64-bit variant, version 0.6 onwards: the stable algorithm), over bytes of an array.
 * Stateless.
 */
public final class Xxh64
{
    private static final long PRIME1 = 0x9E3779B185EBCA87L;
    private static final long PRIME2 = 0xC2B2AE3D27D4EB4FL;
    private static final long PRIME3 = 0x165667B19E3779F9L;
    private static final long PRIME4 = 0x85EBCA77C2B2AE63L;
    private static final long PRIME5 = 0x27D4EB2F165667C5L;
    private static final int STRIPE = 32;

    private Xxh64()
    {
    }

    public static long hash(final byte[] data, final int offset, final int length, final long seed)
    {
        int p = offset;
        final int end = offset + length;
        long h;
        if (length >= STRIPE)
        {
            long v1 = seed + PRIME1 + PRIME2;
            long v2 = seed + PRIME2;
            long v3 = seed;
            long v4 = seed - PRIME1;
            final int limit = end - STRIPE;
            do
            {
                v1 = round(v1, long64le(data, p));
                v2 = round(v2, long64le(data, p + 8));
                v3 = round(v3, long64le(data, p + 16));
                v4 = round(v4, long64le(data, p + 24));
                p += STRIPE;
            }
            while (p <= limit);
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        }
        else
        {
            h = seed + PRIME5;
        }
        h += length;
        while (p + 8 <= end)
        {
            h ^= round(0, long64le(data, p));
            h = Long.rotateLeft(h, 27) * PRIME1 + PRIME4;
            p += 8;
        }
        if (p + 4 <= end)
        {
            h ^= (int32le(data, p) & 0xFFFF_FFFFL) * PRIME1;
            h = Long.rotateLeft(h, 23) * PRIME2 + PRIME3;
            p += 4;
        }
        while (p < end)
        {
            h ^= (data[p] & 0xFFL) * PRIME5;
            h = Long.rotateLeft(h, 11) * PRIME1;
            p++;
        }
        h ^= h >>> 33;
        h *= PRIME2;
        h ^= h >>> 29;
        h *= PRIME3;
        h ^= h >>> 32;
        return h;
    }

    private static long round(final long accumulator, final long input)
    {
        return Long.rotateLeft(accumulator + input * PRIME2, 31) * PRIME1;
    }

    private static long merge(final long h, final long v)
    {
        return (h ^ round(0, v)) * PRIME1 + PRIME4;
    }

    private static long long64le(final byte[] b, final int p)
    {
        return (int32le(b, p) & 0xFFFF_FFFFL) | ((long)int32le(b, p + 4) << 32);
    }

    private static int int32le(final byte[] b, final int p)
    {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }
}
