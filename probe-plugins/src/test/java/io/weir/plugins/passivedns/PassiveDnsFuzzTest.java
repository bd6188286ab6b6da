package io.weir.plugins.passivedns;

import io.weir.core.plugin.PluginOptions;
import io.weir.plugins.dnsmessage.testing.PluginFuzzer;
import org.junit.jupiter.api.Test;

/** Damaged DNS responses never throw out of the passivedns plugin; every flow is exported. */
class PassiveDnsFuzzTest
{
    @Test
    void survivesDamagedResponses()
    {
        new PluginFuzzer(slots -> new PassiveDnsPluginFactory().create(PluginOptions.parse("passivedns"), slots), 7)
            .frames("dns.pcap").frames("vlan.pcap").run(5000).check();
    }
}
