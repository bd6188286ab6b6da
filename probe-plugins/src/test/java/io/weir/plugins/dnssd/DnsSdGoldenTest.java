package io.weir.plugins.dnssd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.core.plugin.PluginOptions;
import io.weir.core.testing.ReferenceMatch;
import io.weir.plugins.dnsmessage.testing.Golden;
import org.junit.jupiter.api.Test;

/** dnssd.pcap through the whole pipeline with -p dnssd gives ipfixprobe's records, field by field. */
class DnsSdGoldenTest
{
    @Test
    void matchesIpfixprobeOnEveryField() throws Exception
    {
        final Golden golden = Golden.run("dnssd.pcap", "dnssd",
            new DnsSdPluginFactory().create(PluginOptions.parse("dnssd"), 1 << 17));
        final ReferenceMatch match = golden.match(
            Golden.asReferenceText(golden.records(), "DNSSD_QUERIES", "DNSSD_RESPONSES"));

        assertTrue(match.missing().isEmpty() && golden.unmatchedPluginRecords(match).isEmpty(), golden.report(match));
        assertEquals(golden.reference().records().size(), golden.pluginRecords().size(), golden.report(match));
    }
}
