package io.weir.plugins.ssadetector;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Golden test: weir's ssadetector records from ovpn.pcap equal ipfixprobe's pcaps/expected/ssadetector
 * on every field; and the patterns the detector finds in each flow equal those of a plain scan over
 * the payload lengths, directions and times tshark reads from the capture.
 */
class SsaReferenceTest
{
    @Test
    void everyReferenceRecordIsMatchedOnEveryField() throws Exception
    {
        final IpfixprobeReference reference = IpfixprobeReference.read(TestData.expected("ssadetector"));
        final List<CollectedRecord> records = PluginRun.records(SsaDetectorPlugin::new, TestData.capture("ovpn.pcap"));
        final ReferenceMatch match = ReferenceMatch.of(reference, PluginRun.comparedFields(reference),
            PluginRun.with(records, "SSA_CONF_LEVEL"));
        assertTrue(match.missing().isEmpty() && match.extra().isEmpty(), match::report);
        assertEquals(1, reference.records().size());
        assertEquals(3, records.size(), "the two short UDP flows are exported without the field");
    }

    @Test
    void patternsEqualAPlainScanOfTsharksPayloadLengths()
    {
        final Map<String, List<long[]>> flows = new LinkedHashMap<>();
        final Map<String, String> sources = new LinkedHashMap<>();
        for (final List<String> row : Tshark.fields(TestData.capture("ovpn.pcap"), null, "frame.time_epoch", "ip.src",
            "ip.dst", "tcp.srcport", "tcp.dstport", "udp.srcport", "udp.dstport", "tcp.len", "udp.length"))
        {
            final boolean tcp = !row.get(3).isEmpty();
            final String a = row.get(1) + ":" + row.get(tcp ? 3 : 5);
            final String b = row.get(2) + ":" + row.get(tcp ? 4 : 6);
            final String key = a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
            sources.putIfAbsent(key, a);
            final long length = tcp ? Long.parseLong(row.get(7)) : Long.parseLong(row.get(8)) - 8;
            final long micros = new BigDecimal(row.get(0)).movePointRight(6).longValueExact();
            flows.computeIfAbsent(key, k -> new ArrayList<>())
                .add(new long[] {length, sources.get(key).equals(a) ? 0 : 1, micros});
        }
        assertEquals(3, flows.size());
        int examined = 0;
        for (final Map.Entry<String, List<long[]>> flow : flows.entrySet())
        {
            final List<long[]> packets = flow.getValue();
            final SynTablePool pool = new SynTablePool(1, SsaFlows.MAX_BLOCKS);
            final SsaFlows detector = new SsaFlows(1, pool);
            for (int i = 0; i < packets.size(); i++)
            {
                final long[] packet = packets.get(i);
                detector.onPacket(0, i + 1, (int)packet[0], (int)packet[1], packet[2]);
            }
            final List<Integer> expected = plainScan(packets);
            assertEquals(expected.size(), detector.patterns(0), () -> "patterns in " + flow.getKey());
            detector.onEnd(0, packets.size());
            assertEquals(packets.size() > 30, detector.exported(0));
            if (detector.exported(0))
            {
                assertEquals(plainLevel(packets.size(), expected), detector.level(0));
                assertTrue(expected.size() >= 3, "the OpenVPN-over-TCP flow shows tunnelled handshakes");
                examined++;
            }
            assertEquals(0, pool.lent());
        }
        assertEquals(1, examined);
    }

    /**
     * Independent of the detector's tables: from the 30th packet, a payload of 60..150 bytes completes
     * a pattern when any payload remembered since the last pattern came the other way, was at most 12
     * bytes shorter or equal, and at most 3 s earlier.
     */
    private static List<Integer> plainScan(final List<long[]> packets)
    {
        final List<Integer> patterns = new ArrayList<>();
        final List<long[]> remembered = new ArrayList<>();
        for (int i = 29; i < packets.size(); i++)
        {
            final long[] packet = packets.get(i);
            final long length = packet[0];
            if (length < 60 || length > 150)
            {
                continue;
            }
            boolean found = false;
            for (final long[] earlier : remembered)
            {
                if (earlier[1] != packet[1] && earlier[0] <= length && earlier[0] >= length - 12
                    && packet[2] - earlier[2] <= 3_000_000)
                {
                    found = true;
                    break;
                }
            }
            if (found)
            {
                remembered.clear();
                patterns.add((int)length);
            }
            else
            {
                remembered.add(packet);
            }
        }
        return patterns;
    }

    private static int plainLevel(final int packets, final List<Integer> patterns)
    {
        if (patterns.size() < 3 || (double)packets / patterns.size() > 2500)
        {
            return 0;
        }
        final List<Integer> kept = patterns.subList(0, Math.min(100, patterns.size()));
        final Set<Integer> distinct = new HashSet<>(kept);
        final double share = (double)distinct.size() / kept.size();
        final double limit = patterns.size() < 15 ? 0.6 : patterns.size() < 40 ? 0.4 : 0.2;
        return share <= limit ? 1 : 0;
    }
}
