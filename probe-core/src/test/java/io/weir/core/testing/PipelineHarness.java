package io.weir.core.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.capture.CaptureFileSequence;
import io.weir.core.capture.CaptureProblems;
import io.weir.core.field.SchemaRegistry;
import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.pipeline.CaptureWorker;
import io.weir.core.pipeline.ExportQueue;
import io.weir.core.pipeline.ExporterAgent;
import io.weir.core.pipeline.Pipeline;
import io.weir.core.pipeline.StopSignal;
import io.weir.core.plugin.PluginChain;

/** Runs the real pipeline (reader, worker, exporter) over capture files and collects the records. */
public final class PipelineHarness
{
    private PipelineHarness()
    {
    }

    public static List<CollectedRecord> run(final List<Path> captures, final FlowCacheConfig config,
                                            final PluginChain plugins) throws InterruptedException
    {
        final List<String> problems = new ArrayList<>();
        final CaptureProblems captureProblems = new CaptureProblems()
        {
            @Override
            public void warning(final Path file, final long offset, final String message)
            {
                problems.add(file + ": " + offset + ": " + message);
            }

            @Override
            public void unusable(final Path file, final String message)
            {
                problems.add(file + ": " + message);
            }
        };
        final StopSignal stop = new StopSignal();
        final ExportQueue queue = new ExportQueue(ExportQueue.DEFAULT_CAPACITY_BYTES);
        final CaptureWorker worker = new CaptureWorker("test-worker",
            new CaptureFileSequence(captures, captureProblems), config, plugins, queue, stop, 0);
        final RecordCollector collector = new RecordCollector();
        final ExporterAgent exporter = new ExporterAgent(List.of(queue), List.of(worker), List.of(collector),
            new SchemaRegistry(plugins.fields()), stop, problems::add);
        new Pipeline(List.of(worker), exporter, problems::add).run(() -> { });
        for (int i = 0; i < plugins.size(); i++)
        {
            if (plugins.failures(i) > 0)
            {
                problems.add("plugin " + plugins.plugin(i).name() + " threw " + plugins.failures(i) + " times, first: "
                    + plugins.firstFailure(i));
            }
        }
        if (!problems.isEmpty())
        {
            throw new AssertionError("problems while reading " + captures + ": " + problems);
        }
        return collector.records();
    }

    public static List<CollectedRecord> run(final Path capture, final PluginChain plugins) throws InterruptedException
    {
        return run(List.of(capture), FlowCacheConfig.DEFAULT, plugins);
    }
}
