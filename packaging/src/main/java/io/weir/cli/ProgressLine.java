package io.weir.cli;

import java.io.PrintStream;

import io.weir.core.pipeline.CaptureWorker;

/**
 * A one-line progress report, rewritten in place on a terminal: percent of the input read,
 * packets so far and the current rate. Silent when stderr is not a terminal.
 */
final class ProgressLine
{
    private static final long FIRST_AFTER_NS = 1_000_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private final CaptureWorker worker;
    private final long startNs = System.nanoTime();
    private long lastNs = startNs;
    private long lastPackets;
    private boolean shown;

    ProgressLine(final PrintStream err, final boolean enabled, final CaptureWorker worker)
    {
        this.err = err;
        this.enabled = enabled;
        this.worker = worker;
    }

    void update()
    {
        final long now = System.nanoTime();
        if (!enabled || now - startNs < FIRST_AFTER_NS)
        {
            return;
        }
        final long packets = worker.publishedPackets();
        final double rate = (packets - lastPackets) * 1e9 / Math.max(1, now - lastNs);
        final double progress = worker.publishedProgress();
        err.printf("\rweir: %5.1f%%  %,d packets  %.2f M packets/s  %d s   ",
            progress >= 0 ? progress * 100 : 0.0, packets, rate / 1e6, (now - startNs) / 1_000_000_000L);
        err.flush();
        lastNs = now;
        lastPackets = packets;
        shown = true;
    }

    void clear()
    {
        if (shown)
        {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
