package io.weir.nativeio;

import java.lang.reflect.Field;
import java.sql.Timestamp;

import com.sun.jna.Pointer;
import io.weir.core.capture.CaptureStatistics;
import io.weir.core.capture.LinkType;
import io.weir.core.capture.PacketHandler;
import io.weir.core.capture.PacketSource;
import org.agrona.concurrent.UnsafeBuffer;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.RawPacketListener;
import org.pcap4j.core.BpfProgram;

/**
 * Live capture through libpcap (pcap4j), for portability and for link types the raw input does
 * not read. Non-blocking: one {@code pcap_dispatch} per batch, and when it finds nothing, a
 * poll on libpcap's selectable descriptor for at most {@link #WAIT_MS} ms. pcap4j hands each
 * packet over as a new byte array (its cost, not weir's): the bytes are copied into one batch
 * buffer, so that a batch stays readable until the next poll as the contract wants.
 * Not thread safe: owned by one capture worker; the counters may be read from any thread.
 */
public final class PcapLiveSource implements PacketSource, CaptureStatistics, RawPacketListener
{
    static final int WAIT_MS = 50;
    private static final int MAX_BATCH = 64;
    private static final long STATISTICS_INTERVAL_NS = 1_000_000_000L;
    private static final int DLT_RAW_LINUX = 12;
    private static final int DLT_RAW_OPENBSD = 14;

    private final PcapLiveConfig config;
    private final PcapHandle handle;
    private final int linkType;
    private final int selectableFd;
    private final com.sun.jna.Memory pollFd = new com.sun.jna.Memory(8);
    private final UnsafeBuffer batch;
    private final int[] offsets = new int[MAX_BATCH];
    private final int[] capturedLengths = new int[MAX_BATCH];
    private final int[] wireLengths = new int[MAX_BATCH];
    private final long[] timestampsNs = new long[MAX_BATCH];
    private int batchCount;
    private int batchBytes;
    private long nextStatisticsNs;
    private boolean pinned;
    private boolean closed;

    private volatile long received;
    private volatile long dropped;
    private volatile long interfaceDropped;

    private PcapLiveSource(final PcapLiveConfig config, final PcapHandle handle, final int linkType, final int fd)
    {
        this.config = config;
        this.handle = handle;
        this.linkType = linkType;
        this.selectableFd = fd;
        this.batch = new UnsafeBuffer(new byte[MAX_BATCH * (config.snaplen() + 64)]);
        pollFd.clear();
        pollFd.setInt(0, fd);
        pollFd.setShort(4, (short)(LibC.POLLIN | LibC.POLLERR));
        this.nextStatisticsNs = System.nanoTime() + STATISTICS_INTERVAL_NS;
    }

