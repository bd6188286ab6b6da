package io.weir.cli;

import java.io.PrintStream;
import java.util.List;

import io.weir.core.capture.CaptureStatistics;
import io.weir.core.pipeline.CaptureWorker;
import io.weir.core.pipeline.ExporterAgent;

/**
 * A statistics line on stderr while weir runs: every {@code --stats} interval and on each
 * SIGUSR1. Printed on the thread that waits for the pipeline; it reads only figures the workers,
 * sources and exporter publish for other threads.
 */
final class StatisticsLine
{
    private final PrintStream err;
    private final List<CaptureWorker> workers;
    private final ExporterAgent exporter;
    private final long intervalNs;
    private final long startNs = System.nanoTime();
    private long nextNs;
    private long lastNs = startNs;
    private long lastPackets;
    private volatile boolean requested;

    /** @param intervalNs 0 for lines on request only */
    StatisticsLine(final PrintStream err, final List<CaptureWorker> workers, final ExporterAgent exporter,
                   final long intervalNs)
    {
        this.err = err;
        this.workers = List.copyOf(workers);
        this.exporter = exporter;
        this.intervalNs = intervalNs;
        this.nextNs = startNs + intervalNs;
    }

    /** Any thread (the SIGUSR1 handler): print a line at the next tick. */
    void request()
    {
        requested = true;
    }

    /** Called on the waiting thread a few times a second. */
    void tick()
    {
        final long now = System.nanoTime();
        final boolean due = intervalNs > 0 && now - nextNs >= 0;
        if (!due && !requested)
        {
            return;
        }
        requested = false;
        if (due)
        {
            nextNs = now + intervalNs;
        }
        err.println(line(now));
    }

    private String line(final long now)
    {
        long packets = 0;
        final StringBuilder perWorker = new StringBuilder();
        long received = 0;
        long dropped = 0;
        long freezes = 0;
        long interfaceDropped = 0;
        boolean kernel = false;
        for (final CaptureWorker worker : workers)
        {
            final long read = worker.publishedPackets();
            packets += read;
            perWorker.append(perWorker.length() == 0 ? "" : ", ").append(worker.roleName()).append(' ').append(read);
            if (worker.source() instanceof CaptureStatistics)
            {
                final CaptureStatistics statistics = (CaptureStatistics)worker.source();
                kernel = true;
                received += statistics.received();
                dropped += statistics.dropped();
                freezes += statistics.queueFreezes();
                interfaceDropped += statistics.interfaceDropped();
            }
        }
        final double rate = (packets - lastPackets) * 1e9 / Math.max(1, now - lastNs);
        lastPackets = packets;
        lastNs = now;
        final StringBuilder line = new StringBuilder();
        line.append(String.format("weir: stats %.1f s: %d packets read (%.0f packets/s), %d records exported",
            (now - startNs) / 1e9, packets, rate, exporter.publishedRecords()));
        if (kernel)
        {
            line.append(String.format("; kernel: %d received, %d dropped, %d queue freezes, %d dropped by the interface",
                received, dropped, freezes, interfaceDropped));
        }
        if (workers.size() > 1)
        {
            line.append("; ").append(perWorker);
        }
        return line.toString();
    }
}
