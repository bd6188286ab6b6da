package io.weir.plugins.ovpn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plugin in the pipeline: which flows carry the level, fuzzed payloads, no allocation. */
class OvpnPluginTest
{
    @TempDir
    Path temp;

    @Test
    void everyFlowOfMoreThanFivePacketsCarriesTheLevel() throws Exception
    {
        final PcapWriter writer = new PcapWriter();
        for (int i = 0; i < 6; i++)
        {
            writer.udp(Frames.seconds(i), "10.4.0.1", 5353, "10.4.0.2", 53, new byte[] {(byte)i, 1, 2, 3});
        }
        for (int i = 0; i < 5; i++)
        {
            writer.udp(Frames.seconds(i), "10.4.0.1", 5354, "10.4.0.2", 53, new byte[] {(byte)i, 1, 2, 3});
        }
        final List<CollectedRecord> records = PluginRun.records(OvpnPlugin::new, writer.write(temp.resolve("udp.pcap")));
        assertEquals(2, records.size());
        for (final CollectedRecord record : records)
        {
            if (record.byIpfixprobeName().get("SRC_PORT").equals("5353"))
            {
                assertEquals("0", record.byIpfixprobeName().get("OVPN_CONF_LEVEL"));
            }
            else
            {
                assertNull(record.byIpfixprobeName().get("OVPN_CONF_LEVEL"));
            }
        }
    }

    @Test
    void fuzzedPayloadsNeverThrowAndEveryFlowIsExported() throws Exception
    {
        final Random random = new Random(42);
        final PcapWriter writer = new PcapWriter();
        final Set<Integer> ports = new HashSet<>();
        int port = 10000;
        long t = Frames.seconds(1000);
        int seeds = 0;
        for (final OvpnCapture.Packet packet : OvpnCapture.packets())
        {
            if (packet.payload().length == 0 || packet.opcode().isEmpty() || seeds++ % 8 != 0)
            {
                continue;
            }
            for (final byte[] payload : Mutations.all(packet.payload(), random, 60, 40, 0, 1, 2, 16, 21, 28, 33))
            {
                for (int i = 0; i < 6; i++)
                {
                    final boolean out = i % 2 == 0;
                    if (packet.protocol() == OvpnPlugin.TCP)
                    {
                        writer.tcp(t++, out ? "10.5.0.1" : "10.5.0.2", out ? port : 1194, out ? "10.5.0.2" : "10.5.0.1",
                            out ? 1194 : port, Frames.TCP_ACK | Frames.TCP_PSH, payload);
                    }
                    else
                    {
                        writer.udp(t++, out ? "10.5.0.1" : "10.5.0.2", out ? port : 1194, out ? "10.5.0.2" : "10.5.0.1",
                            out ? 1194 : port, payload);
                    }
                }
                ports.add(port++);
            }
        }
        final List<CollectedRecord> records = PluginRun.records(OvpnPlugin::new, writer.write(temp.resolve("fuzz.pcap")));
        final Set<Integer> exported = new HashSet<>();
        for (final CollectedRecord record : records)
        {
            assertTrue(record.byIpfixprobeName().containsKey("OVPN_CONF_LEVEL"), () -> "no level: " + record);
            exported.add(Integer.parseInt(record.byIpfixprobeName().get("SRC_PORT")));
        }
        assertEquals(ports, exported);
    }

    @Test
    void aMillionPacketsAllocateNothing()
    {
        final List<byte[]> frames = new ArrayList<>();
        for (final OvpnCapture.Packet packet : OvpnCapture.packets())
        {
            final byte[] frame = packet.protocol() == OvpnPlugin.TCP
                ? Frames.tcp4(packet.source(), packet.sourcePort(), packet.destination(), packet.destinationPort(),
                    Frames.TCP_ACK, packet.payload().length)
                : Frames.udp4(packet.source(), packet.sourcePort(), packet.destination(), packet.destinationPort(),
                    packet.payload().length);
            System.arraycopy(packet.payload(), 0, frame, packet.protocol() == OvpnPlugin.TCP ? 54 : 42,
                packet.payload().length);
            frames.add(frame);
        }
        final long allocated = AllocationProbe.allocatedBytes(OvpnPlugin::new, frames, 1_000_000);
        assertFalse(allocated >= 1024, allocated + " bytes allocated for a million packets");
    }
}
