package io.weir.plugins.ssadetector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.Frames;
import io.weir.plugins.wg.testing.AllocationProbe;
import io.weir.plugins.wg.testing.PcapWriter;
import io.weir.plugins.wg.testing.PluginRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plugin in the pipeline: random length and time sequences, tables returned, no allocation. */
class SsaPluginTest
{
    private static final String A = "10.7.0.1";
    private static final String B = "10.7.0.2";

    @TempDir
    Path temp;

    @Test
    void randomFlowsNeverThrowEveryFlowIsExportedAndEveryTableComesBack() throws Exception
    {
        final Random random = new Random(903);
        final PcapWriter writer = new PcapWriter();
        final Map<Integer, Integer> packetsByPort = new HashMap<>();
        long t = Frames.seconds(10_000);
        for (int flow = 0; flow < 300; flow++)
        {
            final int port = 10_000 + flow;
            final int packets = flow % 10 == 5 ? 100 : 1 + random.nextInt(flow % 3 == 0 ? 400 : 60);
            for (int i = 0; i < packets; i++)
            {
                final boolean tunnel = flow % 10 == 5;
                final boolean out = tunnel ? i % 2 == 0 : random.nextBoolean();
                final int length = tunnel ? 80 : random.nextInt(10) == 0 ? 1400 : random.nextInt(170);
                t += random.nextInt(10) == 0 ? 4_000_000_000L : random.nextInt(2_000_000);
                if (flow % 2 == 0)
                {
                    writer.tcp(t, out ? A : B, out ? port : 443, out ? B : A, out ? 443 : port,
                        Frames.TCP_ACK | Frames.TCP_PSH, new byte[length]);
                }
                else
                {
                    writer.udp(t, out ? A : B, out ? port : 443, out ? B : A, out ? 443 : port, new byte[length]);
                }
            }
            packetsByPort.put(port, packets);
        }
        final SsaDetectorPlugin plugin = new SsaDetectorPlugin(PluginRun.FLOW_SLOTS);
        final List<CollectedRecord> records = PluginRun.records(plugin, List.of(writer.write(temp.resolve("random.pcap"))));
        final Map<Integer, Integer> exported = new HashMap<>();
        int tunnels = 0;
        for (final CollectedRecord collected : records)
        {
            final Map<String, String> record = collected.byIpfixprobeName();
            final int port = Integer.parseInt(record.get("SRC_PORT").equals("443") ? record.get("DST_PORT")
                : record.get("SRC_PORT"));
            final int packets = Integer.parseInt(record.get("PACKETS")) + Integer.parseInt(record.get("PACKETS_REV"));
            exported.merge(port, packets, Integer::sum);
            assertEquals(packets > 30, record.containsKey("SSA_CONF_LEVEL"), () -> "record " + record);
            if ("1".equals(record.get("SSA_CONF_LEVEL")))
            {
                tunnels++;
            }
        }
        assertEquals(packetsByPort, exported);
        assertEquals(0, plugin.blocksLent(), "a flow kept its table after it ended");
        assertEquals(30, tunnels, "every flow of repeated 80-byte exchanges, and no random one, is a tunnel");
    }

    @Test
    void aMillionPacketsAllocateNothing()
    {
        final Random random = new Random(5);
        final List<byte[]> frames = new ArrayList<>();
        for (int flow = 0; flow < 2000; flow++)
        {
            for (int i = 0; i < 40; i++)
            {
                final boolean out = i % 2 == 0;
                final int length = 60 + random.nextInt(91);
                frames.add(out ? Frames.tcp4(A, 20_000 + flow, B, 443, Frames.TCP_ACK, length)
                    : Frames.tcp4(B, 443, A, 20_000 + flow, Frames.TCP_ACK, length));
            }
        }
        final long allocated = AllocationProbe.allocatedBytes(SsaDetectorPlugin::new, frames, 1_000_000);
        assertFalse(allocated >= 1024, allocated + " bytes allocated for a million packets");
    }
}
