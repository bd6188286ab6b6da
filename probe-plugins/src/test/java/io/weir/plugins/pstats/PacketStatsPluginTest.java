package io.weir.plugins.pstats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.weir.core.plugin.PluginOptions;
import io.weir.core.testing.CollectedRecord;
import io.weir.plugins.pstats.testing.Captures;
import io.weir.plugins.pstats.testing.Golden;
import io.weir.plugins.pstats.testing.TestFrames;
import org.junit.jupiter.api.Test;

import static io.weir.plugins.pstats.testing.TestFrames.ACK;
import static io.weir.plugins.pstats.testing.TestFrames.PSH;
import static io.weir.plugins.pstats.testing.TestFrames.SYN;
import static io.weir.plugins.pstats.testing.TestFrames.at;
import static io.weir.plugins.pstats.testing.TestFrames.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PacketStatsPluginTest
{
    private static final String CLIENT = "10.0.0.1";
    private static final String SERVER = "10.0.0.2";

    /** Handshake, a request, a retransmission of it, the response and an empty ACK. */
    private static List<Captures.Frame> connection()
    {
        return List.of(
            at(1.000001, tcp(CLIENT, 40000, SERVER, 80, SYN, 100, 0, 0)),
            at(1.000101, tcp(SERVER, 80, CLIENT, 40000, SYN | ACK, 500, 101, 0)),
            at(1.000201, tcp(CLIENT, 40000, SERVER, 80, ACK, 101, 501, 0)),
            at(1.000301, tcp(CLIENT, 40000, SERVER, 80, PSH | ACK, 101, 501, 120)),
            at(1.200301, tcp(CLIENT, 40000, SERVER, 80, PSH | ACK, 101, 501, 120)),
            at(1.300000, tcp(SERVER, 80, CLIENT, 40000, PSH | ACK, 501, 221, 700)),
            at(1.300500, tcp(CLIENT, 40000, SERVER, 80, ACK, 221, 1201, 0)));
    }

    private static Map<String, String> onlyRecord(final List<Captures.Frame> frames, final String options)
        throws Exception
    {
        final Path capture = Captures.write(frames);
        final List<CollectedRecord> records = Golden.run(capture,
            new PacketStatsPluginFactory().create(PluginOptions.parse(options), Golden.flowSlots()));
        assertEquals(1, records.size());
        return records.get(0).byIpfixprobeName();
    }

    @Test
    void listsPacketsWithPayloadByDefault() throws Exception
    {
        final Map<String, String> record = onlyRecord(connection(), "pstats");
        assertEquals("[120|120|700]", record.get("PPI_PKT_LENGTHS"));
        assertEquals("[1|1|-1]", record.get("PPI_PKT_DIRECTIONS"));
        assertEquals("[24|24|24]", record.get("PPI_PKT_FLAGS"));
        assertEquals("[1970-01-01T00:00:01.000301|1970-01-01T00:00:01.200301|1970-01-01T00:00:01.300000]",
            record.get("PPI_PKT_TIMES"));
    }

    @Test
    void includeZerosListsEveryPacket() throws Exception
    {
        final Map<String, String> record = onlyRecord(connection(), "pstats;includezeros");
        assertEquals("[0|0|0|120|120|700|0]", record.get("PPI_PKT_LENGTHS"));
        assertEquals("[1|-1|1|1|1|-1|1]", record.get("PPI_PKT_DIRECTIONS"));
        assertEquals("[2|18|16|24|24|24|16]", record.get("PPI_PKT_FLAGS"));
        assertEquals(record, onlyRecord(connection(), "pstats;includezeroes"));
    }

    @Test
    void skipdupLeavesOutTheRetransmission() throws Exception
    {
        final Map<String, String> record = onlyRecord(connection(), "pstats;skipdup");
        assertEquals("[120|700]", record.get("PPI_PKT_LENGTHS"));
        assertEquals("[1|-1]", record.get("PPI_PKT_DIRECTIONS"));
        assertEquals("[1970-01-01T00:00:01.000301|1970-01-01T00:00:01.300000]", record.get("PPI_PKT_TIMES"));
    }

    @Test
    void skipdupKeepsASegmentThatAdvancesTheSequence() throws Exception
    {
        final List<Captures.Frame> frames = List.of(
            at(1.0, tcp(CLIENT, 40000, SERVER, 80, PSH | ACK, 101, 501, 120)),
            at(1.1, tcp(CLIENT, 40000, SERVER, 80, PSH | ACK, 221, 501, 120)),
            at(1.2, tcp(CLIENT, 40000, SERVER, 80, PSH | ACK, 221, 501, 60)));
        assertEquals("[120|120|60]", onlyRecord(frames, "pstats;skipdup").get("PPI_PKT_LENGTHS"));
    }

    @Test
    void skipdupTakesAWrappedSequenceAsAdvanced() throws Exception
    {
        final List<Captures.Frame> frames = List.of(
            at(1.0, tcp(CLIENT, 40000, SERVER, 80, PSH | ACK, 0xFFFF_FF00, 501, 120)),
            at(1.1, tcp(CLIENT, 40000, SERVER, 80, PSH | ACK, 0x0000_0078, 501, 120)));
        assertEquals("[120|120]", onlyRecord(frames, "pstats;skipdup").get("PPI_PKT_LENGTHS"));
    }

    @Test
    void countLimitsTheLists() throws Exception
    {
        final List<Captures.Frame> frames = new ArrayList<>();
        for (int i = 0; i < 40; i++)
        {
            frames.add(at(1.0 + i * 0.01, tcp(CLIENT, 40000, SERVER, 80, ACK, 101 + i * 10, 501, 10 + i)));
        }
        assertEquals(30, split(onlyRecord(frames, "pstats").get("PPI_PKT_LENGTHS")).length);
        assertEquals("[10|11|12|13|14]", onlyRecord(frames, "pstats;count=5").get("PPI_PKT_LENGTHS"));
        assertEquals(40, split(onlyRecord(frames, "pstats;c=255").get("PPI_PKT_TIMES")).length);
    }

    @Test
    void singleSynFlowCarriesNoLists() throws Exception
    {
        final Map<String, String> record = onlyRecord(List.of(at(1.0, tcp(CLIENT, 40000, SERVER, 80, SYN, 100, 0, 0))),
            "pstats;includezeros");
        assertFalse(record.containsKey("PPI_PKT_LENGTHS"));
    }

    @Test
    void singleUdpPacketFlowCarriesItsList() throws Exception
    {
        final Map<String, String> record = onlyRecord(
            List.of(at(2.5, TestFrames.udp(CLIENT, 5353, SERVER, 53, 33))), "pstats");
        assertEquals("[33]", record.get("PPI_PKT_LENGTHS"));
        assertEquals("[0]", record.get("PPI_PKT_FLAGS"));
    }

    @Test
    void timesBeforeTheFirstPacketStayExact() throws Exception
    {
        final List<Captures.Frame> frames = List.of(
            at(100.0, TestFrames.udp(CLIENT, 5353, SERVER, 53, 10)),
            at(99.5, TestFrames.udp(CLIENT, 5353, SERVER, 53, 11)));
        assertEquals("[1970-01-01T00:01:40.000000|1970-01-01T00:01:39.500000]",
            onlyRecord(frames, "pstats").get("PPI_PKT_TIMES"));
    }

    @Test
    void rejectsCountOutOfRange()
    {
        final PacketStatsPluginFactory factory = new PacketStatsPluginFactory();
        assertThrows(IllegalArgumentException.class, () -> factory.create(PluginOptions.parse("pstats;count=0"), 16));
        assertThrows(IllegalArgumentException.class, () -> factory.create(PluginOptions.parse("pstats;count=256"), 16));
        assertThrows(IllegalArgumentException.class, () -> factory.create(PluginOptions.parse("pstats;count=x"), 16));
    }

    private static String[] split(final String list)
    {
        return list.substring(1, list.length() - 1).split("\\|");
    }
}
