package io.weir.core.pipeline;

/** Asks capture workers to stop early (signal, failed output, packet limit elsewhere). Thread safe. */
public final class StopSignal
{
    private volatile boolean requested;
    private volatile String reason;

    public void request(final String why)
    {
        if (!requested)
        {
            reason = why;
            requested = true;
        }
    }

    public boolean isRequested()
    {
        return requested;
    }

    public String reason()
    {
        return reason;
    }
}
