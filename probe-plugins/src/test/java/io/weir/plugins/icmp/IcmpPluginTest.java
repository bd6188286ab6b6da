package io.weir.plugins.icmp;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.TestData;
import io.weir.plugins.pstats.testing.Captures;
import io.weir.plugins.pstats.testing.Golden;
import io.weir.plugins.pstats.testing.TestFrames;
import io.weir.plugins.pstats.testing.Tshark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.weir.plugins.pstats.testing.TestFrames.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IcmpPluginTest
{
    /** Each ICMP and ICMPv6 flow carries the type and code tshark decodes from its first packet. */
    @ParameterizedTest
    @ValueSource(strings = {"mixed.pcap", "sip.pcap", "smtp.pcap", "loopback-ethernet.pcap"})
    void typeAndCodeOfTheFirstPacketAsTsharkDecodesThem(final String capture) throws Exception
    {
        final Path file = TestData.capture(capture);
        final List<CollectedRecord> records = Golden.run(file, new IcmpPlugin(Golden.flowSlots()));
        final List<String[]> packets = Tshark.fields(file, "icmp || icmpv6", "frame.time_epoch", "ip.src", "ipv6.src",
            "ip.dst", "ipv6.dst", "icmp.type", "icmp.code", "icmpv6.type", "icmpv6.code");
        int checked = 0;
        for (final CollectedRecord record : records)
        {
            final Map<String, String> r = record.byIpfixprobeName();
            final String protocol = r.get("PROTOCOL");
            if (!"1".equals(protocol) && !"58".equals(protocol))
            {
                assertFalse(r.containsKey("L4_ICMP_TYPE_CODE"), "non-ICMP flow " + r);
                continue;
            }
            final long first = Tshark.recordMicros(r.get("TIME_FIRST"));
            String[] opening = null;
            for (final String[] p : packets)
            {
                final String source = p[1].isEmpty() ? p[2] : p[1];
                final String destination = p[3].isEmpty() ? p[4] : p[3];
                if (Tshark.epochMicros(p[0]) == first && source.equals(r.get("SRC_IP"))
                    && destination.equals(r.get("DST_IP")))
                {
                    opening = p;
                    break;
                }
            }
            assertTrue(opening != null, "no first packet for " + r);
            final int type = Integer.parseInt(opening[5].isEmpty() ? opening[7] : opening[5]);
            final int code = Integer.parseInt(opening[6].isEmpty() ? opening[8] : opening[6]);
            assertEquals(String.valueOf(type << 8 | code), r.get("L4_ICMP_TYPE_CODE"), "type/code of " + r);
            checked++;
        }
        assertTrue(checked > 0);
    }

    @Test
    void laterPacketsDoNotChangeIt() throws Exception
    {
        final List<CollectedRecord> records = Golden.run(Captures.write(List.of(
            at(1.0, TestFrames.icmp("192.0.2.1", "192.0.2.2", 8, 0, 56)),
            at(1.1, TestFrames.icmp("192.0.2.2", "192.0.2.1", 0, 0, 56)),
            at(1.2, TestFrames.icmp("192.0.2.1", "192.0.2.2", 3, 3, 56)))), new IcmpPlugin(Golden.flowSlots()));
        assertEquals(1, records.size());
        assertEquals(String.valueOf(8 << 8), records.get(0).byIpfixprobeName().get("L4_ICMP_TYPE_CODE"));
    }

    @Test
    void icmpv6UsesTheSameField() throws Exception
    {
        final byte[] a = new byte[16];
        final byte[] b = new byte[16];
        a[0] = (byte)0xfe;
        a[1] = (byte)0x80;
        a[15] = 1;
        b[0] = (byte)0xfe;
        b[1] = (byte)0x80;
        b[15] = 2;
        final List<CollectedRecord> records = Golden.run(Captures.write(List.of(
            at(1.0, TestFrames.icmpv6(a, b, 135, 0, 20)))), new IcmpPlugin(Golden.flowSlots()));
        assertEquals(String.valueOf(135 << 8), records.get(0).byIpfixprobeName().get("L4_ICMP_TYPE_CODE"));
    }

    @Test
    void truncatedIcmpHeaderCarriesNoField() throws Exception
    {
        final byte[] frame = TestFrames.icmp("192.0.2.1", "192.0.2.2", 8, 0, 0);
        final byte[] cut = java.util.Arrays.copyOf(frame, 14 + 20 + 1);
        final List<CollectedRecord> records = Golden.run(Captures.write(List.of(
            new Captures.Frame(cut, frame.length, 1_000_000_000L, 1))), new IcmpPlugin(Golden.flowSlots()));
        assertEquals(1, records.size());
        assertFalse(records.get(0).byIpfixprobeName().containsKey("L4_ICMP_TYPE_CODE"));
    }
}
