package io.weir.plugins.wg.testing;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.IntFunction;

import io.weir.core.capture.LinkType;
import io.weir.core.decode.PacketParser;
import io.weir.core.decode.PacketView;
import io.weir.core.field.RecordWriter;
import io.weir.core.flow.FlowCache;
import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.ProcessPlugin;
import org.agrona.concurrent.UnsafeBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives a flow cache with one plugin over prepared frames, exporting every ended flow's plugin
 * fields into a scratch record, and measures what the thread allocates once warmed up.
 */
public final class AllocationProbe
{
    private static final FlowCacheConfig SMALL_CACHE = new FlowCacheConfig(10, 4, 300, 30, false, true, 1009, 3);

    private AllocationProbe()
    {
    }

    /**
     * Runs {@code packets} packets (the frames round and round, 1 ms apart) after a warm-up twice as long.
     *
     * @return bytes the thread allocated during the measured run
     */
    public static long allocatedBytes(final IntFunction<ProcessPlugin> plugin, final List<byte[]> frames,
                                      final int packets)
    {
        final PluginChain chain = new PluginChain(List.of(plugin.apply(SMALL_CACHE.capacity())));
        final RecordWriter writer = new RecordWriter();
        final UnsafeBuffer record = new UnsafeBuffer(new byte[64 * 1024]);
        final long[] written = new long[1];
        final FlowCache cache = new FlowCache(SMALL_CACHE, (table, slot, reason) ->
        {
            writer.wrap(record, 0, record.capacity());
            written[0] += chain.write(slot, chain.dataMask(slot), writer);
        }, chain);
        final UnsafeBuffer[] buffers = new UnsafeBuffer[frames.size()];
        for (int i = 0; i < buffers.length; i++)
        {
            buffers[i] = new UnsafeBuffer(frames.get(i));
        }
        final PacketParser parser = new PacketParser();
        final PacketView view = new PacketView();
        final long[] timeNs = {1_600_000_000_000_000_000L};

        run(cache, parser, view, buffers, timeNs, 2 * packets);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(threadId);
        run(cache, parser, view, buffers, timeNs, packets);
        final long allocated = threads.getThreadAllocatedBytes(threadId) - before;
        cache.flushAll(0);
        assertEquals(0, chain.failures(0), () -> "plugin threw: " + chain.firstFailure(0));
        assertTrue(written[0] > 0, "no record carried the plugin's fields");
        return allocated;
    }

    private static void run(final FlowCache cache, final PacketParser parser, final PacketView view,
                            final UnsafeBuffer[] buffers, final long[] timeNs, final int packets)
    {
        for (int i = 0; i < packets; i++)
        {
            final UnsafeBuffer buffer = buffers[i % buffers.length];
            timeNs[0] += 1_000_000L;
            if (parser.parse(view, buffer, 0, buffer.capacity(), buffer.capacity(), timeNs[0], LinkType.ETHERNET, 0))
            {
                cache.onPacket(view);
            }
        }
    }
}
