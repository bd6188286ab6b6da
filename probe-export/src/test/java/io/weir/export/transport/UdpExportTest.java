package io.weir.export.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.weir.core.field.RecordWriter;
import io.weir.export.ipfix.DecodeSession;
import io.weir.export.ipfix.DecodedRecordHandler;
import io.weir.export.ipfix.InformationModel;
import io.weir.export.ipfix.IpfixDecoder;
import io.weir.export.ipfix.IpfixExportConfig;
import io.weir.export.ipfix.IpfixSink;
import io.weir.export.ipfix.TestRecordsAccess;
import io.weir.core.field.RecordSchema;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * IPFIX over UDP to a loopback socket: datagrams never exceed the MTU, templates come again by
 * message count and by time, sequence numbers count data records per observation domain
 * (flows in domain {@code id}, statistics in domain 0), and a closed port is counted, not fatal.
 */
class UdpExportTest
{
    private static final class Received implements DecodedRecordHandler
    {
        final List<String> problems = new ArrayList<>();
        long flows;
        long options;

        @Override
        public void onRecord(final RecordSchema schema, final DirectBuffer buffer, final int offset, final int length,
                             final long domainId, final int templateId, final boolean isOptions)
        {
            if (isOptions)
            {
                assertEquals(0, domainId, "statistics go to domain 0");
                options++;
            }
            else
            {
                assertEquals(5, domainId);
                flows++;
            }
        }

        @Override
        public void onProblem(final long offset, final String message)
        {
            problems.add(offset + ": " + message);
        }
    }

    private static List<byte[]> receiveAll(final DatagramSocket socket) throws Exception
    {
        final List<byte[]> datagrams = new ArrayList<>();
        final byte[] buffer = new byte[65536];
        final DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (true)
        {
            try
            {
                socket.receive(packet);
            }
            catch (final SocketTimeoutException ex)
            {
                return datagrams;
            }
            datagrams.add(Arrays.copyOf(buffer, packet.getLength()));
        }
    }

    private static int templateMessages(final List<byte[]> datagrams)
    {
        int n = 0;
        for (final byte[] d : datagrams)
        {
            if (ByteBuffer.wrap(d).getShort(16) == 2)
            {
                n++;
            }
        }
        return n;
    }

