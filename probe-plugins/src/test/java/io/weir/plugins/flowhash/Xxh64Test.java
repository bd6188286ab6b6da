package io.weir.plugins.flowhash;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reference values from xxhsum -H1 (the xxHash project's own tool), seed 0. */
class Xxh64Test
{
    private static long hash(final byte[] data)
    {
        return Xxh64.hash(data, 0, data.length, 0);
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] sequence(final int length, final int multiplier, final int add)
    {
        final byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(i * multiplier + add);
        }
        return bytes;
    }

    @Test
    void shortInputs()
    {
        assertEquals(0xef46db3751d8e999L, hash(new byte[0]));
        assertEquals(0xd24ec4f1a98c6e5bL, hash(ascii("a")));
        assertEquals(0x44bc2cf5ad770999L, hash(ascii("abc")));
        assertEquals(0x44b6ef2fb84169f7L, hash(sequence(16, 1, 0)));
    }

    @Test
    void inputsOfOneStripeAndMore()
    {
        assertEquals(0xfbcea83c8a378bf1L, hash(ascii("Nobody inspects the spammish repetition")));
        assertEquals(0xf5da40f1b11741e9L, hash(sequence(40, 1, 0)));
        assertEquals(0xa61f8d4c170fe531L, hash(sequence(100, 7, 3)));
    }

    @Test
    void hashesTheGivenRangeOnly()
    {
        final byte[] padded = new byte[5];
        padded[1] = 'a';
        padded[2] = 'b';
        padded[3] = 'c';
        assertEquals(0x44bc2cf5ad770999L, Xxh64.hash(padded, 1, 3, 0));
    }
}
