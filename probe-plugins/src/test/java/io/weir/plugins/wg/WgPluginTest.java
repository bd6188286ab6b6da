package io.weir.plugins.wg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.Frames;
import io.weir.plugins.wg.testing.AllocationProbe;
import io.weir.plugins.wg.testing.Mutations;
import io.weir.plugins.wg.testing.PcapWriter;
import io.weir.plugins.wg.testing.PluginRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plugin in the pipeline: new sessions, non-WireGuard packets, fuzzed payloads, no allocation. */
class WgPluginTest
{
    private static final String A = "10.6.0.1";
    private static final String B = "10.6.0.2";

    @TempDir
    Path temp;

    private static String unsigned(final byte[] payload, final int offset)
    {
        return Long.toString((payload[offset] & 0xFFL) | (payload[offset + 1] & 0xFFL) << 8
            | (payload[offset + 2] & 0xFFL) << 16 | (payload[offset + 3] & 0xFFL) << 24);
    }

    @Test
    void newInitiationFromEitherSideStartsANewFlowWithTheSameOrientation() throws Exception
    {
        final byte[] initiation = WgCapture.firstOfType(1);
        final byte[] response = WgCapture.firstOfType(2);
        final byte[] data = WgCapture.firstOfType(4);
        final byte[] second = initiation.clone();
        second[4] ^= 0x55;
        final Path capture = new PcapWriter()
            .udp(Frames.seconds(1), A, 51820, B, 51821, initiation)
            .udp(Frames.seconds(2), B, 51821, A, 51820, response)
            .udp(Frames.seconds(3), A, 51820, B, 51821, data)
            .udp(Frames.seconds(4), B, 51821, A, 51820, second)
            .write(temp.resolve("sessions.pcap"));
        final List<CollectedRecord> records = PluginRun.records(WgPlugin::new, capture);
        assertEquals(2, records.size());
        records.sort((x, y) -> x.byIpfixprobeName().get("TIME_FIRST").compareTo(y.byIpfixprobeName().get("TIME_FIRST")));
        final Map<String, String> first = records.get(0).byIpfixprobeName();
        assertEquals(A, first.get("SRC_IP"));
        assertEquals("2", first.get("PACKETS"));
        assertEquals("1", first.get("PACKETS_REV"));
        assertEquals(unsigned(response, 8), first.get("WG_SRC_PEER"));
        assertEquals(unsigned(data, 4), first.get("WG_DST_PEER"));
        final Map<String, String> next = records.get(1).byIpfixprobeName();
        assertEquals(A, next.get("SRC_IP"), "the new flow keeps the orientation");
        assertEquals("0", next.get("PACKETS"));
        assertEquals("1", next.get("PACKETS_REV"));
        assertTrue(next.get("TIME_FIRST").endsWith(":04.000000"), "it starts with the new initiation");
        assertEquals("0", next.get("WG_SRC_PEER"));
        assertEquals(unsigned(second, 4), next.get("WG_DST_PEER"));
        assertEquals("100", next.get("WG_CONF_LEVEL"));
    }

    @Test
    void packetThatIsNotWireGuardSetsLevelZeroAndEndsTheFollowing() throws Exception
    {
        final byte[] data = WgCapture.firstOfType(4);
        final byte[] other = new byte[40];
        final Path capture = new PcapWriter()
            .udp(Frames.seconds(1), A, 1000, B, 2000, data)
            .udp(Frames.seconds(2), B, 2000, A, 1000, other)
            .udp(Frames.seconds(3), A, 1000, B, 2000, WgCapture.firstOfType(1))
            .write(temp.resolve("other.pcap"));
        final List<CollectedRecord> records = PluginRun.records(WgPlugin::new, capture);
        assertEquals(1, records.size());
        final Map<String, String> record = records.get(0).byIpfixprobeName();
        assertEquals("0", record.get("WG_CONF_LEVEL"));
        assertEquals(unsigned(data, 4), record.get("WG_DST_PEER"));
        assertEquals("0", record.get("WG_SRC_PEER"), "the initiation after it is not read");
    }

    @Test
    void fuzzedPayloadsNeverThrowAndEveryFlowIsExported() throws Exception
    {
        final Random random = new Random(51820);
        final List<byte[]> seeds = List.of(WgCapture.firstOfType(1), WgCapture.firstOfType(2), WgCapture.firstOfType(3),
            WgCapture.firstOfType(4));
        final PcapWriter writer = new PcapWriter();
        final Set<Integer> ports = new HashSet<>();
        int port = 30000;
        long t = Frames.seconds(500);
        for (final byte[] seed : seeds)
        {
            for (final byte[] payload : Mutations.all(seed, random, 300, 100, 0, 1, 3, 4, 7, 8, 11))
            {
                if (port % 2 == 0)
                {
                    writer.udp(t++, A, port, B, 51820, payload);
                    writer.udp(t++, B, 51820, A, port, seed);
                }
                else
                {
                    writer.udp(t++, A, port, B, 51820, seed);
                    writer.udp(t++, B, 51820, A, port, payload);
                    writer.udp(t++, A, port, B, 51820, payload);
                }
                ports.add(port++);
            }
        }
        final List<CollectedRecord> records = PluginRun.records(WgPlugin::new, writer.write(temp.resolve("fuzz.pcap")));
        final Set<Integer> exported = new HashSet<>();
        int followed = 0;
        for (final CollectedRecord record : records)
        {
            exported.add(Integer.parseInt(record.byIpfixprobeName().get("SRC_PORT")));
            if (record.byIpfixprobeName().containsKey("WG_CONF_LEVEL"))
            {
                followed++;
            }
        }
        assertEquals(ports, exported);
        assertTrue(followed > 0 && followed < records.size(), followed + " of " + records.size() + " followed");
    }

    @Test
    void aMillionPacketsAllocateNothing()
    {
        final List<byte[]> frames = new ArrayList<>();
        int port = 40000;
        for (final WgCapture.Packet packet : WgCapture.packets())
        {
            final boolean out = packet.frame() % 3 != 0;
            final byte[] frame = out ? Frames.udp4(A, port, B, 51820, packet.payload().length)
                : Frames.udp4(B, 51820, A, port, packet.payload().length);
            System.arraycopy(packet.payload(), 0, frame, 42, packet.payload().length);
            frames.add(frame);
            if (packet.frame() % 50 == 0)
            {
                port++;
            }
        }
        final long allocated = AllocationProbe.allocatedBytes(WgPlugin::new, frames, 1_000_000);
        assertFalse(allocated >= 1024, allocated + " bytes allocated for a million packets");
    }
}
