package io.weir.export.ipfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.weir.core.field.RecordSchema;
import io.weir.core.field.RecordWriter;
import io.weir.export.text.JsonSink;
import io.weir.export.transport.FileTransport;
import io.weir.export.transport.TransportLog;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin fields with ipfixprobe's element identities survive IPFIX: strings in the one- and
 * three-byte length forms, octets, enterprise scalars and basicLists (of integers and of
 * millisecond times), mixed with plain IPv4 and IPv6 records, across messages of several sizes.
 */
class PluginFieldsRoundTripTest
{
    @TempDir
    Path dir;

    @Test
    void pluginFieldsAndBasicRecordsReadBackAsJson() throws Exception
    {
        for (final boolean milliseconds : new boolean[] {false, true})
        {
            for (final int mtu : new int[] {1200, 1458, 65535})
            {
                roundTrip(mtu, milliseconds);
            }
        }
    }

    private void roundTrip(final int mtu, final boolean milliseconds) throws Exception
    {
        final ByteArrayOutputStream json = new ByteArrayOutputStream();
        final JsonSink jsonSink = ExportHarness.json(json);
        final Path file = dir.resolve("plugins-" + mtu + ".ipfix");
        final IpfixSink sink = new IpfixSink(IpfixExportConfig.defaults().withMaxMessageLength(mtu)
            .withMilliseconds(milliseconds), new FileTransport(file, 0, 0, TransportLog.silent()), TransportLog.silent());
        final UnsafeBuffer record = new UnsafeBuffer(new byte[8192]);
        final RecordWriter w = new RecordWriter();
        for (int n = 0; n < 300; n++)
        {
            final RecordSchema schema;
            if (n % 3 == 0)
            {
                TestRecords.plugin(TestRecords.basic(w, record, 4, n), n, (n * 7) % 400, n % 30);
                schema = TestRecords.IPV4_PLUGIN;
            }
            else
            {
                TestRecords.basic(w, record, n % 3 == 1 ? 4 : 6, n);
                schema = n % 3 == 1 ? TestRecords.IPV4 : TestRecords.IPV6;
            }
            jsonSink.onRecord(schema, record, 0, w.length());
            sink.onRecord(schema, record, 0, w.length());
        }
        jsonSink.close();
        sink.close();

        final InformationModel model = InformationModel.standard().addAll(TestRecords.PLUGIN);
        final DecodeSession session = new DecodeSession("test");
        final ExportHarness.Decoded decoded = ExportHarness.decode(new ByteArrayInputStream(Files.readAllBytes(file)),
            model, false, session);
        assertEquals(List.of(), decoded.problems);
        String expected = json.toString(StandardCharsets.UTF_8);
        if (milliseconds)
        {
            expected = expected.replaceAll("\"flowStartMicroseconds\":\"([^\"]*)\\.(\\d{3})\\d{3}Z\"",
                "\"flowStartMilliseconds\":\"$1.$2Z\"")
                .replaceAll("\"flowEndMicroseconds\":\"([^\"]*)\\.(\\d{3})\\d{3}Z\"", "\"flowEndMilliseconds\":\"$1.$2Z\"");
        }
        assertEquals(expected, decoded.text(), "mtu " + mtu + (milliseconds ? " ms" : ""));
        assertTrue(expected.contains("\"pktLengths\":[") && expected.contains("\"httpRequestHost\":\""));
        assertEquals(300, decoded.flowRecords);
        assertEquals(0, sink.flowRecordsDropped());
        assertEquals(0, session.sequenceGaps());
    }
}
