package io.weir.plugins.flowhash;

import java.util.List;
import java.util.Map;

import io.weir.core.testing.CollectedRecord;
import io.weir.plugins.pstats.testing.Captures;
import io.weir.plugins.pstats.testing.Golden;
import io.weir.plugins.pstats.testing.TestFrames;
import org.junit.jupiter.api.Test;

import static io.weir.plugins.pstats.testing.TestFrames.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * FLOW_ID against keys laid out by hand (Python struct.pack of ipfixprobe's flow_key_v4_t /
 * flow_key_v6_t on a little-endian host) and hashed by xxhsum.
 */
class FlowHashPluginTest
{
    /** 44338, 80, TCP, 4, 192.168.0.30, 54.175.219.8, VLAN 0: xxhsum gives af814f522228a808. */
    @Test
    void ipv4FlowOfTheHttpCapture() throws Exception
    {
        final List<CollectedRecord> records = Golden.run("http.pcap", new FlowHashPlugin(Golden.flowSlots()));
        int found = 0;
        for (final CollectedRecord record : records)
        {
            final Map<String, String> r = record.byIpfixprobeName();
            if (r.get("SRC_PORT").equals("44338"))
            {
                assertEquals("192.168.0.30", r.get("SRC_IP"));
                assertEquals(Long.toUnsignedString(0xaf814f522228a808L), r.get("FLOW_ID"));
                found++;
            }
        }
        assertEquals(1, found);
    }

    /** 41685, 8787, UDP, 6, ::1, ::1, VLAN 150: xxhsum gives 9c4251cdd4c83838. */
    @Test
    void ipv6KeyLayout()
    {
        assertEquals(0x9c4251cdd4c83838L, new FlowKeyHash().ipv6(41685, 8787, 17, 0, 1, 0, 1, 150));
    }

    @Test
    void bothDirectionsShareTheFirstPacketsKey() throws Exception
    {
        final List<CollectedRecord> records = Golden.run(Captures.write(List.of(
            at(1.0, TestFrames.udp("192.0.2.1", 1000, "192.0.2.2", 2000, 10)),
            at(1.1, TestFrames.udp("192.0.2.2", 2000, "192.0.2.1", 1000, 10)),
            at(1.2, TestFrames.udp("192.0.2.2", 2000, "192.0.2.1", 1001, 10)))), new FlowHashPlugin(Golden.flowSlots()));
        assertEquals(2, records.size());
        final FlowKeyHash key = new FlowKeyHash();
        final long first = key.ipv4(1000, 2000, 17, 0xC000_0201L, 0xC000_0202L, 0);
        final long second = key.ipv4(2000, 1001, 17, 0xC000_0202L, 0xC000_0201L, 0);
        assertNotEquals(first, second);
        for (final CollectedRecord record : records)
        {
            final Map<String, String> r = record.byIpfixprobeName();
            assertEquals(Long.toUnsignedString(r.get("DST_PORT").equals("2000") ? first : second), r.get("FLOW_ID"));
        }
    }
}
