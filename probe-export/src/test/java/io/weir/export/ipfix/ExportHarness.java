package io.weir.export.ipfix;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.capture.CaptureFileSequence;
import io.weir.core.capture.CaptureProblems;
import io.weir.core.field.RecordSchema;
import io.weir.core.field.SchemaRegistry;
import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.pipeline.CaptureWorker;
import io.weir.core.pipeline.ExportQueue;
import io.weir.core.pipeline.ExporterAgent;
import io.weir.core.pipeline.Pipeline;
import io.weir.core.pipeline.RecordSink;
import io.weir.core.pipeline.StopSignal;
import io.weir.core.plugin.PluginChain;
import io.weir.export.text.ByteOutput;
import io.weir.export.text.JsonSink;
import org.agrona.DirectBuffer;

/** Runs the real pipeline over a capture into any sinks, and decodes IPFIX back to NDJSON. */
final class ExportHarness
{
    private ExportHarness()
    {
    }

    static void run(final Path capture, final List<RecordSink> sinks) throws InterruptedException
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
        final PluginChain plugins = PluginChain.none();
        final CaptureWorker worker = new CaptureWorker("test-worker",
            new CaptureFileSequence(List.of(capture), captureProblems), FlowCacheConfig.DEFAULT, plugins, queue, stop, 0);
        final ExporterAgent exporter = new ExporterAgent(List.of(queue), List.of(worker), sinks,
            new SchemaRegistry(plugins.fields()), stop, problems::add);
        new Pipeline(List.of(worker), exporter, problems::add).run(() -> { });
        if (!problems.isEmpty())
        {
            throw new AssertionError("problems while exporting " + capture + ": " + problems);
        }
    }

    /** NDJSON of a capture as {@code -o json} writes it. */
    static JsonSink json(final ByteArrayOutputStream out)
    {
        return new JsonSink(new ByteOutput(out), "json");
    }

    /** What the decoder made of a stream: NDJSON of the flow records (options too when asked) and the problems. */
    static final class Decoded implements DecodedRecordHandler
    {
        final ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        final JsonSink sink = new JsonSink(new ByteOutput(ndjson), "decoded");
        final List<String> problems = new ArrayList<>();
        final boolean options;
        long flowRecords;
        long optionRecords;

        Decoded(final boolean options)
        {
            this.options = options;
        }

        @Override
        public void onRecord(final RecordSchema schema, final DirectBuffer buffer, final int offset, final int length,
                             final long domainId, final int templateId, final boolean isOptions)
        {
            if (isOptions)
            {
                optionRecords++;
            }
            else
            {
                flowRecords++;
            }
            if (isOptions && !options)
            {
                return;
            }
            try
            {
                sink.onRecord(schema, buffer, offset, length);
            }
            catch (final IOException ex)
            {
                throw new AssertionError(ex);
            }
        }

        @Override
        public void onProblem(final long offset, final String message)
        {
            problems.add(offset + ": " + message);
        }

        String text()
        {
            try
            {
                sink.onIdle();
            }
            catch (final IOException ex)
            {
                throw new AssertionError(ex);
            }
            return ndjson.toString(StandardCharsets.UTF_8);
        }
    }

    static Decoded decode(final InputStream in, final InformationModel model, final boolean options,
                          final DecodeSession session) throws IOException
    {
        final Decoded decoded = new Decoded(options);
        new IpfixStreamReader(new IpfixDecoder(model, decoded, false), decoded).read(in, session);
        return decoded;
    }
}
