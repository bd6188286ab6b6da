package io.weir.plugins.pstats;

import java.lang.management.ManagementFactory;
import java.util.List;

import io.weir.core.capture.LinkType;
import io.weir.core.decode.PacketParser;
import io.weir.core.decode.PacketView;
import io.weir.core.field.RecordWriter;
import io.weir.core.flow.FlowCache;
import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.flow.FlowEndReason;
import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.plugins.basicplus.BasicPlusPlugin;
import io.weir.plugins.bstats.BurstStatsPlugin;
import io.weir.plugins.flowhash.FlowHashPlugin;
import io.weir.plugins.icmp.IcmpPlugin;
import io.weir.plugins.idpcontent.IdpContentPlugin;
import io.weir.plugins.mpls.MplsPlugin;
import io.weir.plugins.nettisa.NettisaPlugin;
import io.weir.plugins.phists.PacketHistogramPlugin;
import io.weir.plugins.pstats.testing.TestFrames;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static io.weir.plugins.pstats.testing.TestFrames.ACK;
import static io.weir.plugins.pstats.testing.TestFrames.PSH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feature plugins allocate nothing per packet or per flow: a million packets through a small
 * cache (so that flows are created, evicted and written all the time) with every plugin of this
 * family enabled leave the thread's allocated bytes where they were.
 */
class FeaturePluginAllocationTest
{
    private static final int FLOWS = 200;
    private static final int PACKETS = 1_000_000;

    @Test
    void noAllocationPerPacketOrFlow()
    {
        final FlowCacheConfig config = new FlowCacheConfig(6, 4, 300, 30, false, true, 64, 3);
        final int slots = config.capacity();
        final PluginChain chain = new PluginChain(List.<ProcessPlugin>of(
            new PacketStatsPlugin(slots, 30, true, true), new PacketHistogramPlugin(slots, true),
            new BurstStatsPlugin(slots), new NettisaPlugin(slots), new BasicPlusPlugin(slots),
            new IdpContentPlugin(slots), new IcmpPlugin(slots), new MplsPlugin(slots), new FlowHashPlugin(slots)));
        final UnsafeBuffer recordBuffer = new UnsafeBuffer(new byte[64 * 1024]);
        final RecordWriter writer = new RecordWriter();
        final long[] written = new long[1];
        final FlowCache cache = new FlowCache(config, (table, slot, reason) ->
        {
            writer.wrap(recordBuffer, 0, recordBuffer.capacity());
            chain.write(slot, chain.dataMask(slot), writer);
            written[0] += writer.length();
        }, chain);

        final PacketParser parser = new PacketParser();
        final PacketView[] views = new PacketView[FLOWS * 2];
        for (int i = 0; i < FLOWS; i++)
        {
            final String client = "10.1." + (i / 250) + "." + (1 + i % 250);
            views[2 * i] = parse(parser, TestFrames.tcp(client, 1024 + i, "10.2.0.1", 443, PSH | ACK, i, 7, 64, 2,
                1000, new byte[] {2, 4, 5, (byte)0xb4}, new byte[40 + i]), i);
            views[2 * i + 1] = parse(parser, TestFrames.tcp("10.2.0.1", 443, client, 1024 + i, ACK, 7, i, 60, 2,
                2000, new byte[0], new byte[i % 3 == 0 ? 0 : 900]), i);
        }

        run(cache, views, PACKETS / 10);
        final long before = allocatedBytes();
        run(cache, views, PACKETS);
        final long allocated = allocatedBytes() - before;
        cache.flushAll(FlowEndReason.FORCED_END);
        for (int i = 0; i < chain.size(); i++)
        {
            assertEquals(0, chain.failures(i), "plugin " + chain.plugin(i).name() + " threw: " + chain.firstFailure(i));
        }
        assertTrue(written[0] > 0);
        assertTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes over " + PACKETS + " packets");
    }

    private static void run(final FlowCache cache, final PacketView[] views, final int packets)
    {
        for (int i = 0; i < packets; i++)
        {
            cache.onPacket(views[(i * 7) % views.length]);
        }
    }

    private static PacketView parse(final PacketParser parser, final byte[] frame, final int second)
    {
        final PacketView view = new PacketView();
        assertTrue(parser.parse(view, new UnsafeBuffer(frame), 0, frame.length, frame.length,
            1_000_000_000L * (1000 + second), LinkType.ETHERNET, 0));
        return view;
    }

    private static long allocatedBytes()
    {
        return ((com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
