package io.weir.plugins.pstats.testing;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.TestData;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fuzzing from real frames with a fixed seed: every frame of a capture cut at every length, bit
 * flips, absurd IP/TCP/UDP length fields, times out of order and far apart. The plugin must never
 * throw (the chain would count it) and every flow must still be exported.
 */
public final class Fuzz
{
    private static final long SEED = 0x5EED_F00DL;

    private Fuzz()
    {
    }

    public static List<Captures.Frame> mutations(final List<Captures.Frame> frames, final int framesUsed)
    {
        final Random random = new Random(SEED);
        final List<Captures.Frame> out = new ArrayList<>();
        long time = frames.isEmpty() ? 0 : frames.get(0).timestampNs();
        for (int f = 0; f < Math.min(framesUsed, frames.size()); f++)
        {
            final Captures.Frame frame = frames.get(f);
            final byte[] bytes = frame.bytes();
            for (int length = 0; length <= bytes.length; length++)
            {
                time += 1_000_000;
                out.add(new Captures.Frame(java.util.Arrays.copyOf(bytes, length), frame.wireLength(), time,
                    frame.linkType()));
            }
            for (int i = 0; i < 12; i++)
            {
                final byte[] flipped = bytes.clone();
                for (int bits = 1 + random.nextInt(8); bits > 0 && flipped.length > 0; bits--)
                {
                    final int at = random.nextInt(flipped.length);
                    flipped[at] ^= (byte)(1 << random.nextInt(8));
                }
                time += random.nextInt(3_000_000);
                out.add(frame.withBytes(flipped).at(random.nextInt(10) == 0 ? time - 5_000_000_000L : time));
            }
            for (final int offset : new int[] {14 + 2, 14 + 20 + 12, 14 + 20 + 4, 18 + 2, 14 + 4})
            {
                for (final int value : new int[] {0, 1, 0xFF, 0xFFFF, 0x7FFF})
                {
                    if (offset + 2 <= bytes.length)
                    {
                        final byte[] absurd = bytes.clone();
                        ByteBuffer.wrap(absurd).putShort(offset, (short)value);
                        time += 10_000;
                        out.add(frame.withBytes(absurd).at(time));
                    }
                }
            }
            out.add(frame.at(time + 400_000_000_000L));
        }
        return out;
    }

    /**
     * Runs fresh plugins over the mutations of each capture's frames and compares the number of
     * flows with a run without plugins.
     */
    public static void run(final Supplier<ProcessPlugin> plugin, final String... captures) throws Exception
    {
        for (final String capture : captures)
        {
            final List<Captures.Frame> frames = Captures.read(TestData.capture(capture));
            final Path fuzzed = Captures.write(mutations(frames, 40));
            final List<CollectedRecord> records = Golden.run(fuzzed, plugin.get());
            assertEquals(Golden.runWithout(fuzzed).size(), records.size(), "flows of fuzzed " + capture);
        }
    }
}
