package io.weir.plugins.dns;

import static io.weir.core.testing.Frames.TCP_ACK;
import static io.weir.core.testing.Frames.TCP_PSH;
import static io.weir.core.testing.Frames.TCP_SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.PipelineHarness;
import io.weir.plugins.dnsmessage.testing.CaptureFrames;
import io.weir.plugins.dnsmessage.testing.PcapWriter;
import io.weir.plugins.dnsmessage.testing.Tshark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS over TCP: the messages of dns.pcap (kernel.org query and response, frames 1 and 2; the
 * google.com MX query, frame 11) sent again length-prefixed over TCP connections written for the
 * test, checked against tshark's DNS-over-TCP dissector.
 */
class DnsOverTcpTest
{
    private static final String CLIENT = "192.0.2.10";
    private static final String SERVER = "192.0.2.53";

    @TempDir
    Path dir;

    private static byte[] prefixed(final byte[]... messages)
    {
        int length = 0;
        for (final byte[] m : messages)
        {
            length += 2 + m.length;
        }
        final byte[] out = new byte[length];
        int at = 0;
        for (final byte[] m : messages)
        {
            out[at] = (byte)(m.length >>> 8);
            out[at + 1] = (byte)m.length;
            System.arraycopy(m, 0, out, at + 2, m.length);
            at += 2 + m.length;
        }
        return out;
    }

    @Test
    void readsLengthPrefixedMessagesAndLeavesSplitOnesAlone() throws Exception
    {
        final byte[] query = CaptureFrames.frame("dns.pcap", 1).payload();
        final byte[] response = CaptureFrames.frame("dns.pcap", 2).payload();
        final byte[] mxQuery = CaptureFrames.frame("dns.pcap", 11).payload();
        final byte[] empty = new byte[0];
        final byte[] split = prefixed(response);

        final List<byte[]> frames = new ArrayList<>();
        // connection A: handshake, query, response
        frames.add(PcapWriter.tcp4(CLIENT, 40001, SERVER, 53, TCP_SYN, 1000, empty));
        frames.add(PcapWriter.tcp4(SERVER, 53, CLIENT, 40001, TCP_SYN | TCP_ACK, 5000, empty));
        frames.add(PcapWriter.tcp4(CLIENT, 40001, SERVER, 53, TCP_ACK, 1001, empty));
        frames.add(PcapWriter.tcp4(CLIENT, 40001, SERVER, 53, TCP_ACK | TCP_PSH, 1001, prefixed(query)));
        frames.add(PcapWriter.tcp4(SERVER, 53, CLIENT, 40001, TCP_ACK | TCP_PSH, 5001, prefixed(response)));
        // connection B: the response comes in two segments
        frames.add(PcapWriter.tcp4(CLIENT, 40002, SERVER, 53, TCP_ACK | TCP_PSH, 2001, prefixed(query)));
        frames.add(PcapWriter.tcp4(SERVER, 53, CLIENT, 40002, TCP_ACK | TCP_PSH, 6001, Arrays.copyOf(split, 30)));
        frames.add(PcapWriter.tcp4(SERVER, 53, CLIENT, 40002, TCP_ACK | TCP_PSH, 6031,
            Arrays.copyOfRange(split, 30, split.length)));
        // connection C: two queries in one segment
        frames.add(PcapWriter.tcp4(CLIENT, 40003, SERVER, 53, TCP_ACK | TCP_PSH, 3001, prefixed(mxQuery, query)));
        final Path capture = PcapWriter.write(dir.resolve("dns-tcp.pcap"), frames);

        final List<String[]> tshark = Tshark.fields(capture, "dns", "frame.number", "tcp.srcport", "tcp.dstport",
            "dns.qry.name", "dns.qry.type", "dns.count.answers", "dns.a");
        assertEquals(List.of("4", "5", "6", "8", "9"), tshark.stream().map(r -> r[0]).toList());

        final List<CollectedRecord> records = PipelineHarness.run(capture,
            new PluginChain(List.of(new DnsPluginFactory().create(PluginOptions.parse("dns"), 1 << 17))));

        final Map<String, String> aQuery = record(records, "40001", "3");
        assertEquals(tshark.get(0)[3], aQuery.get("DNS_NAME"));
        assertEquals(tshark.get(0)[4], aQuery.get("DNS_QTYPE"));
        assertEquals("1", aQuery.get("PACKETS_REV"));

        final Map<String, String> aResponse = record(records, "40001", "1");
        assertEquals(SERVER, aResponse.get("SRC_IP"));
        assertEquals(tshark.get(1)[5], aResponse.get("DNS_ANSWERS"));
        assertEquals(tshark.get(1)[6].split("\\|")[0], aResponse.get("DNS_RDATA_TEXT"));

        assertEquals(tshark.get(2)[3], record(records, "40002", "1").get("DNS_NAME"));
        // tshark reassembles the split response (frame 8); weir reads one segment at a time
        final Map<String, String> split2 = find(records, "40002", SERVER);
        assertEquals("2", split2.get("PACKETS"));
        assertFalse(split2.containsKey("DNS_NAME"), split2.toString());

        final Map<String, String> twoInOne = record(records, "40003", "1");
        assertEquals(tshark.get(4)[3].split("\\|")[0], twoInOne.get("DNS_NAME"));
        assertEquals(tshark.get(4)[4].split("\\|")[0], twoInOne.get("DNS_QTYPE"));
        assertTrue(tshark.get(4)[3].contains("|"), "tshark sees both messages of the segment");
    }

    /** The record of the client port whose DNS fields are set and whose flow has {@code packets} forward packets. */
    private static Map<String, String> record(final List<CollectedRecord> records, final String clientPort,
                                              final String packets)
    {
        for (final CollectedRecord record : records)
        {
            final Map<String, String> r = record.byIpfixprobeName();
            if (r.containsKey("DNS_NAME") && (clientPort.equals(r.get("SRC_PORT")) || clientPort.equals(r.get("DST_PORT")))
                && packets.equals(r.get("PACKETS")))
            {
                final Map<String, String> withText = new java.util.LinkedHashMap<>(r);
                withText.put("DNS_RDATA_TEXT", new String(java.util.HexFormat.of().parseHex(r.get("DNS_RDATA")),
                    java.nio.charset.StandardCharsets.ISO_8859_1));
                return withText;
            }
        }
        throw new AssertionError("no DNS record for port " + clientPort + " with " + packets + " packets: " + records);
    }

    private static Map<String, String> find(final List<CollectedRecord> records, final String clientPort,
                                            final String source)
    {
        for (final CollectedRecord record : records)
        {
            final Map<String, String> r = record.byIpfixprobeName();
            if (clientPort.equals(r.get("DST_PORT")) && source.equals(r.get("SRC_IP")))
            {
                return r;
            }
        }
        throw new AssertionError("no record from " + source + " to port " + clientPort + ": " + records);
    }
}
