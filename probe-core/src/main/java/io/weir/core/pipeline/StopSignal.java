package io.weir.core.pipeline;

/**
 * Tells capture workers to stop. A stop (a signal, the packet limit elsewhere) ends reading but
 * still exports every flow; an abort (no output left) also lets workers drop records instead of
 * waiting for an exporter that can no longer write them. Thread safe.
 */
public final class StopSignal
{
    private volatile boolean stopped;
    private volatile boolean aborted;
    private volatile String reason;

    /** Stop reading input; flows still cached are exported. */
    public void stop(final String why)
    {
        if (!stopped)
        {
            reason = why;
            stopped = true;
        }
    }

    /** Stop and give up on records that cannot be exported any more. */
    public void abort(final String why)
    {
        stop(why);
        aborted = true;
    }

    public boolean isStopped()
    {
        return stopped;
    }

    public boolean isAborted()
    {
        return aborted;
    }

    public String reason()
    {
        return reason;
    }
}
