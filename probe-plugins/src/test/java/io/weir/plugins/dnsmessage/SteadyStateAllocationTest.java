package io.weir.plugins.dnsmessage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.decode.PacketParser;
import io.weir.core.decode.PacketView;
import io.weir.core.field.RecordWriter;
import io.weir.core.flow.FlowCache;
import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.plugins.dns.DnsPluginFactory;
import io.weir.plugins.dnsmessage.testing.CaptureFrames;
import io.weir.plugins.dnssd.DnsSdPluginFactory;
import io.weir.plugins.netbios.NetbiosPluginFactory;
import io.weir.plugins.passivedns.PassiveDnsPluginFactory;
import io.weir.plugins.ssdp.SsdpPluginFactory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The five plugins together, on the packets of their captures replayed again and again (an hour
 * of packet time later each round, so that flows end and slots are reused): once every slot's
 * state exists, the packet path and the record writing allocate nothing.
 */
class SteadyStateAllocationTest
{
    private static final long ROUND_NS = 3_600_000_000_000L;

    @Test
    void allocatesNothingPerPacketOnceWarm()
    {
        final FlowCacheConfig config = new FlowCacheConfig(10, 4, 300, 30, false, true, 1009, 3);
        final List<ProcessPlugin> plugins = List.of(
            new DnsPluginFactory().create(PluginOptions.parse("dns"), config.capacity()),
            new PassiveDnsPluginFactory().create(PluginOptions.parse("passivedns"), config.capacity()),
            new DnsSdPluginFactory().create(PluginOptions.parse("dnssd;txt"), config.capacity()),
            new NetbiosPluginFactory().create(PluginOptions.parse("netbios"), config.capacity()),
            new SsdpPluginFactory().create(PluginOptions.parse("ssdp"), config.capacity()));
        final PluginChain chain = new PluginChain(plugins);
        final RecordWriter writer = new RecordWriter();
        final UnsafeBuffer record = new UnsafeBuffer(new byte[1 << 16]);
        final long[] written = new long[1];
        final FlowCache cache = new FlowCache(config, (table, slot, reason) ->
        {
            final int mask = chain.dataMask(slot);
            if (chain.write(slot, mask, writer.wrap(record, 0, record.capacity())) != 0)
            {
                written[0]++;
            }
        }, chain);

        final List<CaptureFrames.Frame> frames = new ArrayList<>();
        for (final String capture : List.of("dns.pcap", "dnssd.pcap", "netbios.pcap", "ssdp.pcap", "vlan.pcap"))
        {
            frames.addAll(CaptureFrames.read(capture));
        }
        final UnsafeBuffer[] buffers = new UnsafeBuffer[frames.size()];
        for (int i = 0; i < buffers.length; i++)
        {
            buffers[i] = new UnsafeBuffer(frames.get(i).bytes());
        }
        final PacketParser parser = new PacketParser();
        final PacketView view = new PacketView();
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

        long round = 0;
        for (; round < 200; round++)
        {
            replay(frames, buffers, parser, view, cache, round);
        }
        final long packetsPerRound = frames.size();
        final long before = threads.getCurrentThreadAllocatedBytes();
        final long writtenBefore = written[0];
        for (; round < 1200; round++)
        {
            replay(frames, buffers, parser, view, cache, round);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        final long packets = 1000 * packetsPerRound;

        assertEquals(0, totalFailures(chain), "plugin failures");
        assertTrue(written[0] - writtenBefore > 1000, "records with plugin data: " + (written[0] - writtenBefore));
        assertTrue(allocated < packets, allocated + " bytes allocated for " + packets + " packets");
    }

    private static void replay(final List<CaptureFrames.Frame> frames, final UnsafeBuffer[] buffers,
                               final PacketParser parser, final PacketView view, final FlowCache cache, final long round)
    {
        for (int i = 0; i < buffers.length; i++)
        {
            final CaptureFrames.Frame frame = frames.get(i);
            if (parser.parse(view, buffers[i], 0, buffers[i].capacity(), frame.wireLength(),
                frame.timestampNs() + round * ROUND_NS, frame.linkType(), 0))
            {
                cache.onPacket(view);
            }
        }
    }

    private static long totalFailures(final PluginChain chain)
    {
        long failures = 0;
        for (int i = 0; i < chain.size(); i++)
        {
            failures += chain.failures(i);
        }
        return failures;
    }
}
