package io.weir.core.pipeline;

import java.util.List;
import java.util.function.Consumer;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Runs capture workers and the exporter, each on its own thread, until every worker has
 * finished and the exporter has written everything out. The calling thread waits and may
 * report progress meanwhile.
 */
public final class Pipeline
{
    private static final long PROGRESS_INTERVAL_MS = 250;

    private final List<CaptureWorker> workers;
    private final ExporterAgent exporter;
    private final Consumer<String> problems;

    public Pipeline(final List<CaptureWorker> workers, final ExporterAgent exporter, final Consumer<String> problems)
    {
        this.workers = List.copyOf(workers);
        this.exporter = exporter;
        this.problems = problems;
    }

    /**
     * Runs to completion.
     *
     * @param progress called on the calling thread every quarter second while running, and once at the end
     */
    public void run(final Runnable progress) throws InterruptedException
    {
        final ErrorHandler errors = ex ->
        {
            if (!(ex instanceof AgentTerminationException))
            {
                problems.accept("internal error: " + ex);
            }
        };
        final AgentRunner[] runners = new AgentRunner[workers.size() + 1];
        for (int i = 0; i < workers.size(); i++)
        {
            runners[i] = new AgentRunner(new BackoffIdleStrategy(), errors, (AtomicCounter)null, workers.get(i));
        }
        runners[workers.size()] = new AgentRunner(
            new SleepingMillisIdleStrategy(1), errors, (AtomicCounter)null, exporter);
        final Thread[] threads = new Thread[runners.length];
        for (int i = 0; i < runners.length; i++)
        {
            threads[i] = AgentRunner.startOnThread(runners[i]);
        }
        for (final Thread thread : threads)
        {
            while (thread.isAlive())
            {
                thread.join(PROGRESS_INTERVAL_MS);
                progress.run();
            }
        }
        for (final AgentRunner runner : runners)
        {
            runner.close();
        }
    }
}
