package io.weir.plugins.basicplus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.TestData;
import io.weir.plugins.pstats.testing.Golden;
import io.weir.plugins.pstats.testing.Tshark;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every TCP flow of captures with handshakes against what tshark decodes from the same packets:
 * per direction the first packet's IP flags, window and MSS option, the highest TTL, the option
 * kinds seen; the SYN size.
 */
class BasicPlusTsharkTest
{
    private static final String[] FIELDS = {"frame.time_epoch", "ip.src", "ipv6.src", "tcp.srcport", "ip.dst",
        "ipv6.dst", "tcp.dstport", "ip.ttl", "ipv6.hlim", "ip.flags.rb", "ip.flags.df", "ip.flags.mf",
        "tcp.window_size_value", "tcp.options.mss_val", "tcp.flags", "ip.len", "ipv6.plen"};

    @ParameterizedTest
    @ValueSource(strings = {"tls.pcap", "idpcontent.pcap", "rtsp.pcap", "loopback-ethernet.pcap"})
    void everyTcpFlowAgreesWithTshark(final String capture) throws Exception
    {
        final Path file = TestData.capture(capture);
        final List<CollectedRecord> records = Golden.run(file, new BasicPlusPlugin(Golden.flowSlots()));
        final List<String[]> packets = Tshark.fields(file, "tcp", FIELDS);
        final List<String[]> kinds = Tshark.allOccurrences(file, "tcp", "frame.time_epoch", "tcp.option_kind");
        int checked = 0;
        int withSyn = 0;
        for (final CollectedRecord record : records)
        {
            final Map<String, String> r = record.byIpfixprobeName();
            if (!"6".equals(r.get("PROTOCOL")))
            {
                continue;
            }
            final long first = Tshark.recordMicros(r.get("TIME_FIRST"));
            final long last = Tshark.recordMicros(r.get("TIME_LAST"));
            final List<Integer> forward = new ArrayList<>();
            final List<Integer> reverse = new ArrayList<>();
            for (int i = 0; i < packets.size(); i++)
            {
                final String[] p = packets.get(i);
                final long time = Tshark.epochMicros(p[0]);
                if (time < first || time > last)
                {
                    continue;
                }
                final String source = p[1].isEmpty() ? p[2] : p[1];
                final String destination = p[4].isEmpty() ? p[5] : p[4];
                if (source.equals(r.get("SRC_IP")) && p[3].equals(r.get("SRC_PORT"))
                    && destination.equals(r.get("DST_IP")) && p[6].equals(r.get("DST_PORT")))
                {
                    forward.add(i);
                }
                else if (source.equals(r.get("DST_IP")) && p[3].equals(r.get("DST_PORT"))
                    && destination.equals(r.get("SRC_IP")) && p[6].equals(r.get("SRC_PORT")))
                {
                    reverse.add(i);
                }
            }
            assertEquals(Long.parseLong(r.get("PACKETS")), forward.size(), "forward packets of " + r);
            assertEquals(Long.parseLong(r.get("PACKETS_REV")), reverse.size(), "reverse packets of " + r);
            expectDirection(r, "", packets, kinds, forward);
            expectDirection(r, "_REV", packets, kinds, reverse);
            final String[] opening = packets.get(forward.get(0));
            final boolean bareSyn = Integer.decode(opening[14]) == 0x02;
            withSyn += bareSyn ? 1 : 0;
            final int ipLength = opening[15].isEmpty() ? Integer.parseInt(opening[16]) + 40 : Integer.parseInt(opening[15]);
            assertEquals(bareSyn ? String.valueOf(ipLength) : "0", r.get("TCP_SYN_SIZE"), "SYN size of " + r);
            checked++;
        }
        assertTrue(checked > 0 && withSyn > 0, "flows checked: " + checked + ", with SYN: " + withSyn);
    }

    private static void expectDirection(final Map<String, String> r, final String suffix, final List<String[]> packets,
                                        final List<String[]> kinds, final List<Integer> direction)
    {
        if (direction.isEmpty())
        {
            assertEquals("0", r.get("IP_TTL" + suffix));
            assertEquals("0", r.get("TCP_OPT" + suffix));
            return;
        }
        final String[] first = packets.get(direction.get(0));
        final boolean ipv6 = first[1].isEmpty();
        final int flags = ipv6 ? 0 : Integer.parseInt(first[9]) << 2 | Integer.parseInt(first[10]) << 1
            | Integer.parseInt(first[11]);
        assertEquals(String.valueOf(flags), r.get("IP_FLG" + suffix), "IP flags" + suffix + " of " + r);
        assertEquals(first[12], r.get("TCP_WIN" + suffix), "window" + suffix + " of " + r);
        assertEquals(first[13].isEmpty() ? "0" : first[13], r.get("TCP_MSS" + suffix), "MSS" + suffix + " of " + r);
        int ttl = 0;
        long options = 0;
        for (final int i : direction)
        {
            final String[] p = packets.get(i);
            ttl = Math.max(ttl, Integer.parseInt(ipv6 ? p[8] : p[7]));
            for (final String kind : Tshark.all(kinds.get(i)[1]))
            {
                final int k = Integer.parseInt(kind);
                options |= 1L << ((k & 0xF8) + (7 - (k & 0x07)));
            }
        }
        assertEquals(String.valueOf(ttl), r.get("IP_TTL" + suffix), "TTL" + suffix + " of " + r);
        assertEquals(Long.toUnsignedString(options), r.get("TCP_OPT" + suffix), "options" + suffix + " of " + r);
    }
}
