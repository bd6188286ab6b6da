package io.weir.export.ipfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.weir.core.testing.TestData;
import io.weir.export.text.JsonSink;
import io.weir.export.transport.FileTransport;
import io.weir.export.transport.TransportLog;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance 1: for every capture in pcaps/, the records weir writes as JSON and the records
 * read back from the IPFIX file it writes in the same run are the same, line for line.
 */
class RoundTripTest
{
    @TempDir
    Path dir;

    static Stream<Path> captures() throws IOException
    {
        final List<Path> all;
        try (Stream<Path> files = Files.list(TestData.root().resolve("pcaps")))
        {
            all = files.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).sorted()
                .toList();
        }
        assertTrue(all.size() >= 19, "expected the bundled captures, found " + all);
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void decodedIpfixFileEqualsJson(final Path capture) throws Exception
    {
        final ByteArrayOutputStream json = new ByteArrayOutputStream();
        final JsonSink jsonSink = ExportHarness.json(json);
        final Path file = dir.resolve(capture.getFileName() + ".ipfix");
        final IpfixSink ipfix = new IpfixSink(IpfixExportConfig.defaults().withMaxMessageLength(1458),
            new FileTransport(file, 0, 0, TransportLog.silent()), TransportLog.silent());
        ExportHarness.run(capture, List.of(jsonSink, ipfix));

        final String expected = json.toString(StandardCharsets.UTF_8);
        final DecodeSession session = new DecodeSession(file.toString());
        final ExportHarness.Decoded decoded;
        try (InputStream in = Files.newInputStream(file))
        {
            decoded = ExportHarness.decode(in, InformationModel.standard(), false, session);
        }
        assertEquals(List.of(), decoded.problems);
        assertTrue(expected.lines().count() > 0 || capture.getFileName().toString().equals("arp.pcap"),
            "no flows from " + capture);
        assertEquals(expected, decoded.text());
        assertEquals(ipfix.flowRecordsSent(), decoded.flowRecords);
        assertEquals(0, ipfix.flowRecordsDropped());
        assertEquals(0, session.sequenceGaps());
        assertEquals(2, decoded.optionRecords, "statistics at start and end");
    }
}
