package io.weir.plugins.passivedns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.weir.core.plugin.PluginOptions;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.IpfixprobeReference;
import io.weir.core.testing.ReferenceMatch;
import io.weir.core.testing.TestData;
import io.weir.plugins.dnsmessage.testing.Golden;
import io.weir.plugins.dnsmessage.testing.PerEntryRun;
import org.junit.jupiter.api.Test;

/**
 * dns.pcap through the whole pipeline with -p passivedns gives ipfixprobe's records, field by
 * field. DNS_IP is exported as 4 or 16 bytes (ipfixprobe's IPFIX DNS_RDATA); the reference prints
 * it as address text, which the test turns into the same bytes with the JDK's literal parser.
 */
class PassiveDnsGoldenTest
{
    @Test
    void eachFlowRecordCarriesOneOfIpfixprobesEntriesOnEveryField() throws Exception
    {
        final Golden golden = Golden.run("dns.pcap", "passivedns",
            new PassiveDnsPluginFactory().create(PluginOptions.parse("passivedns"), 1 << 17));
        for (final Map<String, String> record : golden.reference().records())
        {
            record.put("DNS_IP", addressHex(record.get("DNS_IP")));
        }
        final ReferenceMatch match = golden.match();

        assertTrue(golden.unmatchedPluginRecords(match).isEmpty(), golden.report(match));
        assertEquals("", Golden.onlyFurtherEntriesMissing(match, golden.reference()), golden.report(match));
    }

    /**
     * ipfixprobe makes one record per address answer (the kernel.org response has three). With an
     * exporter that writes one record per entry, weir gives exactly the reference.
     */
    @Test
    void matchesIpfixprobeWithOneRecordPerEntry() throws Exception
    {
        final PassiveDnsPlugin plugin = (PassiveDnsPlugin)new PassiveDnsPluginFactory()
            .create(PluginOptions.parse("passivedns"), 1 << 17);
        final List<CollectedRecord> records = PerEntryRun.run("dns.pcap", plugin, plugin::recordCount, plugin::write);
        final IpfixprobeReference reference = IpfixprobeReference.read(TestData.expected("passivedns"));
        for (final Map<String, String> record : reference.records())
        {
            record.put("DNS_IP", addressHex(record.get("DNS_IP")));
        }
        final List<String> fields = new ArrayList<>(reference.types().keySet());
        fields.removeAll(List.of("LINK_BIT_FIELD", "DIR_BIT_FIELD"));
        final ReferenceMatch match = ReferenceMatch.of(reference, fields, records);
        final long withData = records.stream().filter(r -> r.byName().containsKey("dnsId")).count();

        assertTrue(match.missing().isEmpty(), match.report());
        assertEquals(reference.records().size(), withData, match.report());
    }

    static String addressHex(final String literal) throws Exception
    {
        if (!literal.matches("[0-9a-fA-F:.]+"))
        {
            throw new AssertionError("not an address literal: " + literal);
        }
        return HexFormat.of().formatHex(InetAddress.getByName(literal).getAddress());
    }
}
