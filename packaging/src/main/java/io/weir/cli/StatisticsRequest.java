package io.weir.cli;

/**
 * SIGUSR1 may arrive before the statistics line exists (the signal handlers are installed before
 * the outputs are opened): requests go to whatever target is set by then, or are ignored.
 */
final class StatisticsRequest implements Runnable
{
    private volatile Runnable target;

    void target(final Runnable target)
    {
        this.target = target;
    }

    @Override
    public void run()
    {
        final Runnable current = target;
        if (current != null)
        {
            current.run();
        }
    }
}
