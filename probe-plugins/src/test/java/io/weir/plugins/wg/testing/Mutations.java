package io.weir.plugins.wg.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Malformed variants of real payloads for fuzz tests, made with a fixed seed: every truncation,
 * single bit flips, random byte runs, and values written at chosen offsets (absurd length fields).
 */
public final class Mutations
{
    private static final int[] ABSURD_BYTES = {0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF};

    private Mutations()
    {
    }

    /** {@code seed} cut at every length from 0 to its length - 1. */
    public static List<byte[]> truncations(final byte[] seed)
    {
        final List<byte[]> out = new ArrayList<>();
        for (int length = 0; length < seed.length; length++)
        {
            final byte[] cut = new byte[length];
            System.arraycopy(seed, 0, cut, 0, length);
            out.add(cut);
        }
        return out;
    }

    /** {@code count} copies of {@code seed} with one random bit flipped each (every bit when count covers them). */
    public static List<byte[]> bitFlips(final byte[] seed, final int count, final Random random)
    {
        final List<byte[]> out = new ArrayList<>();
        final int bits = seed.length * 8;
        for (int i = 0; i < count && bits > 0; i++)
        {
            final int bit = count >= bits ? i % bits : random.nextInt(bits);
            final byte[] flipped = seed.clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            out.add(flipped);
        }
        return out;
    }

    /** {@code count} copies of {@code seed} with 1..8 consecutive bytes replaced by random or extreme values. */
    public static List<byte[]> byteRuns(final byte[] seed, final int count, final Random random)
    {
        final List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count && seed.length > 0; i++)
        {
            final byte[] changed = seed.clone();
            final int at = random.nextInt(seed.length);
            final int run = 1 + random.nextInt(8);
            for (int j = at; j < Math.min(seed.length, at + run); j++)
            {
                changed[j] = (byte)(random.nextBoolean() ? random.nextInt(256)
                    : ABSURD_BYTES[random.nextInt(ABSURD_BYTES.length)]);
            }
            out.add(changed);
        }
        return out;
    }

    /** Copies of {@code seed} with each extreme byte value written at each of {@code offsets} (when inside). */
    public static List<byte[]> absurdAt(final byte[] seed, final int... offsets)
    {
        final List<byte[]> out = new ArrayList<>();
        for (final int offset : offsets)
        {
            if (offset < seed.length)
            {
                for (final int value : ABSURD_BYTES)
                {
                    final byte[] changed = seed.clone();
                    changed[offset] = (byte)value;
                    out.add(changed);
                }
            }
        }
        return out;
    }

    /** Truncations, {@code flips} bit flips, {@code runs} byte runs and the absurd values of one seed. */
    public static List<byte[]> all(final byte[] seed, final Random random, final int flips, final int runs,
                                   final int... absurdOffsets)
    {
        final List<byte[]> out = new ArrayList<>(truncations(seed));
        out.addAll(bitFlips(seed, flips, random));
        out.addAll(byteRuns(seed, runs, random));
        out.addAll(absurdAt(seed, absurdOffsets));
        return out;
    }
}
