package io.weir.core.pipeline;

import io.weir.core.capture.PacketHandler;
import io.weir.core.capture.PacketSource;
import io.weir.core.decode.PacketParser;
import io.weir.core.decode.PacketView;
import io.weir.core.decode.ParseCounters;
import io.weir.core.flow.FlowCache;
import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.flow.FlowEndReason;
import io.weir.core.plugin.PluginChain;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;

/**
 * One capture worker's duty cycle: take a batch of packets from the source, decode each into
 * the reused {@link PacketView}, put it into the flow cache or count why not. At the end of
 * input (or when asked to stop, or after the packet limit) every flow still cached is ended
 * as "forced end" and the worker terminates. Owns its source, parser, cache and encoder;
 * other threads only read the published progress figures.
 */
public final class CaptureWorker implements Agent, PacketHandler
{
    static final int BATCH_PACKETS = 64;
    /** Live sources: how often flows are checked against the clock, and what share of the cache each time. */
    static final long EXPIRY_INTERVAL_NS = 100_000_000L;
    static final int EXPIRY_ROUNDS_PER_SECOND = 10;

    private final String name;
    private final PacketSource source;
    private final PacketParser parser = new PacketParser();
    private final PacketView view = new PacketView();
    private final ParseCounters parseCounters = new ParseCounters();
    private final FlowRecordEncoder encoder;
    private final FlowCache cache;
    private final StopSignal stop;
    private final PluginChain plugins;
    private final long packetLimit;

    private final boolean live;
    private int samplingInterval = 1;
    private int samplingCountdown = 1;
    private long packetsNotSampled;
    private long nextExpiryNs;
    private long packetsRead;
    private long bytesRead;
    private long ipBytes;
    private volatile long publishedPackets;
    private volatile double publishedProgress;
    private volatile boolean finished;

    /**
     * @param packetLimit stop after this many packets (ipfixprobe's -c), or 0 for no limit
     */
    public CaptureWorker(final String name, final PacketSource source, final FlowCacheConfig cacheConfig,
                         final PluginChain plugins, final ExportQueue queue, final StopSignal stop,
                         final long packetLimit)
    {
        this.name = name;
        this.source = source;
        this.stop = stop;
        this.packetLimit = packetLimit;
        this.plugins = plugins;
        this.encoder = new FlowRecordEncoder(queue, stop, plugins);
        this.cache = new FlowCache(cacheConfig, encoder, plugins);
        this.live = source.isLive();
    }

    @Override
    public int doWork()
    {
        if (stop.isStopped())
        {
            finish();
        }
        int batch = BATCH_PACKETS;
        if (packetLimit > 0)
        {
            final long left = packetLimit - packetsRead;
            if (left <= 0)
            {
                finish();
            }
            batch = (int)Math.min(batch, left);
        }
        final int delivered = source.poll(this, batch);
        if (delivered == PacketSource.END_OF_INPUT)
        {
            finish();
        }
        if (live)
        {
            expireByClock();
        }
        publishedPackets = packetsRead;
        publishedProgress = source.progress();
        return delivered;
    }

    @Override
    public void onPacket(final DirectBuffer buffer, final int offset, final int capturedLength, final int wireLength,
                         final long timestampNs, final int linkType, final int interfaceId)
    {
        packetsRead++;
        bytesRead += wireLength;
        if (samplingInterval > 1 && --samplingCountdown > 0)
        {
            packetsNotSampled++;
            return;
        }
        samplingCountdown = samplingInterval;
        if (parser.parse(view, buffer, offset, capturedLength, wireLength, timestampNs, linkType, interfaceId))
        {
            ipBytes += view.ipLength();
            cache.onPacket(view);
        }
        else
        {
            parseCounters.onSkipped(view);
        }
    }

    private void expireByClock()
    {
        final long now = System.nanoTime();
        if (now - nextExpiryNs >= 0)
        {
            nextExpiryNs = now + EXPIRY_INTERVAL_NS;
            cache.expire(System.currentTimeMillis() * 1_000_000L,
                Math.max(1, cache.capacity() / EXPIRY_ROUNDS_PER_SECOND));
        }
    }

    private void finish()
    {
        cache.flushAll(FlowEndReason.FORCED_END);
        publishedPackets = packetsRead;
        publishedProgress = source.progress();
        finished = true;
        throw new AgentTerminationException();
    }

    /**
     * Systematic count-based packet sampling (RFC 5475): of every {@code interval} packets read,
     * the first goes into flows and the others are only counted. Set before the worker starts.
     */
    public CaptureWorker samplingInterval(final int interval)
    {
        if (interval < 1)
        {
            throw new IllegalArgumentException("sampling interval must be at least 1, got " + interval);
        }
        samplingInterval = interval;
        samplingCountdown = 1;
        return this;
    }

    public int samplingInterval()
    {
        return samplingInterval;
    }

    /** Packets read but left out by sampling. */
    public long packetsNotSampled()
    {
        return packetsNotSampled;
    }

    @Override
    public void onClose()
    {
        source.close();
    }

    @Override
    public String roleName()
    {
        return name;
    }

    public boolean isFinished()
    {
        return finished;
    }

    /** Packets read so far, as published at the end of the last batch (any thread). */
    public long publishedPackets()
    {
        return publishedPackets;
    }

    /** Fraction of the input consumed, as published at the end of the last batch (any thread). */
    public double publishedProgress()
    {
        return publishedProgress;
    }

    // The figures below are for after the worker has finished (read on the thread that joined it).

    public long packetsRead()
    {
        return packetsRead;
    }

    public long bytesRead()
    {
        return bytesRead;
    }

    /** IP bytes of the packets put into flows. */
    public long ipBytes()
    {
        return ipBytes;
    }

    public ParseCounters parseCounters()
    {
        return parseCounters;
    }

    public FlowCache cache()
    {
        return cache;
    }

    public FlowRecordEncoder encoder()
    {
        return encoder;
    }

    public PluginChain plugins()
    {
        return plugins;
    }

    public PacketSource source()
    {
        return source;
    }
}
