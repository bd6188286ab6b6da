package io.weir.export.ipfix.bench;

import java.lang.management.ManagementFactory;

import io.weir.core.field.RecordSchema;
import io.weir.core.field.RecordWriter;
import io.weir.export.ipfix.DiscardTransport;
import io.weir.export.ipfix.IpfixExportConfig;
import io.weir.export.ipfix.IpfixSink;
import io.weir.export.ipfix.TestRecordsAccess;
import io.weir.export.transport.TransportLog;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A plain timing harness for the same measurement as {@link EncoderBenchmark}, with allocation
 * per record from the thread's allocated-bytes counter: {@code java -cp ... EncoderTiming}.
 */
public final class EncoderTiming
{
    private EncoderTiming()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final int records = args.length > 0 ? Integer.parseInt(args[0]) : 50_000_000;
        measure("basic template", false, records);
        measure("variable-length fields", true, records / 2);
    }

    private static void measure(final String name, final boolean variable, final int records) throws Exception
    {
        final DiscardTransport transport = new DiscardTransport();
        final IpfixSink sink = new IpfixSink(IpfixExportConfig.defaults().withStatisticsSeconds(0), transport,
            TransportLog.silent(), () -> 1_700_000_000_000L);
        final UnsafeBuffer record = new UnsafeBuffer(new byte[2048]);
        final RecordWriter w = new RecordWriter();
        TestRecordsAccess.basic(w, record, 4, 12345);
        if (variable)
        {
            TestRecordsAccess.plugin(w, 12345, 24, 8);
        }
        final int length = w.length();
        final RecordSchema schema = variable ? TestRecordsAccess.pluginSchema() : TestRecordsAccess.schema(4);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 5; round++)
        {
            final long allocatedBefore = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            final long start = System.nanoTime();
            for (int i = 0; i < records; i++)
            {
                sink.onRecord(schema, record, 0, length);
            }
            final long elapsed = System.nanoTime() - start;
            final long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocatedBefore;
            System.out.printf("%-24s round %d: %6.2f M records/s, %.4f bytes allocated per record, %d messages%n",
                name, round, records * 1e3 / elapsed, (double)allocated / records, transport.messages());
        }
    }
}
