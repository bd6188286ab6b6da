package io.weir.core.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.weir.core.field.RecordSchema;
import io.weir.core.field.SchemaRegistry;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.MessageHandler;

/**
 * The exporter thread's duty cycle: drain every worker's queue and hand each record to every
 * sink; flush sinks when the queues run dry; close them once all workers have finished and
 * their queues are empty. A sink that fails is reported once and taken out of service; when no
 * sink is left the run is asked to stop, and the records that then still arrive are counted
 * as lost. Owns the sinks and the schema registry.
 */
public final class ExporterAgent implements Agent, MessageHandler
{
    private static final int DRAIN_LIMIT = 256;

    private final List<ExportQueue> queues;
    private final List<CaptureWorker> workers;
    private final List<RecordSink> sinks;
    private final SchemaRegistry schemas;
    private final StopSignal stop;
    private final Consumer<String> problems;
    private long maxRecordsPerSecond;
    private long tokens;
    private long burst;
    private long lastRefillNs;
    private long rateLimitedCycles;
    private volatile long publishedRecords;
    private long recordsReceived;
    private long recordsLost;
    private boolean readerGone;
    private volatile boolean finished;

    public ExporterAgent(final List<ExportQueue> queues, final List<CaptureWorker> workers,
                         final List<RecordSink> sinks, final SchemaRegistry schemas, final StopSignal stop,
                         final Consumer<String> problems)
    {
        this.queues = List.copyOf(queues);
        this.workers = List.copyOf(workers);
        this.sinks = new ArrayList<>(sinks);
        this.schemas = schemas;
        this.stop = stop;
        this.problems = problems;
    }

    /**
     * Exports at most this many records a second (ipfixprobe's -f), 0 for no limit. Records over
     * the rate wait in the queues, and a worker that finds its queue full waits too: the limit
     * slows capture down (the kernel's drop counter shows it) and never loses a record here.
     * Set before the exporter starts.
     */
    public ExporterAgent rateLimit(final long recordsPerSecond)
    {
        if (recordsPerSecond < 0)
        {
            throw new IllegalArgumentException("rate limit must not be negative");
        }
        maxRecordsPerSecond = recordsPerSecond;
        burst = Math.max(1, recordsPerSecond / 20);
        tokens = burst;
        lastRefillNs = System.nanoTime();
        return this;
    }

    @Override
    public int doWork()
    {
        final boolean workersDone = allWorkersFinished();
        int limit = DRAIN_LIMIT;
        if (maxRecordsPerSecond > 0)
        {
            limit = (int)Math.min(DRAIN_LIMIT, refillTokens());
        }
        int work = 0;
        for (int i = 0; i < queues.size() && limit > work; i++)
        {
            work += queues.get(i).drain(this, limit - work);
        }
        if (maxRecordsPerSecond > 0)
        {
            tokens -= work;
            if (limit == 0)
            {
                rateLimitedCycles++;
            }
        }
        if (work > 0)
        {
            publishedRecords = recordsReceived;
        }
        if (work == 0)
        {
            if (workersDone && allQueuesEmpty())
            {
                closeSinks();
                finished = true;
                throw new AgentTerminationException();
            }
            for (int i = sinks.size() - 1; i >= 0; i--)
            {
                try
                {
                    sinks.get(i).onIdle();
                }
                catch (final IOException ex)
                {
                    fail(i, ex);
                }
            }
        }
        return work;
    }

    @Override
    public void onMessage(final int schemaId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        recordsReceived++;
        if (sinks.isEmpty())
        {
            recordsLost++;
            return;
        }
        final RecordSchema schema = schemas.schema(schemaId);
        for (int i = sinks.size() - 1; i >= 0; i--)
        {
            try
            {
                sinks.get(i).onRecord(schema, buffer, index, length);
            }
            catch (final IOException ex)
            {
                fail(i, ex);
            }
        }
    }

    private void fail(final int sinkIndex, final IOException ex)
    {
        final RecordSink sink = sinks.remove(sinkIndex);
        if (isBrokenPipe(ex))
        {
            // The reader of a pipe went away (weir ... | head): not an error, but the run cannot go on there.
            readerGone = true;
        }
        else
        {
            problems.accept("output " + sink.describe() + " failed: " + ex.getMessage());
        }
        try
        {
            sink.close();
        }
        catch (final IOException closeFailure)
        {
            // Closing flushes again into the same broken output: report only a different failure.
            if (!isBrokenPipe(closeFailure) && !String.valueOf(closeFailure.getMessage()).equals(ex.getMessage()))
            {
                problems.accept("output " + sink.describe() + " could not be closed: " + closeFailure.getMessage());
            }
        }
        if (sinks.isEmpty())
        {
            stop.abort("no output left");
        }
    }

    private static boolean isBrokenPipe(final IOException ex)
    {
        return ex.getMessage() != null && ex.getMessage().contains("Broken pipe");
    }

    private void closeSinks()
    {
        for (final RecordSink sink : sinks)
        {
            try
            {
                sink.close();
            }
            catch (final IOException ex)
            {
                if (isBrokenPipe(ex))
                {
                    readerGone = true;
                    continue;
                }
                problems.accept("output " + sink.describe() + " failed when closing: " + ex.getMessage());
            }
        }
        sinks.clear();
    }

    private long refillTokens()
    {
        final long now = System.nanoTime();
        final long elapsedNs = now - lastRefillNs;
        if (elapsedNs >= 1_000_000_000L)
        {
            tokens = burst;
            lastRefillNs = now;
            return tokens;
        }
        final long earned = elapsedNs * maxRecordsPerSecond / 1_000_000_000L;
        if (earned > 0)
        {
            tokens = Math.min(burst, tokens + earned);
            lastRefillNs += earned * 1_000_000_000L / maxRecordsPerSecond;
        }
        if (tokens >= burst)
        {
            lastRefillNs = now;
        }
        return tokens;
    }

    private boolean allQueuesEmpty()
    {
        for (int i = 0; i < queues.size(); i++)
        {
            if (!queues.get(i).isEmpty())
            {
                return false;
            }
        }
        return true;
    }

    private boolean allWorkersFinished()
    {
        for (int i = 0; i < workers.size(); i++)
        {
            if (!workers.get(i).isFinished())
            {
                return false;
            }
        }
        return true;
    }

    @Override
    public String roleName()
    {
        return "exporter";
    }

    public boolean isFinished()
    {
        return finished;
    }

    /** Records taken off the queues so far, as published after each cycle that took any (any thread). */
    public long publishedRecords()
    {
        return publishedRecords;
    }

    /** Duty cycles in which the rate limit held records back. */
    public long rateLimitedCycles()
    {
        return rateLimitedCycles;
    }

    /** Records taken off the queues (read after the exporter has finished). */
    public long recordsReceived()
    {
        return recordsReceived;
    }

    /** True when an output's reader closed the pipe (weir ... | head). */
    public boolean readerGone()
    {
        return readerGone;
    }

    /** Records that reached the exporter after every output had failed. */
    public long recordsLost()
    {
        return recordsLost;
    }
}
