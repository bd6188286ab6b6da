package io.weir.cli.ipfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Acceptance 2: tshark's IPFIX dissector (cflow), which nobody here wrote, reads weir's UDP
 * and TCP export with no malformed packet and no data set without template, and finds the
 * same per-record packet and octet counters (both directions) as weir's own JSON.
 * Needs tshark (Debian package tshark).
 */
class TsharkAcceptanceTest
{
    @TempDir
    Path dir;

    private static final String[] CAPTURES = {"mixed.pcap", "http.pcap", "tls.pcap", "vlan.pcap", "dns.pcap"};

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void tsharkReadsWeirsExportCompletely(final String transport) throws Exception
    {
        for (final String capture : CAPTURES)
        {
            check(transport, capture);
        }
    }

    private void check(final String transport, final String capture) throws Exception
    {
        final Path json = dir.resolve(capture + "." + transport + ".json");
        final Path pcap = dir.resolve(capture + "." + transport + ".pcap");
        final int port;
        if (transport.equals("udp"))
        {
            try (Collectors.Udp collector = new Collectors.Udp())
            {
                port = collector.port();
                final Tools.Result run = Tools.weir("-q", "-i", "pcap;file=" + TestData.capture(capture),
                    "-o", "ipfix;udp;host=127.0.0.1;port=" + port + ";mtu=600", "-o", "json;file=" + json);
                assertEquals(0, run.exitCode(), run.err());
                final List<byte[]> datagrams = collector.datagrams();
                PcapWriter.udp(pcap, datagrams, collector.sourcePort(), port);
            }
        }
        else
        {
            try (Collectors.Tcp collector = new Collectors.Tcp())
            {
                port = collector.port();
                final Tools.Result run = Tools.weir("-q", "-i", "pcap;file=" + TestData.capture(capture),
                    "-o", "ipfix;host=127.0.0.1;port=" + port, "-o", "json;file=" + json);
                assertEquals(0, run.exitCode(), run.err());
                final List<byte[]> streams = collector.streams(1);
                assertEquals(1, streams.size());
                PcapWriter.tcp(pcap, streams.get(0), collector.sourcePort(0), port);
            }
        }
        final String decodeAs = (transport.equals("udp") ? "udp.port==" : "tcp.port==") + port + ",cflow";
        final Tools.Result problems = Tools.run(dir, "tshark", "-n", "-r", pcap.toString(), "-d", decodeAs,
            "-Y", "_ws.malformed || _ws.expert.severity >= 0x00600000", "-T", "fields", "-e", "frame.number", "-e", "_ws.expert.message");
        assertEquals(0, problems.exitCode(), problems.err());
        assertEquals("", problems.out().strip(), capture + " over " + transport + ": tshark complains");

        final Tools.Result fields = Tools.run(dir, "tshark", "-n", "-r", pcap.toString(), "-d", decodeAs,
            "-Y", "cflow.packets", "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=,",
            "-e", "cflow.packets", "-e", "cflow.octets");
        assertEquals(0, fields.exitCode(), fields.err());
        final List<long[]> seen = new ArrayList<>();
        for (final String line : fields.out().split("\n"))
        {
            if (line.isBlank())
            {
                continue;
            }
            final String[] columns = line.split("\t");
            final String[] packets = columns[0].split(",");
            final String[] octets = columns[1].split(",");
            assertEquals(packets.length, octets.length);
            assertEquals(0, packets.length % 2, "forward and reverse counters per record");
            for (int i = 0; i < packets.length; i += 2)
            {
                seen.add(new long[] {Long.parseLong(packets[i]), Long.parseLong(packets[i + 1]),
                    Long.parseLong(octets[i]), Long.parseLong(octets[i + 1])});
            }
        }
        final List<long[]> expected = Tools.counters(Files.readString(json));
        assertTrue(expected.size() > 0, capture);
        assertEquals(expected.size(), seen.size(), capture + " over " + transport + ": records");
        assertEquals(Tools.sortedKeys(expected), Tools.sortedKeys(seen), capture + " over " + transport);
    }

    @Test
    void theCheckNoticesDataWithoutTemplate() throws Exception
    {
        final Path pcap = dir.resolve("orphan.pcap");
        try (Collectors.Udp collector = new Collectors.Udp())
        {
            final Tools.Result run = Tools.weir("-q", "-i", "pcap;file=" + TestData.capture("mixed.pcap"),
                "-o", "ipfix;udp;host=127.0.0.1;port=" + collector.port());
            assertEquals(0, run.exitCode(), run.err());
            final List<byte[]> datagrams = new ArrayList<>(collector.datagrams());
            datagrams.removeIf(d -> d[16] == 0 && d[17] == 2);
            PcapWriter.udp(pcap, datagrams, collector.sourcePort(), collector.port());
            final Tools.Result problems = Tools.run(dir, "tshark", "-n", "-r", pcap.toString(), "-d",
                "udp.port==" + collector.port() + ",cflow", "-Y", "_ws.malformed || _ws.expert.severity >= 0x00600000", "-T", "fields",
                "-e", "_ws.expert.message");
            assertTrue(problems.out().contains("no template found"), problems.out());
        }
    }
}
