package io.weir.export.ipfix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

/** weir's dictionary-capable LZ4 block reader against lz4-java's compressors, and on hostile input. */
class Lz4BlockDecoderTest
{
    private static byte[] sample(final SplittableRandom random, final int length)
    {
        final byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = i > 8 && random.nextInt(4) != 0 ? data[i - 1 - random.nextInt(8)] : (byte)random.nextInt(16);
        }
        return data;
    }

    @Test
    void readsWhatLz4JavaCompresses()
    {
        final SplittableRandom random = new SplittableRandom(11);
        final LZ4Compressor[] compressors = {LZ4Factory.safeInstance().fastCompressor(),
            LZ4Factory.safeInstance().highCompressor(), LZ4Factory.fastestInstance().fastCompressor()};
        for (int round = 0; round < 300; round++)
        {
            final byte[] data = sample(random, 1 + random.nextInt(65535));
            final LZ4Compressor compressor = compressors[round % compressors.length];
            final byte[] compressed = compressor.compress(data);
            final byte[] out = new byte[data.length + 100];
            final int n = Lz4BlockDecoder.decompress(compressed, 0, compressed.length, out, 0, 0, data.length);
            assertEquals(data.length, n);
            assertArrayEquals(data, Arrays.copyOf(out, n));
        }
    }

    @Test
    void copiesFromEarlierOutput()
    {
        final byte[] window = new byte[64];
        final byte[] history = "IPFIX!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(history, 0, window, 0, history.length);
        // token: 1 literal, match of 4 + 8 = 12; literal 'x'; offset 7 reaches back into the history; then 5 literals
        final byte[] block = {0x18, 'x', 7, 0, 0x50, 'a', 'b', 'c', 'd', 'e'};
        final int n = Lz4BlockDecoder.decompress(block, 0, block.length, window, 0, history.length, window.length);
        assertEquals(1 + 12 + 5, n);
        assertEquals("IPFIX!xIPFIX!xIPFIXabcde", new String(window, 0, history.length + n,
            java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(Lz4BlockDecoder.MALFORMED, Lz4BlockDecoder.decompress(block, 0, block.length, window, 1,
            history.length, window.length), "the offset must not reach before the history");
        final byte[] zeroOffset = {0x10, 'x', 0, 0, 0x00};
        assertEquals(Lz4BlockDecoder.MALFORMED, Lz4BlockDecoder.decompress(zeroOffset, 0, zeroOffset.length, window, 0,
            history.length, window.length));
    }

    @Test
    void rejectsRandomAndCorruptedBlocksWithoutThrowing()
    {
        final SplittableRandom random = new SplittableRandom(13);
        final LZ4Compressor compressor = LZ4Factory.safeInstance().fastCompressor();
        final byte[] out = new byte[70_000];
        for (int round = 0; round < 20_000; round++)
        {
            final byte[] block;
            if (round % 2 == 0)
            {
                block = new byte[1 + random.nextInt(200)];
                random.nextBytes(block);
            }
            else
            {
                block = compressor.compress(sample(random, 1 + random.nextInt(4000)));
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--)
                {
                    block[random.nextInt(block.length)] ^= (byte)(1 << random.nextInt(8));
                }
            }
            final int start = random.nextInt(1000);
            final int n = Lz4BlockDecoder.decompress(block, 0, block.length, out, random.nextInt(start + 1), start,
                start + random.nextInt(65536));
            assertEquals(true, n >= Lz4BlockDecoder.MALFORMED);
        }
    }
}
