package io.weir.plugins.netbios;

import io.weir.core.plugin.PluginOptions;
import io.weir.plugins.dnsmessage.testing.PluginFuzzer;
import org.junit.jupiter.api.Test;

/** Damaged NBNS messages never throw out of the netbios plugin; every flow is exported. */
class NetbiosFuzzTest
{
    @Test
    void survivesDamagedMessages()
    {
        new PluginFuzzer(slots -> new NetbiosPluginFactory().create(PluginOptions.parse("netbios"), slots), 137)
            .frames("netbios.pcap").run(5000).check();
    }
}
