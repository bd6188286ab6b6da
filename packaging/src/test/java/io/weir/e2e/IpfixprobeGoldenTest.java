package io.weir.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.weir.core.testing.IpfixprobeReference;
import io.weir.core.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * weir without plugins against ipfixprobe v5.7.0's reference outputs (pcaps/expected),
 * compared on the basic fields by name. ipfixprobe's process plugins change what it lists, so
 * each reference is checked as strictly as its plugin allows (established by experiment, see the
 * lists below):
 * <ul>
 * <li>{@code basic} (no plugin): exactly the same multiset of flows.</li>
 * <li>Plugins that only add fields: every listed flow is one of weir's ("subset"); weir may have
 *     more flows, because ipfixprobe's UniRec output lists only flows carrying the plugin's data.</li>
 * <li>Plugins that flush a flow per message (dns, ntp, sip, rtsp, wg): per biflow key, the packets,
 *     bytes, first and last times added up over ipfixprobe's records equal weir's ("totals").</li>
 * </ul>
 * passivedns and netbios list a flow once per DNS answer / NetBIOS name, so their records are
 * first reduced to distinct basic-field values.
 */
class IpfixprobeGoldenTest
{
    private static final Map<String, String> CAPTURES = Map.ofEntries(
        Map.entry("basic", "mixed.pcap"),
        Map.entry("basicplus", "http.pcap"),
        Map.entry("bstats", "bstats.pcap"),
        Map.entry("dns", "dns.pcap"),
        Map.entry("dnssd", "dnssd.pcap"),
        Map.entry("http", "http.pcap"),
        Map.entry("idpcontent", "idpcontent.pcap"),
        Map.entry("mqtt", "mqtt.pcap"),
        Map.entry("netbios", "netbios.pcap"),
        Map.entry("nettisa", "mixed.pcap"),
        Map.entry("ntp", "ntp.pcap"),
        Map.entry("ovpn", "ovpn.pcap"),
        Map.entry("passivedns", "dns.pcap"),
        Map.entry("phists", "mixed.pcap"),
        Map.entry("pstats", "mixed.pcap"),
        Map.entry("quic", "quic_initial-sample.pcap"),
        Map.entry("rtsp", "rtsp.pcap"),
        Map.entry("sip", "sip.pcap"),
        Map.entry("smtp", "smtp.pcap"),
        Map.entry("ssadetector", "ovpn.pcap"),
        Map.entry("ssdp", "ssdp.pcap"),
        Map.entry("tls", "tls.pcap"),
        Map.entry("vlan", "vlan.pcap"),
        Map.entry("wg", "wg.pcap"));

    /** One record per DNS answer (passivedns) or per NetBIOS name (netbios), repeating the flow's basic fields. */
    private static final Set<String> LISTED_PER_ITEM = Set.of("passivedns", "netbios");

    /** Flows are whole in these (the plugin adds fields but never splits a flow). */
    private static final String[] SUBSET = {
        "basicplus", "bstats", "dnssd", "http", "idpcontent", "mqtt", "netbios", "nettisa", "ovpn", "passivedns",
        "phists", "pstats", "quic", "smtp", "ssadetector", "ssdp", "tls", "vlan"};

    /**
     * Every listed key carries all of its packets in these. Not nettisa: it leaves out flows of a
     * single packet, so a key can lose some of its flows (10.5.5.26 to 10.5.5.1 ICMP in mixed.pcap).
     */
    private static final String[] TOTALS = {
        "basic", "basicplus", "bstats", "dns", "dnssd", "http", "idpcontent", "mqtt", "netbios", "ntp", "ovpn",
        "passivedns", "phists", "pstats", "quic", "rtsp", "sip", "smtp", "ssadetector", "ssdp", "tls", "vlan", "wg"};

    @TempDir
    Path tempDir;

