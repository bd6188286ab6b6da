package io.weir.plugins.phists;

import java.util.List;
import java.util.Map;

import io.weir.core.plugin.PluginOptions;
import io.weir.core.testing.CollectedRecord;
import io.weir.plugins.pstats.testing.Captures;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

import static io.weir.plugins.pstats.testing.TestFrames.ACK;
import static io.weir.plugins.pstats.testing.TestFrames.SYN;
import static io.weir.plugins.pstats.testing.TestFrames.at;
import static io.weir.plugins.pstats.testing.TestFrames.tcp;
import static io.weir.plugins.pstats.testing.TestFrames.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PacketHistogramPluginTest
{
    private static final String A = "192.0.2.1";
    private static final String B = "192.0.2.2";

    @Test
    void binsAreLog2FromSixteen()
    {
        final int[][] cases = {{0, 0}, {15, 0}, {16, 1}, {31, 1}, {32, 2}, {63, 2}, {64, 3}, {127, 3}, {128, 4},
            {255, 4}, {256, 5}, {511, 5}, {512, 6}, {1023, 6}, {1024, 7}, {65535, 7}, {Integer.MAX_VALUE, 7}};
        for (final int[] c : cases)
        {
            assertEquals(c[1], PacketHistogramPlugin.bin(c[0]), "bin of " + c[0]);
        }
    }

    private static Map<String, String> onlyRecord(final List<Captures.Frame> frames, final String options)
        throws Exception
    {
        final List<CollectedRecord> records = Golden.run(Captures.write(frames),
            new PacketHistogramPluginFactory().create(PluginOptions.parse(options), Golden.flowSlots()));
        assertEquals(1, records.size());
        return records.get(0).byIpfixprobeName();
    }

    @Test
    void countsSizesAndMillisecondGapsPerDirection() throws Exception
    {
        final List<Captures.Frame> frames = List.of(
            at(10.000, udp(A, 1000, B, 2000, 10)),
            at(10.0109, udp(A, 1000, B, 2000, 16)),
            at(10.050, udp(B, 2000, A, 1000, 600)),
            at(10.0605, udp(A, 1000, B, 2000, 2000)),
            at(12.100, udp(A, 1000, B, 2000, 300)),
            at(12.120, udp(B, 2000, A, 1000, 64)));
        final Map<String, String> record = onlyRecord(frames, "phists");
        assertEquals("[1|1|0|0|0|1|0|1]", record.get("S_PHISTS_SIZES"));
        assertEquals("[1|0|1|0|0|0|0|1]", record.get("S_PHISTS_IPT"));
        assertEquals("[0|0|0|1|0|0|1|0]", record.get("D_PHISTS_SIZES"));
        assertEquals("[0|0|0|0|0|0|0|1]", record.get("D_PHISTS_IPT"));
    }

    @Test
    void packetsWithoutPayloadCountOnlyWithIncludeZeros() throws Exception
    {
        final List<Captures.Frame> frames = List.of(
            at(1.000, tcp(A, 1000, B, 80, SYN, 1, 0, 0)),
            at(1.100, tcp(A, 1000, B, 80, ACK, 2, 1, 0)),
            at(1.200, tcp(A, 1000, B, 80, ACK, 2, 1, 100)));
        final Map<String, String> without = onlyRecord(frames, "phists");
        assertEquals("[0|0|0|1|0|0|0|0]", without.get("S_PHISTS_SIZES"));
        assertEquals("[0|0|0|0|0|0|0|0]", without.get("S_PHISTS_IPT"));
        final Map<String, String> with = onlyRecord(frames, "phists;includezeros");
        assertEquals("[2|0|0|1|0|0|0|0]", with.get("S_PHISTS_SIZES"));
        assertEquals("[0|0|0|2|0|0|0|0]", with.get("S_PHISTS_IPT"));
    }

    @Test
    void packetOlderThanThePreviousCountsAsNoGap() throws Exception
    {
        final List<Captures.Frame> frames = List.of(
            at(5.000, udp(A, 1000, B, 2000, 10)),
            at(4.000, udp(A, 1000, B, 2000, 10)));
        assertEquals("[1|0|0|0|0|0|0|0]", onlyRecord(frames, "phists").get("S_PHISTS_IPT"));
    }

    /** Counters keep counting past the 8 bits kept next to the last time, in both directions. */
    @Test
    void countersGoPastOneByteAndPastSixteenBits()
    {
        final PacketHistogramPlugin plugin = new PacketHistogramPlugin(16, false);
        final io.weir.core.flow.FlowTable table = new io.weir.core.flow.FlowTable(16);
        final io.weir.core.plugin.FlowContext flow = new io.weir.core.plugin.FlowContext(table);
        final io.weir.core.decode.PacketView small = io.weir.core.testing.Frames.parse(udp(A, 1000, B, 2000, 10), 1);
        final io.weir.core.decode.PacketView large = io.weir.core.testing.Frames.parse(udp(B, 2000, A, 1000, 1400), 1);
        plugin.onCreate(flow.at(3, true), small);
        for (int i = 1; i < 70_000; i++)
        {
            plugin.onUpdate(flow.at(3, true), small);
        }
        for (int i = 0; i < 300; i++)
        {
            plugin.onUpdate(flow.at(3, false), large);
        }
        final long[][] lists = lists(plugin, 3);
        assertEquals(70_000, lists[0][0], "forward sizes, bin 0");
        assertEquals(300, lists[1][7], "reverse sizes, bin 7");
        assertEquals(69_999, lists[2][0], "forward times, bin 0");
        assertEquals(299, lists[3][0], "reverse times, bin 0");

        plugin.onCreate(flow.at(3, true), small);
        final long[][] fresh = lists(plugin, 3);
        long total = 0;
        for (final long[] list : fresh)
        {
            for (final long count : list)
            {
                total += count;
            }
        }
        assertEquals(1, fresh[0][0], "a new flow in the slot starts from zero");
        assertEquals(1, total);
    }

    /** The four lists as written: each a 2-byte count (8) and 8 unsigned 32-bit counters. */
    private static long[][] lists(final PacketHistogramPlugin plugin, final int slot)
    {
        final org.agrona.concurrent.UnsafeBuffer buffer = new org.agrona.concurrent.UnsafeBuffer(new byte[1024]);
        final io.weir.core.field.RecordWriter writer = new io.weir.core.field.RecordWriter().wrap(buffer, 0, 1024);
        plugin.write(slot, writer);
        final java.nio.ByteBuffer out = java.nio.ByteBuffer.wrap(buffer.byteArray(), 0, writer.length());
        final long[][] lists = new long[4][];
        for (int l = 0; l < 4; l++)
        {
            assertEquals(8, out.getShort());
            lists[l] = new long[8];
            for (int i = 0; i < 8; i++)
            {
                lists[l][i] = out.getInt() & 0xFFFF_FFFFL;
            }
        }
        assertEquals(0, out.remaining());
        return lists;
    }

    @Test
    void singleSynFlowCarriesNoHistograms() throws Exception
    {
        assertFalse(onlyRecord(List.of(at(1.0, tcp(A, 1000, B, 80, SYN, 1, 0, 0))), "phists;includezeros")
            .containsKey("S_PHISTS_SIZES"));
    }
}
