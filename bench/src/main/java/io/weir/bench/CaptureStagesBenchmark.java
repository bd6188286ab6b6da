package io.weir.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.weir.core.capture.CaptureFileReader;
import io.weir.core.capture.CaptureFileSequence;
import io.weir.core.capture.CaptureProblems;
import io.weir.core.capture.PacketHandler;
import io.weir.core.capture.PacketSource;
import io.weir.core.decode.PacketParser;
import io.weir.core.decode.PacketView;
import io.weir.core.field.RecordSchema;
import io.weir.core.field.RecordWriter;
import io.weir.core.field.SchemaRegistry;
import io.weir.core.flow.FlowCache;
import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.flow.FlowEndReason;
import io.weir.core.flow.FlowExport;
import io.weir.core.flow.FlowTable;
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
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One whole capture file per operation, adding one stage of the offline data path at a time,
 * all on the benchmark thread except {@code pipeline}:
 * <ul>
 * <li>{@code walk}: the memory-mapped pcap reader hands out every packet (sums wire lengths);</li>
 * <li>{@code parse}: ... and the parser decodes each into the view;</li>
 * <li>{@code cache}: ... and the flow cache takes each (ended flows only counted), flushed at the end;</li>
 * <li>{@code records}: ... and each ended flow is written in weir's record encoding, as the worker's encoder does;</li>
 * <li>{@code json}: ... and each record goes through the JSON sink to a discarding stream;</li>
 * <li>{@code pipeline}: the real thing as the CLI wires it: capture worker and exporter threads,
 *     the export queue between them, the JSON sink to a discarding stream.</li>
 * </ul>
 * Differences between consecutive stages are each stage's cost; {@code pipeline} against the
 * whole-process run of {@code ./weir} is the JVM start, class loading and JIT warm-up.
 * The capture defaults to bench/out's 10 M-packet file (run from the repository root, or pass
 * {@code -p capture=PATH}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CaptureStagesBenchmark
{
    private static final int BATCH = 64;

    @Param({"bench/out/bench-p10000000-f1000000-s1.pcap"})
    public String capture;

    @Param({"walk", "parse", "cache", "records", "json", "pipeline"})
    public String stage;

    private Path file;
    private SchemaRegistry schemas;

    @Setup
    public void setUp()
    {
        file = Path.of(capture);
        if (!Files.isRegularFile(file))
        {
            throw new IllegalStateException("capture not found: " + file.toAbsolutePath()
                + " (run bench/run.sh once, or pass -p capture=PATH)");
        }
        schemas = new SchemaRegistry(List.of());
    }

    @Benchmark
    public long wholeFile() throws InterruptedException
    {
        if (stage.equals("pipeline"))
        {
            return pipeline();
        }
        final Stages stages = new Stages(stage, schemas);
        final CaptureFileReader reader = CaptureFileReader.open(file, FAIL);
        try
        {
            while (reader.read(stages, BATCH) != PacketSource.END_OF_INPUT)
            {
                stages.batches++;
            }
        }
        finally
        {
            reader.close();
        }
        return stages.finish();
    }

    private long pipeline() throws InterruptedException
    {
        final StopSignal stop = new StopSignal();
        final CaptureFileSequence source = new CaptureFileSequence(List.of(file), FAIL);
        final ExportQueue queue = new ExportQueue(ExportQueue.DEFAULT_CAPACITY_BYTES);
        final CaptureWorker worker = new CaptureWorker("worker-0", source, FlowCacheConfig.DEFAULT, PluginChain.none(),
            queue, stop, 0);
        final RecordSink sink = new JsonSink(new ByteOutput(OutputStream.nullOutputStream()), "json to nowhere");
        final ExporterAgent exporter = new ExporterAgent(
            List.of(queue), List.of(worker), List.of(sink), schemas, stop, FAIL::problem);
        new Pipeline(List.of(worker), exporter, FAIL::problem).run(() -> {});
        if (exporter.recordsReceived() != worker.encoder().records())
        {
            throw new IllegalStateException("records lost between worker and exporter");
        }
        return exporter.recordsReceived();
    }

    /** The single-threaded stages, each packet going as far as the stage says. */
    private static final class Stages implements PacketHandler, FlowExport
    {
        private final boolean parse;
        private final boolean cache;
        private final boolean records;
        private final boolean json;
        private final PacketParser parser = new PacketParser();
        private final PacketView view = new PacketView();
        private final FlowCache flowCache;
        private final RecordWriter writer = new RecordWriter();
        private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[1024]);
        private final SchemaRegistry schemas;
        private final RecordSink sink;
        private long wireBytes;
        private long ended;
        private long batches;

        Stages(final String stage, final SchemaRegistry schemas)
        {
            final int depth = List.of("walk", "parse", "cache", "records", "json").indexOf(stage);
            if (depth < 0)
            {
                throw new IllegalArgumentException("unknown stage " + stage);
            }
            this.parse = depth >= 1;
            this.cache = depth >= 2;
            this.records = depth >= 3;
            this.json = depth >= 4;
            this.schemas = schemas;
            this.flowCache = cache ? new FlowCache(FlowCacheConfig.DEFAULT, this) : null;
            this.sink = json ? new JsonSink(new ByteOutput(OutputStream.nullOutputStream()), "json to nowhere") : null;
        }

        @Override
        public void onPacket(final DirectBuffer buffer, final int offset, final int capturedLength,
                             final int wireLength, final long timestampNs, final int linkType, final int interfaceId)
        {
            wireBytes += wireLength;
            if (parse && parser.parse(view, buffer, offset, capturedLength, wireLength, timestampNs, linkType,
                interfaceId) && cache)
            {
                flowCache.onPacket(view);
            }
        }

        @Override
        public void onFlowEnd(final FlowTable table, final int slot, final int endReason)
        {
            ended++;
            if (!records)
            {
                return;
            }
            final int ipVersion = table.ipVersion(slot);
            final RecordWriter w = writer.wrap(scratch, 0, scratch.capacity());
            if (ipVersion == 6)
            {
                w.ipv6(table.sourceHigh(slot), table.sourceLow(slot))
                    .ipv6(table.destinationHigh(slot), table.destinationLow(slot));
            }
            else
            {
                w.ipv4(table.sourceLow(slot)).ipv4(table.destinationLow(slot));
            }
            w.u16(table.sourcePort(slot)).u16(table.destinationPort(slot)).u8(table.protocol(slot)).u8(ipVersion)
                .u64(table.forwardPackets(slot)).u64(table.forwardBytes(slot))
                .u64(table.reversePackets(slot)).u64(table.reverseBytes(slot))
                .timeNs(table.firstNs(slot)).timeNs(table.lastNs(slot))
                .u8(table.forwardTcpFlags(slot)).u8(table.reverseTcpFlags(slot))
                .mac(table.sourceMac(slot)).mac(table.destinationMac(slot))
                .u16(table.vlanId(slot)).u32(table.interfaceId(slot)).u8(endReason);
            if (json)
            {
                try
                {
                    sink.onRecord(schemas.schema(RecordSchema.id(ipVersion, 0)), scratch, 0, w.length());
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            }
        }

        long finish()
        {
            if (flowCache != null)
            {
                flowCache.flushAll(FlowEndReason.FORCED_END);
            }
            return wireBytes + ended + batches;
        }
    }

    /** Any capture problem makes the measurement meaningless: fail the benchmark. */
    private static final Problems FAIL = new Problems();

    private static final class Problems implements CaptureProblems
    {
        @Override
        public void warning(final Path file, final long offset, final String message)
        {
            problem(file + " at " + offset + ": " + message);
        }

        @Override
        public void unusable(final Path file, final String message)
        {
            problem(file + ": " + message);
        }

        void problem(final String message)
        {
            throw new IllegalStateException(message);
        }
    }
}
