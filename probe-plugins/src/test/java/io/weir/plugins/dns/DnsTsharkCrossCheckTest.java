package io.weir.plugins.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.PipelineHarness;
import io.weir.core.testing.TestData;
import io.weir.plugins.dnsmessage.testing.Tshark;
import org.junit.jupiter.api.Test;

/**
 * Against tshark on every bundled capture: each DNS message tshark dissects (its first question's
 * name and type, and the response code when tshark shows one, i.e. for responses) is on a record
 * of the same flow (addresses, ports, protocol, either orientation) in weir's output with -p dns,
 * one record per message. Messages that tshark finds quoted inside ICMP errors are not DNS flows
 * and are left out ({@code !icmp && !icmpv6}).
 */
class DnsTsharkCrossCheckTest
{
    private static final String[] FIELDS = {"frame.number", "ip.src", "ipv6.src", "ip.dst", "ipv6.dst", "ip.proto",
        "ipv6.nxt", "udp.srcport", "udp.dstport", "tcp.srcport", "tcp.dstport", "dns.qry.name", "dns.qry.type",
        "dns.flags.rcode"};

    @Test
    void everyQuestionTsharkSeesIsOnItsFlow() throws Exception
    {
        final List<Path> captures;
        try (Stream<Path> files = Files.list(TestData.root().resolve("pcaps")))
        {
            captures = files.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
        assertTrue(captures.size() >= 19, captures.toString());
        int checked = 0;
        final List<String> failures = new ArrayList<>();
        for (final Path capture : captures)
        {
            final List<String[]> rows = Tshark.fields(capture, "dns && !icmp && !icmpv6", FIELDS);
            if (rows.isEmpty())
            {
                continue;
            }
            final List<CollectedRecord> records = new ArrayList<>(PipelineHarness.run(capture,
                new PluginChain(List.of(new DnsPluginFactory().create(PluginOptions.parse("dns"), 1 << 17)))));
            for (final String[] row : rows)
            {
                checked++;
                final String problem = findAndRemove(row, records);
                if (problem != null)
                {
                    failures.add(capture.getFileName() + " frame " + row[0] + ": " + problem);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        // dns.pcap 16, mixed.pcap 12 (11 more are quoted in ICMP errors), smtp.pcap 2, vlan.pcap 6, wg.pcap 1
        assertEquals(37, checked, "DNS messages tshark shows in the bundled captures");
    }

    private static String findAndRemove(final String[] row, final List<CollectedRecord> records)
    {
        final String source = first(row[1]).isEmpty() ? first(row[2]) : first(row[1]);
        final String destination = first(row[3]).isEmpty() ? first(row[4]) : first(row[3]);
        final String protocol = first(row[5]).isEmpty() ? first(row[6]) : first(row[5]);
        final boolean udp = protocol.equals("17");
        final String sourcePort = first(udp ? row[7] : row[9]);
        final String destinationPort = first(udp ? row[8] : row[10]);
        final String rawName = first(row[11]);
        final String name = rawName.equals("<Root>") ? "" : rawName;
        final String type = first(row[12]);
        final String rcode = first(row[13]);
        for (int i = 0; i < records.size(); i++)
        {
            final Map<String, String> r = records.get(i).byIpfixprobeName();
            if (!r.containsKey("DNS_NAME") || !protocol.equals(r.get("PROTOCOL")))
            {
                continue;
            }
            final boolean forward = source.equals(r.get("SRC_IP")) && destination.equals(r.get("DST_IP"))
                && sourcePort.equals(r.get("SRC_PORT")) && destinationPort.equals(r.get("DST_PORT"));
            final boolean reverse = source.equals(r.get("DST_IP")) && destination.equals(r.get("SRC_IP"))
                && sourcePort.equals(r.get("DST_PORT")) && destinationPort.equals(r.get("SRC_PORT"));
            if ((forward || reverse) && expectedName(name).equals(r.get("DNS_NAME")) && type.equals(r.get("DNS_QTYPE"))
                && (rcode.isEmpty() || rcode.equals(r.get("DNS_RCODE"))))
            {
                records.remove(i);
                return null;
            }
        }
        return "no record of " + source + ":" + sourcePort + " " + destination + ":" + destinationPort + "/" + protocol
            + " with name '" + name + "' type " + type + " rcode '" + rcode + "'";
    }

    /** weir keeps ipfixprobe's 127-byte DNS_NAME. */
    private static String expectedName(final String name)
    {
        return name.length() > DnsFlowState.NAME_CAPACITY ? name.substring(0, DnsFlowState.NAME_CAPACITY) : name;
    }

    private static String first(final String values)
    {
        final int bar = values.indexOf('|');
        return bar < 0 ? values : values.substring(0, bar);
    }
}
