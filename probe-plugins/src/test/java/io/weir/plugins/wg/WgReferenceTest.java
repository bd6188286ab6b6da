package io.weir.plugins.wg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.IpfixprobeReference;
import io.weir.core.testing.ReferenceMatch;
import io.weir.core.testing.TestData;
import io.weir.plugins.wg.testing.PluginRun;
import io.weir.plugins.wg.testing.Tshark;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden test: weir's wg records from wg.pcap equal ipfixprobe's pcaps/expected/wg on every field,
 * except TIME_FIRST of the flows that a new handshake started (flush with reinsert): ipfixprobe
 * gives them the previous flow's TIME_LAST, the time of a packet that belongs to the previous flow.
 * weir gives them the time of their own first packet, the handshake initiation; the test proves
 * with tshark that the reference time is the previous flow's last packet and that the next packet of
 * the conversation is that initiation. Peers are checked against tshark's sender/receiver indexes.
 */
class WgReferenceTest
{
    private static List<CollectedRecord> run() throws InterruptedException
    {
        return PluginRun.with(PluginRun.records(WgPlugin::new, WgCapture.CAPTURE), "WG_CONF_LEVEL");
    }

    @Test
    void everyReferenceRecordIsMatchedOnEveryFieldWithTsharkProvenFirstTimes() throws Exception
    {
        final IpfixprobeReference reference = IpfixprobeReference.read(TestData.expected("wg"));
        int corrected = 0;
        for (final Map<String, String> record : reference.records())
        {
            final Map<String, String> previous = previousFlow(reference, record);
            if (previous == null)
            {
                continue;
            }
            final List<WgCapture.Packet> conversation = conversation(record);
            int last = -1;
            for (int i = 0; i < conversation.size(); i++)
            {
                if (conversation.get(i).time().equals(previous.get("TIME_LAST")))
                {
                    last = i;
                }
            }
            assertTrue(last >= 0 && last + 1 < conversation.size(), () -> "no packet at " + previous.get("TIME_LAST"));
            final WgCapture.Packet first = conversation.get(last + 1);
            assertEquals("1", first.type(), "the flow starts with a handshake initiation");
            final String sender = WgCapture.index(first.sender());
            final boolean forward = first.source().equals(record.get("SRC_IP"))
                && Integer.toString(first.sourcePort()).equals(record.get("SRC_PORT"));
            assertEquals(sender, record.get(forward ? "WG_SRC_PEER" : "WG_DST_PEER"));
            assertTrue(first.time().compareTo(record.get("TIME_FIRST")) > 0);
            record.put("TIME_FIRST", first.time());
            corrected++;
        }
        final ReferenceMatch match = ReferenceMatch.of(reference, PluginRun.comparedFields(reference), run());
        assertTrue(match.missing().isEmpty() && match.extra().isEmpty(), match::report);
        assertEquals(13, reference.records().size());
        assertEquals(8, corrected);
    }

    /** The reference record of the same conversation that ended when this one began, or null. */
    private static Map<String, String> previousFlow(final IpfixprobeReference reference,
                                                   final Map<String, String> record)
    {
        for (final Map<String, String> other : reference.records())
        {
            if (other != record && other.get("TIME_LAST").equals(record.get("TIME_FIRST"))
                && other.get("SRC_IP").equals(record.get("SRC_IP")) && other.get("DST_IP").equals(record.get("DST_IP"))
                && other.get("SRC_PORT").equals(record.get("SRC_PORT"))
                && other.get("DST_PORT").equals(record.get("DST_PORT")))
            {
                return other;
            }
        }
        return null;
    }

    private static List<WgCapture.Packet> conversation(final Map<String, String> record)
    {
        final List<WgCapture.Packet> packets = new ArrayList<>();
        for (final WgCapture.Packet packet : WgCapture.packets())
        {
            if (packet.between(record.get("SRC_IP"), Integer.parseInt(record.get("SRC_PORT")), record.get("DST_IP"),
                Integer.parseInt(record.get("DST_PORT"))))
            {
                packets.add(packet);
            }
        }
        return packets;
    }

    @Test
    void peersAreTheIndexesTsharkReadsFromTheFlowsMessages() throws Exception
    {
        int checked = 0;
        for (final CollectedRecord collected : run())
        {
            final Map<String, String> record = collected.byIpfixprobeName();
            final List<WgCapture.Packet> packets = new ArrayList<>();
            for (final WgCapture.Packet packet : conversation(record))
            {
                if (packet.time().compareTo(record.get("TIME_FIRST")) >= 0
                    && packet.time().compareTo(record.get("TIME_LAST")) <= 0)
                {
                    packets.add(packet);
                }
            }
            assertEquals(Long.parseLong(record.get("PACKETS")) + Long.parseLong(record.get("PACKETS_REV")),
                packets.size(), () -> "packets of " + record);
            if (packets.get(0).type().isEmpty())
            {
                assertEquals("1", record.get("WG_CONF_LEVEL"), "only the DNS look-alike is not dissected as WireGuard");
                continue;
            }
            String source = "0";
            String destination = "0";
            for (final WgCapture.Packet packet : packets)
            {
                final boolean forward = packet.source().equals(record.get("SRC_IP"))
                    && Integer.toString(packet.sourcePort()).equals(record.get("SRC_PORT"));
                switch (packet.type())
                {
                    case "1" -> {
                        if (forward)
                        {
                            source = WgCapture.index(packet.sender());
                        }
                        else
                        {
                            destination = WgCapture.index(packet.sender());
                        }
                    }
                    case "2" -> {
                        source = WgCapture.index(forward ? packet.sender() : packet.receiver());
                        destination = WgCapture.index(forward ? packet.receiver() : packet.sender());
                    }
                    default -> {
                        if (forward)
                        {
                            destination = WgCapture.index(packet.receiver());
                        }
                        else
                        {
                            source = WgCapture.index(packet.receiver());
                        }
                    }
                }
            }
            assertEquals(source, record.get("WG_SRC_PEER"), () -> "record " + record);
            assertEquals(destination, record.get("WG_DST_PEER"), () -> "record " + record);
            assertEquals("100", record.get("WG_CONF_LEVEL"));
            checked++;
        }
        assertEquals(12, checked);
    }

    @Test
    void theDnsLookalikeIsAQueryWithIdThreeAndZeroFlags()
    {
        final List<List<String>> queries = Tshark.fields(WgCapture.CAPTURE, "dns", "dns.id", "dns.flags",
            "dns.count.queries", "dns.count.answers", "udp.length");
        assertEquals(List.of(List.of("0x0300", "0x0000", "1", "0", "72")), queries,
            "a 64-byte query whose first bytes read as a cookie reply; ipfixprobe and weir give it level 1");
    }
}
