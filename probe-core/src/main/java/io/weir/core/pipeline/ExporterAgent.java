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
    private long recordsReceived;
    private long recordsLost;
    private int closeFailures;
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

    @Override
    public int doWork()
    {
        final boolean workersDone = allWorkersFinished();
        int work = 0;
        for (int i = 0; i < queues.size(); i++)
        {
            work += queues.get(i).drain(this, DRAIN_LIMIT);
        }
        if (work == 0)
        {
            if (workersDone)
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
            // Closing flushes again into the same broken output; the failure was reported just above.
            closeFailures++;
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
                problems.accept("output " + sink.describe() + " failed when closing: " + ex.getMessage());
            }
        }
        sinks.clear();
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
