package io.weir.export.ipfix.bench;

import java.util.concurrent.TimeUnit;

import io.weir.core.field.RecordSchema;
import io.weir.core.field.RecordWriter;
import io.weir.export.ipfix.DiscardTransport;
import io.weir.export.ipfix.IpfixExportConfig;
import io.weir.export.ipfix.IpfixSink;
import io.weir.export.ipfix.TestRecordsAccess;
import io.weir.export.transport.TransportLog;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The IPFIX encoder (schema lookup, record transcoding, message building, 1458-byte messages
 * handed to a transport that discards them): records per second for the basic IPv4 template
 * and for a record with variable-length fields and basicLists. Run with
 * {@code java -cp ... io.weir.export.ipfix.bench.EncoderBenchmark [-prof gc]} (see probe-export/README.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class EncoderBenchmark
{
    static final int BATCH = 1000;

    private IpfixSink sink;
    private final UnsafeBuffer basic = new UnsafeBuffer(new byte[2048]);
    private final UnsafeBuffer variable = new UnsafeBuffer(new byte[2048]);
    private int basicLength;
    private int variableLength;
    private RecordSchema basicSchema;
    private RecordSchema variableSchema;

    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        sink = new IpfixSink(IpfixExportConfig.defaults().withStatisticsSeconds(0), new DiscardTransport(),
            TransportLog.silent(), () -> 1_700_000_000_000L);
        final RecordWriter w = new RecordWriter();
        TestRecordsAccess.basic(w, basic, 4, 12345);
        basicLength = w.length();
        TestRecordsAccess.plugin(TestRecordsAccess.basic(w, variable, 4, 12345), 12345, 24, 8);
        variableLength = w.length();
        basicSchema = TestRecordsAccess.schema(4);
        variableSchema = TestRecordsAccess.pluginSchema();
        sink.onRecord(basicSchema, basic, 0, basicLength);
        sink.onRecord(variableSchema, variable, 0, variableLength);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void basicTemplate() throws Exception
    {
        for (int i = 0; i < BATCH; i++)
        {
            sink.onRecord(basicSchema, basic, 0, basicLength);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void variableLengthFields() throws Exception
    {
        for (int i = 0; i < BATCH; i++)
        {
            sink.onRecord(variableSchema, variable, 0, variableLength);
        }
    }

    /** Runs this benchmark through JMH; arguments are passed on (e.g. {@code -prof gc}). */
    public static void main(final String[] args) throws Exception
    {
        final String[] all = new String[args.length + 1];
        all[0] = EncoderBenchmark.class.getName();
        System.arraycopy(args, 0, all, 1, args.length);
        org.openjdk.jmh.Main.main(all);
    }
}
