package io.weir.export.ipfix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import io.weir.core.field.RecordSchema;
import io.weir.core.field.RecordWriter;
import io.weir.export.transport.TransportLog;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** Encoding records into IPFIX messages allocates nothing per record in steady state. */
class EncoderAllocationTest
{
    @Test
    void steadyStateEncodingAllocatesNothingPerRecord() throws Exception
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final IpfixSink sink = new IpfixSink(IpfixExportConfig.defaults().withStatisticsSeconds(0),
            new DiscardTransport(), TransportLog.silent(), () -> 1_700_000_000_000L);
        final UnsafeBuffer[] records = new UnsafeBuffer[3];
        final int[] lengths = new int[3];
        final RecordSchema[] schemas = {TestRecords.IPV4, TestRecords.IPV6, TestRecords.IPV4_PLUGIN};
        final RecordWriter w = new RecordWriter();
        for (int i = 0; i < 3; i++)
        {
            records[i] = new UnsafeBuffer(new byte[2048]);
            TestRecords.basic(w, records[i], i == 1 ? 6 : 4, 1000 + i);
            if (i == 2)
            {
                TestRecords.plugin(w, 1000 + i, 40, 10);
            }
            lengths[i] = w.length();
        }
        run(sink, records, lengths, schemas, 300_000);
        final long threadId = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(threadId);
        run(sink, records, lengths, schemas, 1_000_000);
        final long allocated = threads.getThreadAllocatedBytes(threadId) - before;
        assertTrue(allocated < 10_000, allocated + " bytes allocated for a million records");
    }

    private static void run(final IpfixSink sink, final UnsafeBuffer[] records, final int[] lengths,
                            final RecordSchema[] schemas, final int count) throws Exception
    {
        for (int n = 0; n < count; n++)
        {
            final int i = n % 3;
            sink.onRecord(schemas[i], records[i], 0, lengths[i]);
            if (n % 256 == 255)
            {
                sink.onIdle();
            }
        }
    }
}