    @Test
    void datagramsStayWithinMtuAndTemplatesComeAgainByCountAndTime() throws Exception
    {
        try (DatagramSocket collector = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
        {
            collector.setReceiveBufferSize(8 << 20);
            collector.setSoTimeout(500);
            final long[] now = {1_700_000_000_000L};
            final IpfixSink sink = new IpfixSink(IpfixExportConfig.defaults().withObservationDomainId(5)
                .withMaxMessageLength(700).withTemplateRefresh(600, 10).withStatisticsSeconds(0),
                new UdpTransport(new InetSocketAddress("127.0.0.1", collector.getLocalPort()), TransportLog.silent()),
                TransportLog.silent(), () -> now[0]);
            final UnsafeBuffer record = new UnsafeBuffer(new byte[4096]);
            final RecordWriter w = new RecordWriter();
            for (int n = 1; n <= 3000; n++)
            {
                if (n % 5 == 0)
                {
                    TestRecordsAccess.plugin(TestRecordsAccess.basic(w, record, 4, n), n, n % 300, n % 20);
                    sink.onRecord(TestRecordsAccess.pluginSchema(), record, 0, w.length());
                }
                else
                {
                    TestRecordsAccess.basic(w, record, n % 2 == 0 ? 6 : 4, n);
                    sink.onRecord(TestRecordsAccess.schema(n % 2 == 0 ? 6 : 4), record, 0, w.length());
                }
                if (n % 1000 == 0)
                {
                    sink.onIdle();
                }
            }
            final List<byte[]> byCount = receiveAll(collector);
            final int dataMessages = byCount.size() - templateMessages(byCount);
            assertTrue(templateMessages(byCount) >= dataMessages / 11, "templates every 10 messages: "
                + templateMessages(byCount) + " template messages for " + dataMessages);

            sink.onIdle();
            receiveAll(collector);
            now[0] += 601_000;
            sink.onIdle();
            final List<byte[]> byTime = receiveAll(collector);
            assertEquals(1, templateMessages(byTime), "templates again after the refresh time");
            sink.close();
            final List<byte[]> all = new ArrayList<>(byCount);
            all.addAll(byTime);
            all.addAll(receiveAll(collector));

            final Received received = new Received();
            final DecodeSession session = new DecodeSession("udp");
            final IpfixDecoder decoder = new IpfixDecoder(InformationModel.standard(), received, false);
            long offset = 0;
            for (final byte[] datagram : all)
            {
                assertTrue(datagram.length <= 700, "datagram of " + datagram.length + " bytes");
                decoder.decode(session, new UnsafeBuffer(datagram), 0, datagram.length, offset);
                offset += datagram.length;
            }
            assertEquals(List.of(), received.problems);
            assertEquals(3000, received.flows);
            assertEquals(2, received.options, "statistics at start and end");
            assertEquals(0, session.sequenceGaps());
            assertEquals(3000, session.expectedSequence(5));
            assertEquals(2, session.expectedSequence(0));
            assertEquals(3000, sink.flowRecordsSent());
        }
    }

    @Test
    void aClosedPortIsCountedAsDroppedAndExportGoesOn() throws Exception
    {
        final int port;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
        {
            port = probe.getLocalPort();
        }
        final IpfixSink sink = new IpfixSink(IpfixExportConfig.defaults().withStatisticsSeconds(0),
            new UdpTransport(new InetSocketAddress("127.0.0.1", port), TransportLog.silent()), TransportLog.silent());
        final UnsafeBuffer record = new UnsafeBuffer(new byte[4096]);
        final RecordWriter w = new RecordWriter();
        for (int n = 1; n <= 500; n++)
        {
            TestRecordsAccess.basic(w, record, 4, n);
            sink.onRecord(TestRecordsAccess.schema(4), record, 0, w.length());
            if (n % 20 == 0)
            {
                sink.onIdle();
            }
        }
        sink.close();
        assertEquals(500, sink.flowRecordsSent() + sink.flowRecordsDropped());
        assertTrue(sink.flowRecordsDropped() > 0, "ICMP port unreachable makes later sends fail");
    }

    @Test
    void aRecordLargerThanAMessageIsCountedAsTooLarge() throws Exception
    {
        try (DatagramSocket collector = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
        {
            final IpfixSink sink = new IpfixSink(IpfixExportConfig.defaults().withMaxMessageLength(300)
                .withStatisticsSeconds(0),
                new UdpTransport(new InetSocketAddress("127.0.0.1", collector.getLocalPort()), TransportLog.silent()),
                TransportLog.silent());
            final UnsafeBuffer record = new UnsafeBuffer(new byte[4096]);
            final RecordWriter w = new RecordWriter();
            TestRecordsAccess.plugin(TestRecordsAccess.basic(w, record, 4, 1), 1, 250, 5);
            sink.onRecord(TestRecordsAccess.pluginSchema(), record, 0, w.length());
            TestRecordsAccess.basic(w, record, 4, 2);
            sink.onRecord(TestRecordsAccess.schema(4), record, 0, w.length());
            sink.close();
            assertEquals(1, sink.recordsTooLarge());
            assertEquals(1, sink.flowRecordsDropped());
            assertEquals(1, sink.flowRecordsSent());
        }
    }

    @Test
    void aTemplateLargerThanAMessageDropsItsRecordsOnly() throws Exception
    {
        try (DatagramSocket collector = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
        {
            final IpfixSink sink = new IpfixSink(IpfixExportConfig.defaults().withMaxMessageLength(100)
                .withStatisticsSeconds(0),
                new UdpTransport(new InetSocketAddress("127.0.0.1", collector.getLocalPort()), TransportLog.silent()),
                TransportLog.silent());
            final UnsafeBuffer record = new UnsafeBuffer(new byte[4096]);
            final RecordWriter w = new RecordWriter();
            TestRecordsAccess.basic(w, record, 4, 1);
            sink.onRecord(TestRecordsAccess.schema(4), record, 0, w.length());
            TestRecordsAccess.basic(w, record, 6, 2);
            sink.onRecord(TestRecordsAccess.schema(6), record, 0, w.length());
            sink.close();
            assertEquals(2, sink.recordsTooLarge(), "neither the IPv4 nor the IPv6 template fits 100 bytes");
            assertEquals(0, sink.flowRecordsSent());
        }
    }
}
