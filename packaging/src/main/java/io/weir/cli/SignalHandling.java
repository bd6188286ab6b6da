package io.weir.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

import io.weir.core.pipeline.StopSignal;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM: the first stops reading input and lets every cached flow be exported and
 * every output be flushed, after which weir exits 0 as usual; a second one exits at once.
 * SIGUSR1 asks for a statistics line and changes nothing else.
 */
final class SignalHandling
{
    private static final int EXIT_INTERRUPTED = 130;

    private SignalHandling()
    {
    }

    static void install(final StopSignal stop, final PrintStream err)
    {
        install(stop, err, null);
    }

    /** @param onStatistics called on the signal thread for each SIGUSR1, or null to leave SIGUSR1 alone */
    static void install(final StopSignal stop, final PrintStream err, final Runnable onStatistics)
    {
        final AtomicInteger received = new AtomicInteger();
        for (final String name : new String[] {"INT", "TERM"})
        {
            Signal.handle(new Signal(name), signal ->
            {
                if (received.incrementAndGet() == 1)
                {
                    err.println("weir: SIG" + signal.getName() + ": stopping, exporting the flows in the cache"
                        + " (again to quit at once)");
                    stop.stop("SIG" + signal.getName());
                }
                else
                {
                    err.println("weir: SIG" + signal.getName() + " again: quitting without flushing");
                    Runtime.getRuntime().halt(EXIT_INTERRUPTED);
                }
            });
        }
        if (onStatistics != null)
        {
            Signal.handle(new Signal("USR1"), signal -> onStatistics.run());
        }
    }
}
