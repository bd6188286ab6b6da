package io.weir.core.decode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.weir.core.decode.CraftedFrames.Crafted;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The per-packet path allocates nothing, whatever the frame: well formed, cut short or corrupted. */
class PacketParserAllocationTest
{
    private static final int PACKETS = 1_000_000;

    @Test
    void parsesAMillionPacketsWithoutAllocating()
    {
        final List<UnsafeBuffer> buffers = new ArrayList<>();
        final List<int[]> shapes = new ArrayList<>();
        final Random random = new Random(11);
        for (final Crafted crafted : CraftedFrames.all())
        {
            final byte[] corrupted = crafted.frame().clone();
            corrupted[random.nextInt(Math.min(60, corrupted.length))] ^= (byte)(1 << random.nextInt(8));
            for (final byte[] frame : new byte[][] {crafted.frame(), corrupted})
            {
                buffers.add(new UnsafeBuffer(frame));
                shapes.add(new int[] {crafted.linkType(), frame.length});
                buffers.add(new UnsafeBuffer(frame));
                shapes.add(new int[] {crafted.linkType(), frame.length / 2});
            }
        }
        final PacketParser parser = new PacketParser();
        final PacketView view = new PacketView();
        final int count = buffers.size();

        // Warm up until the JIT has settled: compiling and deoptimising allocate on this thread too.
        long parsed = run(parser, view, buffers, shapes, count, 2 * PACKETS);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(threadId);
        parsed += run(parser, view, buffers, shapes, count, PACKETS);
        final long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        assertTrue(parsed > PACKETS, "packets parsed: " + parsed);
        assertTrue(allocated < 1024, allocated + " bytes allocated while parsing " + PACKETS + " packets");
    }

    private static long run(final PacketParser parser, final PacketView view, final List<UnsafeBuffer> buffers,
                            final List<int[]> shapes, final int count, final int packets)
    {
        long parsed = 0;
        for (int i = 0; i < packets; i++)
        {
            final int index = i % count;
            final int[] shape = shapes.get(index);
            if (parser.parse(view, buffers.get(index), 0, shape[1], shape[1], i, shape[0], 0))
            {
                parsed++;
            }
        }
        return parsed;
    }
}
