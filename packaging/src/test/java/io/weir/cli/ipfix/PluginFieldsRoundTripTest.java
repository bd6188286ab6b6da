package io.weir.cli.ipfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.weir.core.plugin.PluginRegistry;
import io.weir.core.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every processing plugin's fields survive the IPFIX round trip: for the capture that exercises the
 * plugin, `-o json` and `-o ipfix;file=...` from one run, the file read back with `weir decode`, give
 * byte-identical NDJSON; and tshark's IPFIX dissector reads the same export sent over UDP (templates
 * with enterprise elements, variable-length fields, basicLists) without a malformed packet or warning.
 */
class PluginFieldsRoundTripTest
{
    /** The bundled capture that carries each plugin's traffic (its ipfixprobe reference capture where one exists). */
    private static final Map<String, String> CAPTURES = new TreeMap<>(Map.ofEntries(
        Map.entry("basicplus", "http.pcap"), Map.entry("bstats", "bstats.pcap"), Map.entry("dns", "dns.pcap"),
        Map.entry("dnssd", "dnssd.pcap"), Map.entry("flow_hash", "mixed.pcap"), Map.entry("http", "http.pcap"),
        Map.entry("icmp", "mixed.pcap"), Map.entry("idpcontent", "idpcontent.pcap"), Map.entry("mpls", "mpls.pcap"),
        Map.entry("mqtt", "mqtt.pcap"), Map.entry("netbios", "netbios.pcap"), Map.entry("nettisa", "mixed.pcap"),
        Map.entry("ntp", "ntp.pcap"), Map.entry("ovpn", "ovpn.pcap"), Map.entry("passivedns", "dns.pcap"),
        Map.entry("phists", "mixed.pcap"), Map.entry("pstats", "mixed.pcap"), Map.entry("quic", "quic_initial-sample.pcap"),
        Map.entry("rtsp", "rtsp.pcap"), Map.entry("sip", "sip.pcap"), Map.entry("smtp", "smtp.pcap"),
        Map.entry("ssadetector", "ovpn.pcap"), Map.entry("ssdp", "ssdp.pcap"), Map.entry("tls", "tls.pcap"),
        Map.entry("vlan", "vlan.pcap"), Map.entry("wg", "wg.pcap")));

    @TempDir
    Path dir;

    @Test
    void everyPluginHasACapture()
    {
        assertEquals(new TreeMap<>(CAPTURES).keySet(),
            new java.util.TreeSet<>(PluginRegistry.load().names()), "a capture for every registered plugin");
    }

    static Stream<String> plugins()
    {
        return CAPTURES.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("plugins")
    void pluginFieldsSurviveTheRoundTrip(final String plugin) throws Exception
    {
        final Path capture = TestData.capture(CAPTURES.get(plugin));
        final Path json = dir.resolve(plugin + ".json");
        final Path ipfix = dir.resolve(plugin + ".ipfix");
        final Tools.Result run = Tools.weir("-q", "-p", plugin, "-i", "pcap;file=" + capture,
            "-o", "json;file=" + json, "-o", "ipfix;file=" + ipfix);
        assertEquals(0, run.exitCode(), run.err());
        final String camel = io.weir.core.field.Field.camelCase(
            PluginRegistry.load().find(plugin).fields().isEmpty() ? "" : PluginRegistry.load().find(plugin).fields().get(0)
                .ipfixprobeName());
        assertTrue(camel.isEmpty() || Files.readString(json).contains("\"" + camel + "\":"),
            plugin + " on " + capture.getFileName() + " exports its fields at least once");

        final Path decoded = dir.resolve(plugin + ".decoded.json");
        final Tools.Result decode = Tools.weir("decode", "-q", "-w", decoded.toString(), ipfix.toString());
        assertEquals(0, decode.exitCode(), decode.err());
        assertEquals(Files.readString(json), Files.readString(decoded), plugin + ": JSON vs decoded IPFIX");
    }

    @Test
    void tsharkReadsEveryPluginsFieldsCleanly() throws Exception
    {
        final List<String> args = new ArrayList<>(List.of("-q"));
        for (final String plugin : CAPTURES.keySet())
        {
            args.add("-p");
            args.add(plugin);
        }
        for (final String capture : new java.util.TreeSet<>(CAPTURES.values()))
        {
            args.add("-i");
            args.add("pcap;file=" + TestData.capture(capture));
        }
        final Path pcap = dir.resolve("all-plugins.pcap");
        final int port;
        try (Collectors.Udp collector = new Collectors.Udp())
        {
            port = collector.port();
            args.add("-o");
            args.add("ipfix;udp;host=127.0.0.1;port=" + port);
            final Tools.Result run = Tools.weir(args.toArray(new String[0]));
            assertEquals(0, run.exitCode(), run.err());
            PcapWriter.udp(pcap, collector.datagrams(), collector.sourcePort(), port);
        }
        // A record with every plugin's fields has more than tshark's default limit of 60 template fields.
        final Tools.Result problems = Tools.run(dir, "tshark", "-n", "-o", "cflow.max_template_fields:200", "-r",
            pcap.toString(), "-d", "udp.port==" + port + ",cflow", "-Y", "_ws.malformed || _ws.expert.severity >= 0x00600000",
            "-T", "fields", "-e", "frame.number", "-e", "_ws.expert.message");
        assertEquals(0, problems.exitCode(), problems.err());
        assertEquals("", problems.out().strip(), "tshark complains about weir's export with every plugin");
        final Tools.Result lists = Tools.run(dir, "tshark", "-n", "-o", "cflow.max_template_fields:200", "-r",
            pcap.toString(), "-d",
            "udp.port==" + port + ",cflow", "-Y", "cflow.template_ipfix_field_type == 291",
            "-T", "fields", "-e", "frame.number");
        assertEquals(0, lists.exitCode(), lists.err());
        assertTrue(!lists.out().isBlank(), "tshark parsed templates with basicList (291) fields");
    }
}
