package io.weir.nativeio;

import io.weir.core.capture.CaptureStatistics;
import io.weir.core.capture.PacketHandler;
import io.weir.core.capture.PacketSource;

/**
 * Live capture from one AF_PACKET TPACKET_V3 socket (one member of a fanout group, or the only
 * socket on its interface). Packets are read in place from the ring; a system call happens
 * only when the ring is empty (poll, at most {@link #WAIT_MS} ms, so that the worker's clock
 * tick and stop requests run) and about once a second for the kernel's counters.
 * Not thread safe: owned by one capture worker; the counters may be read from any thread.
 */
public final class AfPacketSource implements PacketSource, CaptureStatistics
{
    static final int WAIT_MS = 50;
    private static final long STATISTICS_INTERVAL_NS = 1_000_000_000L;
    /** After the drop-all filter is in, packets the old filter already let through still land: wait for them. */
    private static final long SETTLE_MS = 20;

    private final AfPacketConfig config;
    private final PacketSocket socket;
    private final TpacketRing ring;
    private final long[] totals = new long[3];
    private long nextStatisticsNs;
    private boolean pinned;
    private boolean closed;

    private volatile long received;
    private volatile long dropped;
    private volatile long freezes;
    private volatile long unreadAtClose;

    private AfPacketSource(final AfPacketConfig config, final PacketSocket socket)
    {
        this.config = config;
        this.socket = socket;
        this.ring = socket.ring();
        this.nextStatisticsNs = System.nanoTime() + STATISTICS_INTERVAL_NS;
    }

    /** Opens the socket and its ring; the interface's packets are captured from here on. */
    public static AfPacketSource open(final AfPacketConfig config)
    {
        Capabilities.requireNetRaw("capturing on interface " + config.interfaceName());
        if (config.cpu() >= 0 && !CpuAffinity.isAllowed(config.cpu()))
        {
            throw new LiveCaptureException("raw input on " + config.interfaceName() + ": CPU " + config.cpu()
                + " is not one this process may run on");
        }
        return new AfPacketSource(config, PacketSocket.open(config));
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
        int delivered = ring.read(handler, maxPackets);
        if (delivered == 0)
        {
            if (!ring.blockReady())
            {
                socket.await(WAIT_MS);
            }
            delivered = ring.read(handler, maxPackets);
        }
        final long now = System.nanoTime();
        if (now - nextStatisticsNs >= 0)
        {
            nextStatisticsNs = now + STATISTICS_INTERVAL_NS;
            readStatistics();
        }
        return delivered;
    }

    private void readStatistics()
    {
        socket.addStatistics(totals);
        received = totals[0];
        dropped = totals[1];
        freezes = totals[2];
    }

    @Override
    public boolean isLive()
    {
        return true;
    }

    @Override
    public String describe()
    {
        return "interface " + config.interfaceName() + (config.fanoutGroup() == AfPacketConfig.NO_FANOUT ? ""
            : " (fanout group " + config.fanoutGroup() + ")");
    }

    public String interfaceName()
    {
        return config.interfaceName();
    }

    /**
     * Stops the socket first, so that the kernel's last counters and what is left in the ring
     * describe the same packets; then counts the packets not read and releases the ring.
     */
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
            socket.stopReceiving();
            try
            {
                Thread.sleep(SETTLE_MS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            readStatistics();
            unreadAtClose = ring.unreadPackets();
        }
        finally
        {
            socket.close();
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
        return 0;
    }

    @Override
    public long queueFreezes()
    {
        return freezes;
    }

    @Override
    public long unreadAtClose()
    {
        return unreadAtClose;
    }
}
