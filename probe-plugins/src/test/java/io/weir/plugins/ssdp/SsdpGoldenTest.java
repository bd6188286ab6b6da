package io.weir.plugins.ssdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.core.plugin.PluginOptions;
import io.weir.core.testing.ReferenceMatch;
import io.weir.plugins.dnsmessage.testing.Golden;
import org.junit.jupiter.api.Test;

/** ssdp.pcap through the whole pipeline with -p ssdp gives ipfixprobe's records, field by field. */
class SsdpGoldenTest
{
    @Test
    void matchesIpfixprobeOnEveryField() throws Exception
    {
        final Golden golden = Golden.run("ssdp.pcap", "ssdp",
            new SsdpPluginFactory().create(PluginOptions.parse("ssdp"), 1 << 17));
        final ReferenceMatch match = golden.match();

        assertTrue(match.missing().isEmpty() && golden.unmatchedPluginRecords(match).isEmpty(), golden.report(match));
        assertEquals(golden.reference().records().size(), golden.pluginRecords().size(), golden.report(match));
    }
}
