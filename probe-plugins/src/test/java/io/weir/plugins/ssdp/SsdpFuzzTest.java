package io.weir.plugins.ssdp;

import io.weir.core.plugin.PluginOptions;
import io.weir.plugins.dnsmessage.testing.PluginFuzzer;
import org.junit.jupiter.api.Test;

/** Damaged SSDP messages never throw out of the ssdp plugin; every flow is exported. */
class SsdpFuzzTest
{
    @Test
    void survivesDamagedMessages()
    {
        new PluginFuzzer(slots -> new SsdpPluginFactory().create(PluginOptions.parse("ssdp"), slots), 1900)
            .frames("ssdp.pcap").run(5000).check();
    }
}