    @Test
    void basicIsExactlyTheSameFlows() throws IOException
    {
        final List<Flow> expected = expectedFlows("basic");
        final List<Flow> actual = weirFlows("basic", false);
        assertEquals(48, expected.size(), "reference basic has 48 flows");
        final Map<Flow, Integer> missing = Multiset.minus(expected, actual);
        final Map<Flow, Integer> extra = Multiset.minus(actual, expected);
        if (!missing.isEmpty() || !extra.isEmpty())
        {
            fail("mixed.pcap: flows only in ipfixprobe's output:\n" + Multiset.describe(missing)
                + "flows only in weir's output:\n" + Multiset.describe(extra));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subsetNames")
    void everyListedFlowIsOneOfWeirs(final String name) throws IOException
    {
        final List<Flow> expected = expectedFlows(name);
        final boolean vlan = reference(name).types().containsKey("VLAN_ID");
        final List<Flow> actual = weirFlows(name, vlan);
        assertTrue(!expected.isEmpty(), name + " lists no flows");
        final Map<Flow, Integer> missing = Multiset.minus(expected, actual);
        if (!missing.isEmpty())
        {
            fail(name + " (" + CAPTURES.get(name) + "): " + missing.size() + " of ipfixprobe's flows are not in weir's "
                + "output:\n" + Multiset.describe(missing) + "weir's flows:\n" + Multiset.describe(Multiset.of(actual)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("totalsNames")
    void perKeyTotalsAgree(final String name) throws IOException
    {
        final List<Flow> expected = expectedFlows(name);
        final boolean vlan = reference(name).types().containsKey("VLAN_ID");
        final Map<BiflowKey, Totals> expectedTotals = Totals.ofFlows(expected);
        final Map<BiflowKey, Totals> actualTotals = Totals.ofFlows(weirFlows(name, vlan));
        final StringBuilder differences = new StringBuilder();
        for (final Map.Entry<BiflowKey, Totals> entry : expectedTotals.entrySet())
        {
            final Totals actual = actualTotals.get(entry.getKey());
            if (!entry.getValue().equals(actual))
            {
                differences.append("  ").append(entry.getKey()).append(": ipfixprobe ").append(entry.getValue())
                    .append(", weir ").append(actual).append('\n');
            }
        }
        assertTrue(!expectedTotals.isEmpty(), name + " lists no flows");
        assertEquals("", differences.toString(), name + " (" + CAPTURES.get(name) + "): per-key totals differ");
    }

    @Test
    void everyReferenceOutputIsChecked() throws IOException
    {
        final Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(TestData.expected("basic").getParent()))
        {
            list.map(file -> file.getFileName().toString())
                .filter(file -> !file.endsWith(".md"))
                .forEach(files::add);
        }
        assertEquals(new TreeSet<>(CAPTURES.keySet()), files);
        final Set<String> checked = new TreeSet<>(List.of(SUBSET));
        checked.addAll(List.of(TOTALS));
        assertEquals(files, checked, "every reference output is in SUBSET or TOTALS");
    }

    static Stream<String> subsetNames()
    {
        return Stream.of(SUBSET);
    }

    static Stream<String> totalsNames()
    {
        return Stream.of(TOTALS);
    }

    private static IpfixprobeReference reference(final String name) throws IOException
    {
        return IpfixprobeReference.read(TestData.expected(name));
    }

    private static List<Flow> expectedFlows(final String name) throws IOException
    {
        final List<Flow> flows = new ArrayList<>();
        for (final Map<String, String> record : reference(name).records())
        {
            flows.add(Flow.fromUnirec(record));
        }
        return LISTED_PER_ITEM.contains(name) ? new ArrayList<>(new LinkedHashSet<>(flows)) : flows;
    }

    private List<Flow> weirFlows(final String name, final boolean keepVlan) throws IOException
    {
        final JsonRun run = JsonRun.of(tempDir, name, "-i", "pcap;file=" + Repository.pcap(CAPTURES.get(name)));
        final List<Flow> flows = new ArrayList<>();
        for (final Flow flow : run.flows())
        {
            flows.add(keepVlan ? flow : flow.withoutVlan());
        }
        return flows;
    }
}
