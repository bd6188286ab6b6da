package io.weir.plugins.ntp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.weir.core.flow.FlowTable;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;
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

/** The plugin in the pipeline: flows per packet on port 123, fuzzed payloads, no allocation. */
class NtpPluginTest
{
    @TempDir
    Path temp;

    @Test
    void packetsOnPort123EndTheirFlowAtOnceWithOrWithoutNtp() throws Exception
    {
        final byte[] ntp = NtpCapture.packets().get(0).payload();
        final byte[] notNtp = new byte[48];
        final Path capture = new PcapWriter()
            .udp(Frames.seconds(1), "10.0.0.1", 5000, "10.0.0.2", 123, notNtp)
            .udp(Frames.seconds(2), "10.0.0.1", 5000, "10.0.0.2", 123, notNtp)
            .udp(Frames.seconds(3), "10.0.0.2", 123, "10.0.0.1", 5001, ntp)
            .udp(Frames.seconds(4), "10.0.0.1", 5002, "10.0.0.2", 124, ntp)
            .udp(Frames.seconds(5), "10.0.0.2", 124, "10.0.0.1", 5002, ntp)
            .write(temp.resolve("ports.pcap"));
        final List<CollectedRecord> records = PluginRun.records(slots -> new NtpPlugin(), capture);
        assertEquals(4, records.size());
        int withNtp = 0;
        for (final CollectedRecord collected : records)
        {
            final var record = collected.byIpfixprobeName();
            if (record.get("DST_PORT").equals("124"))
            {
                assertEquals("1", record.get("PACKETS_REV"));
                assertNull(record.get("NTP_MODE"));
            }
            else
            {
                assertEquals("1", record.get("PACKETS"));
                assertEquals("0", record.get("PACKETS_REV"));
                if (record.get("NTP_MODE") != null)
                {
                    withNtp++;
                    assertEquals("5001", record.get("DST_PORT"));
                }
            }
        }
        assertEquals(1, withNtp);
    }

    @Test
    void theHeaderBelongsOnlyToTheFlowJustCreated()
    {
        final NtpPlugin plugin = new NtpPlugin();
        final FlowContext flow = new FlowContext(new FlowTable(16));
        final byte[] payload = NtpCapture.packets().get(1).payload();
        final byte[] ntp = Frames.udp4("10.0.0.1", 123, "10.0.0.2", 123, payload.length);
        System.arraycopy(payload, 0, ntp, 42, payload.length);
        final byte[] other = Frames.udp4("10.0.0.1", 5000, "10.0.0.2", 53, payload.length);
        System.arraycopy(payload, 0, other, 42, payload.length);

        assertEquals(ProcessPlugin.FLUSH, plugin.onCreate(flow.at(3, true), Frames.parse(ntp, 1)));
        assertTrue(plugin.hasData(3));
        assertEquals(ProcessPlugin.CONTINUE, plugin.onCreate(flow.at(3, true), Frames.parse(other, 2)));
        assertFalse(plugin.hasData(3), "a later flow in the same slot");
        plugin.onCreate(flow.at(3, true), Frames.parse(ntp, 3));
        plugin.onCreate(flow.at(5, true), Frames.parse(ntp, 4));
        assertFalse(plugin.hasData(3));
        assertTrue(plugin.hasData(5));
    }

    @Test
    void fuzzedPayloadsNeverThrowAndEveryFlowIsExported() throws Exception
    {
        final Random random = new Random(20240601);
        final List<byte[]> seeds = new ArrayList<>();
        for (final NtpCapture.Packet packet : NtpCapture.packets())
        {
            if (seeds.size() < 4)
            {
                seeds.add(packet.payload());
            }
        }
        final byte[] longer = new byte[68];
        System.arraycopy(seeds.get(1), 0, longer, 0, 48);
        seeds.add(longer);
        final PcapWriter writer = new PcapWriter();
        final Set<Integer> ports = new HashSet<>();
        int port = 1024;
        long timeNs = Frames.seconds(1);
        for (final byte[] seed : seeds)
        {
            for (final byte[] payload : Mutations.all(seed, random, 400, 200, 0, 1, 2, 3, 12, 16, 47))
            {
                if (port % 7 == 0)
                {
                    writer.tcp(timeNs, "10.1.0.1", port, "10.1.0.2", 123, Frames.TCP_ACK | Frames.TCP_PSH, payload);
                }
                else
                {
                    writer.udp(timeNs, "10.1.0.1", port, "10.1.0.2", 123, payload);
                }
                ports.add(port);
                port++;
                timeNs += 1000;
            }
        }
        final List<CollectedRecord> records = PluginRun.records(slots -> new NtpPlugin(),
            writer.write(temp.resolve("fuzz.pcap")));
        assertEquals(writer.size(), records.size());
        final Set<Integer> exported = new HashSet<>();
        int withNtp = 0;
        for (final CollectedRecord record : records)
        {
            exported.add(Integer.parseInt(record.byIpfixprobeName().get("SRC_PORT")));
            if (record.byIpfixprobeName().containsKey("NTP_SENT"))
            {
                withNtp++;
                assertEquals("4", record.byIpfixprobeName().get("NTP_VERSION"));
            }
        }
        assertEquals(ports, exported);
        assertTrue(withNtp > 0 && withNtp < records.size(), "NTP fields on " + withNtp + " of " + records.size());
    }

    @Test
    void aMillionPacketsAllocateNothing()
    {
        final List<byte[]> frames = new ArrayList<>();
        int port = 2000;
        for (final NtpCapture.Packet packet : NtpCapture.packets())
        {
            final byte[] frame = Frames.udp4("10.2.0.1", port++, "10.2.0.2", 123, packet.payload().length);
            System.arraycopy(packet.payload(), 0, frame, 42, packet.payload().length);
            frames.add(frame);
            frames.add(Frames.udp4("10.2.0.1", port++, "10.2.0.2", 53, 40));
            frames.add(Frames.tcp4("10.2.0.3", port++, "10.2.0.4", 443, Frames.TCP_ACK, 100));
        }
        final long allocated = AllocationProbe.allocatedBytes(slots -> new NtpPlugin(), frames, 1_000_000);
        assertFalse(allocated >= 1024, allocated + " bytes allocated for a million packets");
    }
}
