package io.weir.export.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import io.weir.core.field.RecordWriter;
import io.weir.export.ipfix.DecodeSession;
import io.weir.export.ipfix.IpfixExportConfig;
import io.weir.export.ipfix.IpfixSink;
import io.weir.export.ipfix.TestRecordsAccess;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Acceptance 5: a collector goes away mid-stream and comes back. Every record is received
 * exactly once or counted as dropped, and the counts add up exactly; the new connection
 * starts with templates (no set without template), plain and LZ4.
 */
class TcpOutageTest
{
    private static final int BEFORE = 2000;
    private static final int DURING = 4000;
    private static final int AFTER = 1000;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyRecordIsReceivedOnceOrCountedAsDropped(final boolean lz4) throws Exception
    {
        final TestTcpCollector first = new TestTcpCollector(0);
        final int port = first.port();
        final TcpTransport transport = new TcpTransport(new InetSocketAddress("127.0.0.1", port), 65536, 1000,
            lz4 ? new Lz4Framing(1 << 17) : null, TransportLog.silent());
        final IpfixSink sink = new IpfixSink(IpfixExportConfig.defaults().withStatisticsSeconds(0), transport,
            TransportLog.silent());
        final UnsafeBuffer record = new UnsafeBuffer(new byte[2048]);
        final RecordWriter w = new RecordWriter();
        long next = 1;

        for (int i = 0; i < BEFORE; i++, next++)
        {
            TestRecordsAccess.basic(w, record, i % 4 == 0 ? 6 : 4, next);
            sink.onRecord(TestRecordsAccess.schema(i % 4 == 0 ? 6 : 4), record, 0, w.length());
        }
        await(sink, () -> first.ids().size() == BEFORE);
        first.stopGracefully();

        for (int i = 0; i < DURING; i++, next++)
        {
            TestRecordsAccess.basic(w, record, 4, next);
            sink.onRecord(TestRecordsAccess.schema(4), record, 0, w.length());
            if (i % 50 == 0)
            {
                sink.onIdle();
            }
        }
        first.awaitStopped();
        assertTrue(!transport.isConnected(), "the collector is away");
        assertTrue(sink.flowRecordsDropped() > 0, "the outage outlasts a 64 KiB backlog");

        try (TestTcpCollector second = new TestTcpCollector(port))
        {
            await(sink, transport::isConnected);
            for (int i = 0; i < AFTER; i++, next++)
            {
                TestRecordsAccess.basic(w, record, 6, next);
                sink.onRecord(TestRecordsAccess.schema(6), record, 0, w.length());
            }
            sink.close();
            final long total = next - 1;
            await(null, () -> first.ids().size() + second.ids().size() + sink.flowRecordsDropped() >= total);

            final List<Long> received = first.ids();
            received.addAll(second.ids());
            final Set<Long> unique = new HashSet<>(received);
            assertEquals(received.size(), unique.size(), "no record received twice");
            assertEquals(total, received.size() + sink.flowRecordsDropped(), "received + dropped = exported");
            assertEquals(sink.flowRecordsSent(), received.size());
            for (long id = 1; id <= BEFORE; id++)
            {
                assertTrue(unique.contains(id), "record " + id + " from before the outage");
            }
            for (long id = total - AFTER + 1; id <= total; id++)
            {
                assertTrue(unique.contains(id), "record " + id + " from after the outage");
            }
            assertEquals(List.of(), first.problems());
            assertEquals(List.of(), second.problems());
            for (final DecodeSession session : second.sessions())
            {
                assertEquals(0, session.setsWithoutTemplate());
                assertEquals(1, session.withdrawals(), "the data templates are withdrawn at the end");
            }
            assertEquals(2, transport.counters().sessions());
        }
    }

    private static void await(final IpfixSink sink, final BooleanSupplier condition) throws Exception
    {
        final long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean())
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("timed out waiting");
            }
            if (sink != null)
            {
                sink.onIdle();
            }
            Thread.sleep(5);
        }
    }
}
