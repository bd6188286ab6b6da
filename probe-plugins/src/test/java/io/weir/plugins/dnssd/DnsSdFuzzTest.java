package io.weir.plugins.dnssd;

import io.weir.core.plugin.PluginOptions;
import io.weir.plugins.dnsmessage.testing.PluginFuzzer;
import org.junit.jupiter.api.Test;

/** Damaged mDNS messages never throw out of the dnssd plugin, with or without TXT; every flow is exported. */
class DnsSdFuzzTest
{
    @Test
    void survivesDamagedMessages()
    {
        new PluginFuzzer(slots -> new DnsSdPluginFactory().create(PluginOptions.parse("dnssd"), slots), 5353)
            .frames("dnssd.pcap").run(5000).check();
    }

    @Test
    void survivesDamagedMessagesWithTxt()
    {
        new PluginFuzzer(slots -> new DnsSdPluginFactory().create(PluginOptions.parse("dnssd;txt"), slots), 16)
            .frames("dnssd.pcap").run(5000).check();
    }
}
