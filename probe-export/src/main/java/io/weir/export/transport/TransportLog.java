package io.weir.export.transport;

import java.util.function.Consumer;

/**
 * Where transports say what happened (connected, lost the collector, rotated a file):
 * warnings always, information only in verbose mode.
 */
public final class TransportLog
{
    private final Consumer<String> out;
    private final boolean verbose;

    public TransportLog(final Consumer<String> out, final boolean verbose)
    {
        this.out = out;
        this.verbose = verbose;
    }

    public static TransportLog silent()
    {
        return new TransportLog(message -> { }, false);
    }

    public void info(final String message)
    {
        if (verbose)
        {
            out.accept(message);
        }
    }

    public void warn(final String message)
    {
        out.accept(message);
    }

    public boolean verbose()
    {
        return verbose;
    }
}