    public static PcapLiveSource open(final PcapLiveConfig config)
    {
        final String name = config.interfaceName();
        Capabilities.requireNetRaw("capturing on interface " + name);
        if (config.cpu() >= 0 && !CpuAffinity.isAllowed(config.cpu()))
        {
            throw new LiveCaptureException("pcap input on " + name + ": CPU " + config.cpu()
                + " is not one this process may run on");
        }
        final PcapHandle handle;
        try
        {
            handle = new PcapHandle.Builder(name)
                .snaplen(config.snaplen())
                .promiscuousMode(config.promiscuous()
                    ? PcapNetworkInterface.PromiscuousMode.PROMISCUOUS : PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
                .timeoutMillis(config.bufferTimeoutMs())
                .timestampPrecision(PcapHandle.TimestampPrecision.NANO)
                .build();
        }
        catch (final PcapNativeException ex)
        {
            final String message = String.valueOf(ex.getMessage());
            if (message.contains("Operation not permitted") || message.contains("permission"))
            {
                throw Capabilities.missingNetRaw("capturing on interface " + name);
            }
            throw new LiveCaptureException("pcap input: cannot capture on " + name + ": " + message);
        }
        catch (final UnsatisfiedLinkError | NoClassDefFoundError ex)
        {
            throw new LiveCaptureException("pcap input needs libpcap, which is not installed"
                + " (Debian: apt-get install libpcap0.8)");
        }
        try
        {
            final int dlt = handle.getDlt().value();
            final int linkType = dlt == DLT_RAW_LINUX || dlt == DLT_RAW_OPENBSD ? LinkType.RAW : dlt;
            if (!LinkType.isSupported(linkType))
            {
                throw new LiveCaptureException("pcap input: interface " + name + " has link type "
                    + LinkType.name(linkType) + ", which weir does not decode");
            }
            if (config.filter() != null)
            {
                handle.setFilter(config.filter(), BpfProgram.BpfCompileMode.OPTIMIZE);
            }
            handle.setBlockingMode(PcapHandle.BlockingMode.NONBLOCKING);
            return new PcapLiveSource(config, handle, linkType, LibPcap.pcap_get_selectable_fd(pcapPointer(handle)));
        }
        catch (final PcapNativeException | NotOpenException ex)
        {
            handle.close();
            throw new LiveCaptureException("pcap input on " + name + ": " + ex.getMessage());
        }
        catch (final RuntimeException ex)
        {
            handle.close();
            throw ex;
        }
    }

    /** pcap4j keeps its pcap_t to itself; the descriptor to poll on is had through it. */
    private static Pointer pcapPointer(final PcapHandle handle)
    {
        try
        {
            final Field field = PcapHandle.class.getDeclaredField("handle");
            field.setAccessible(true);
            return (Pointer)field.get(handle);
        }
        catch (final NoSuchFieldException | IllegalAccessException ex)
        {
            throw new IllegalStateException("this pcap4j version hides its pcap_t: " + ex, ex);
        }
    }

    @Override
    public int poll(final PacketHandler handler, final int maxPackets)
    {
        if (closed)
        {
            return END_OF_INPUT;
        }
        if (!pinned)
        {
            pinned = true;
            if (config.cpu() >= 0)
            {
                CpuAffinity.pinCurrentThread(config.cpu());
            }
        }
        final int max = Math.min(maxPackets, MAX_BATCH);
        int count = dispatch(max);
        if (count == 0)
        {
            try
            {
                LibC.poll(LibC.address(pollFd), 1, WAIT_MS);
            }
            catch (final com.sun.jna.LastErrorException ex)
            {
                if (ex.getErrorCode() != LibC.EINTR)
                {
                    throw new LiveCaptureException("poll on " + config.interfaceName() + " failed: "
                        + LibC.strerror(ex.getErrorCode()));
                }
            }
            count = dispatch(max);
        }
        for (int i = 0; i < count; i++)
        {
            handler.onPacket(batch, offsets[i], capturedLengths[i], wireLengths[i], timestampsNs[i], linkType, 0);
        }
        final long now = System.nanoTime();
        if (now - nextStatisticsNs >= 0)
        {
            nextStatisticsNs = now + STATISTICS_INTERVAL_NS;
            readStatistics();
        }
        return count;
    }

    private int dispatch(final int max)
    {
        batchCount = 0;
        batchBytes = 0;
        try
        {
            handle.dispatch(max, this);
        }
        catch (final PcapNativeException | NotOpenException ex)
        {
            throw new LiveCaptureException("pcap input on " + config.interfaceName() + ": " + ex.getMessage());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        return batchCount;
    }

    @Override
    public void gotPacket(final byte[] packet)
    {
        if (batchCount == MAX_BATCH || batchBytes + packet.length > batch.capacity())
        {
            return;
        }
        final int index = batchCount++;
        batch.putBytes(batchBytes, packet);
        offsets[index] = batchBytes;
        capturedLengths[index] = packet.length;
        batchBytes += packet.length;
        final Integer original = handle.getOriginalLength();
        wireLengths[index] = original == null ? packet.length : original;
        final Timestamp timestamp = handle.getTimestamp();
        timestampsNs[index] = Math.floorDiv(timestamp.getTime(), 1000L) * 1_000_000_000L + timestamp.getNanos();
    }

    private void readStatistics()
    {
        try
        {
            final PcapStat stat = handle.getStats();
            received = stat.getNumPacketsReceived();
            dropped = stat.getNumPacketsDropped();
            interfaceDropped = stat.getNumPacketsDroppedByIf();
        }
        catch (final PcapNativeException | NotOpenException ex)
        {
            throw new LiveCaptureException("cannot read libpcap's counters for " + config.interfaceName() + ": "
                + ex.getMessage());
        }
    }

    @Override
    public boolean isLive()
    {
        return true;
    }

    @Override
    public String describe()
    {
        return "interface " + config.interfaceName() + " (libpcap)";
    }

    public String interfaceName()
    {
        return config.interfaceName();
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            readStatistics();
        }
        finally
        {
            handle.close();
        }
    }

    @Override
    public long received()
    {
        return received;
    }

    @Override
    public long dropped()
    {
        return dropped;
    }

    @Override
    public long interfaceDropped()
    {
        return interfaceDropped;
    }

    @Override
    public long queueFreezes()
    {
        return 0;
    }

    @Override
    public long unreadAtClose()
    {
        return 0;
    }
}
