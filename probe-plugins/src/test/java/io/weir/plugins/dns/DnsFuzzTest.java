package io.weir.plugins.dns;

import java.util.ArrayList;
import java.util.List;

import io.weir.core.plugin.PluginOptions;
import io.weir.plugins.dnsmessage.testing.CaptureFrames;
import io.weir.plugins.dnsmessage.testing.PcapWriter;
import io.weir.plugins.dnsmessage.testing.PluginFuzzer;
import org.junit.jupiter.api.Test;

/** Damaged DNS messages, over UDP and TCP, never throw out of the dns plugin; every flow is exported. */
class DnsFuzzTest
{
    private static PluginFuzzer fuzzer(final long seed)
    {
        return new PluginFuzzer(slots -> new DnsPluginFactory().create(PluginOptions.parse("dns"), slots), seed);
    }

    @Test
    void survivesDamagedDatagrams()
    {
        fuzzer(4).frames("dns.pcap").frames("vlan.pcap").frames("smtp.pcap").run(5000).check();
    }

    @Test
    void survivesDamagedTcpMessages()
    {
        final List<byte[]> segments = new ArrayList<>();
        for (final CaptureFrames.Frame frame : CaptureFrames.read("dns.pcap"))
        {
            final byte[] message = frame.payload();
            final byte[] prefixed = new byte[message.length + 2];
            prefixed[0] = (byte)(message.length >>> 8);
            prefixed[1] = (byte)message.length;
            System.arraycopy(message, 0, prefixed, 2, message.length);
            segments.add(PcapWriter.tcp4("192.0.2.10", 40000, "192.0.2.53", 53, prefixed));
        }
        fuzzer(53).frames(segments).run(5000).check();
    }
}
