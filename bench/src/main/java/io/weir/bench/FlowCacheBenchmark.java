package io.weir.bench;

import static java.nio.ByteOrder.BIG_ENDIAN;

import java.util.concurrent.TimeUnit;

import io.weir.core.capture.LinkType;
import io.weir.core.decode.PacketParser;
import io.weir.core.decode.PacketView;
import io.weir.core.flow.FlowCache;
import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.flow.FlowExport;
import io.weir.core.flow.FlowTable;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A stream of TCP packets over {@code flows} flows into one flow cache. Each operation rewrites
 * the addresses and ports of one frame for the next flow (round robin, so a flow comes back every
 * {@code flows} packets; every other round in the reverse direction), parses it and, in
 * {@link #parseAndCache()}, puts it into the cache; {@link #parseOnly()} does the same without the
 * cache, so the difference of the two is the cache's cost per packet. With more flows than the
 * cache holds (2^{@code sizeExponent}) most packets evict a flow, as on the 10 M-packet capture.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FlowCacheBenchmark
{
    private static final int CLIENT_BASE = SyntheticFrames.ipv4(10, 0, 0, 0);
    private static final int SERVER_BASE = SyntheticFrames.ipv4(172, 16, 0, 0);
    private static final int PACKET_GAP_NS = 1_000;

    @Param({"1000", "20000", "1000000"})
    public int flows;

    @Param({"17"})
    public int sizeExponent;

    private final PacketParser parser = new PacketParser();
    private final PacketView view = new PacketView();
    private final CountingExport export = new CountingExport();
    private FlowCache cache;
    private UnsafeBuffer frame;
    private int frameLength;
    private int flow;
    private boolean reverse;
    private long timeNs;

    @Setup(Level.Trial)
    public void setUp()
    {
        final byte[] bytes = SyntheticFrames.tcp4(CLIENT_BASE, 40000, SERVER_BASE, 443, 0);
        frame = new UnsafeBuffer(bytes);
        frameLength = bytes.length;
        final FlowCacheConfig defaults = FlowCacheConfig.DEFAULT;
        cache = new FlowCache(new FlowCacheConfig(sizeExponent, defaults.rowExponent(),
            defaults.activeTimeoutSeconds(), defaults.inactiveTimeoutSeconds(), defaults.split(),
            defaults.fragmentTable(), defaults.fragmentTableSize(), defaults.fragmentTimeoutSeconds()), export);
        timeNs = 1_700_000_000_000_000_000L;
    }

    FlowCache cache()
    {
        return cache;
    }

    @Benchmark
    public long parseAndCache()
    {
        if (nextPacket())
        {
            cache.onPacket(view);
        }
        return export.flowsEnded;
    }

    @Benchmark
    public boolean parseOnly()
    {
        return nextPacket();
    }

    private boolean nextPacket()
    {
        final int f = flow;
        final int client = CLIENT_BASE + f;
        final int server = SERVER_BASE + (f & 0xFF);
        final int clientPort = 1024 + (f & 0x7FFF);
        if (reverse)
        {
            frame.putInt(SyntheticFrames.IPV4_SOURCE_OFFSET, server, BIG_ENDIAN);
            frame.putInt(SyntheticFrames.IPV4_DESTINATION_OFFSET, client, BIG_ENDIAN);
            frame.putShort(SyntheticFrames.IPV4_TRANSPORT_OFFSET, (short)443, BIG_ENDIAN);
            frame.putShort(SyntheticFrames.IPV4_TRANSPORT_OFFSET + 2, (short)clientPort, BIG_ENDIAN);
        }
        else
        {
            frame.putInt(SyntheticFrames.IPV4_SOURCE_OFFSET, client, BIG_ENDIAN);
            frame.putInt(SyntheticFrames.IPV4_DESTINATION_OFFSET, server, BIG_ENDIAN);
            frame.putShort(SyntheticFrames.IPV4_TRANSPORT_OFFSET, (short)clientPort, BIG_ENDIAN);
            frame.putShort(SyntheticFrames.IPV4_TRANSPORT_OFFSET + 2, (short)443, BIG_ENDIAN);
        }
        if (++flow == flows)
        {
            flow = 0;
            reverse = !reverse;
        }
        timeNs += PACKET_GAP_NS;
        return parser.parse(view, frame, 0, frameLength, frameLength, timeNs, LinkType.ETHERNET, 0);
    }

    /** Counts ended flows; stands in for the record encoder, which has its own benchmark. */
    static final class CountingExport implements FlowExport
    {
        long flowsEnded;

        @Override
        public void onFlowEnd(final FlowTable table, final int slot, final int endReason)
        {
            flowsEnded += table.forwardPackets(slot) > 0 ? 1 : 0;
        }
    }
}
