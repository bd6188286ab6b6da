package io.weir.plugins.tlshello;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.capture.LinkType;
import io.weir.core.decode.PacketParser;
import io.weir.core.decode.PacketView;
import io.weir.core.field.RecordWriter;
import io.weir.core.flow.FlowCache;
import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.testing.TestData;
import io.weir.plugins.quic.QuicPluginFactory;
import io.weir.plugins.tls.TlsPluginFactory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Once warm, the tls and quic plugins allocate nothing per packet: the real packets of tls.pcap (28
 * TLS connections and one QUIC connection, whose Initial is decrypted), tls-split-hello.pcap (split
 * hellos, reassembled) and quic_initial-sample.pcap go through a flow cache with both plugins over and
 * over, every round a minute later so that every flow ends, is exported (fields written) and starts
 * again; the thread's allocation counter must not grow by even one byte per packet. The two QUIC
 * connections have different connection IDs, so Initial keys are derived again for every flow.
 */
class SteadyStateAllocationTest
{
    @Test
    void pluginsAllocateNothingPerPacketOnceWarm() throws Exception
    {
        final List<byte[]> frames = new ArrayList<>();
        final List<Long> times = new ArrayList<>();
        for (final String name : new String[] {"tls.pcap", "tls-split-hello.pcap", "quic_initial-sample.pcap"})
        {
            final Pcap pcap = Pcap.read(TestData.capture(name));
            final long first = pcap.frames().get(0).seconds() * 1_000_000 + pcap.frames().get(0).micros();
            for (final Pcap.Frame frame : pcap.frames())
            {
                frames.add(frame.data());
                times.add((frame.seconds() * 1_000_000 + frame.micros() - first) % 10_000_000);
            }
        }
        final FlowCacheConfig config = FlowCacheConfig.DEFAULT;
        final PluginChain chain = new PluginChain(List.of(
            new TlsPluginFactory().create(PluginOptions.parse("tls"), config.capacity()),
            new QuicPluginFactory().create(PluginOptions.parse("quic"), config.capacity())));
        final RecordWriter writer = new RecordWriter();
        final UnsafeBuffer record = new UnsafeBuffer(new byte[65536]);
        final long[] exported = new long[1];
        final FlowCache cache = new FlowCache(config, (table, slot, reason) ->
        {
            writer.wrap(record, 0, record.capacity());
            chain.write(slot, chain.dataMask(slot), writer);
            exported[0]++;
        }, chain);
        final PacketParser parser = new PacketParser();
        final PacketView view = new PacketView();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);

        final int warmRounds = 300;
        final int measuredRounds = 300;
        long packets = 0;
        long before = 0;
        for (int round = 0; round < warmRounds + measuredRounds; round++)
        {
            if (round == warmRounds)
            {
                before = allocated();
                packets = 0;
            }
            final long base = 1_700_000_000L * 1_000_000_000L + round * 60_000_000_000L;
            for (int i = 0; i < frames.size(); i++)
            {
                final byte[] frame = frames.get(i);
                buffer.wrap(frame);
                if (parser.parse(view, buffer, 0, frame.length, frame.length, base + times.get(i) * 1000,
                    LinkType.ETHERNET, 0))
                {
                    cache.onPacket(view);
                    packets++;
                }
            }
        }
        final long bytes = allocated() - before;
        assertTrue(chain.failures(0) == 0 && chain.failures(1) == 0);
        assertTrue(exported[0] > measuredRounds * 30L, "flows ended and were exported every round: " + exported[0]);
        assertTrue(bytes < packets, bytes + " bytes allocated for " + packets + " packets");
    }

    private static long allocated()
    {
        return ((com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean())
            .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
