package io.weir.core.flow;

import static io.weir.core.testing.Frames.TCP_ACK;
import static io.weir.core.testing.Frames.TCP_FIN;
import static io.weir.core.testing.Frames.TCP_RST;
import static io.weir.core.testing.Frames.TCP_SYN;
import static io.weir.core.testing.Frames.parse;
import static io.weir.core.testing.Frames.seconds;
import static io.weir.core.testing.Frames.tcp4;
import static io.weir.core.testing.Frames.udp4;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class FlowCacheTest
{
    private static final long T0 = seconds(1_600_000_000);

    private final RecordingExport export = new RecordingExport();
    private FlowCache cache = new FlowCache(FlowCacheConfig.DEFAULT, export);

    private void put(final byte[] frame, final double atSeconds)
    {
        cache.onPacket(parse(frame, T0 + seconds(atSeconds)));
    }

    @Test
    void bothDirectionsMakeOneBiflowOrientedByTheFirstPacket()
    {
        put(udp4("10.0.0.2", 5353, "10.0.0.1", 53, 10), 0);
        put(udp4("10.0.0.1", 53, "10.0.0.2", 5353, 100), 0.5);
        put(udp4("10.0.0.2", 5353, "10.0.0.1", 53, 10), 1);
        cache.flushAll(FlowEndReason.FORCED_END);

        assertEquals(1, export.ended.size());
        final RecordingExport.Ended flow = export.ended.get(0);
        assertEquals(5353, flow.sourcePort());
        assertEquals(53, flow.destinationPort());
        assertEquals(2, flow.forwardPackets());
        assertEquals(1, flow.reversePackets());
        assertEquals(2 * (20 + 8 + 10), flow.forwardBytes());
        assertEquals(20 + 8 + 100, flow.reverseBytes());
        assertEquals(T0, flow.firstNs());
        assertEquals(T0 + seconds(1), flow.lastNs());
        assertEquals(FlowEndReason.FORCED_END, flow.reason());
    }

    @Test
    void ethernetPaddingIsNotCounted()
    {
        put(udp4("10.0.0.2", 1, "10.0.0.1", 2, 0), 0);
        cache.flushAll(FlowEndReason.FORCED_END);

        assertEquals(28, export.ended.get(0).forwardBytes());
    }

    @Test
    void packetAfterInactiveTimeoutEndsTheFlowAndStartsANewOne()
    {
        put(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 0), 10.9);
        put(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 0), 39.95);
        assertEquals(0, export.ended.size(), "29 whole seconds apart: still the same flow");

        put(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 0), 69.95);
        assertEquals(1, export.ended.size(), "30 whole seconds after the last packet: idle");
        assertEquals(FlowEndReason.IDLE_TIMEOUT, export.ended.get(0).reason());
        assertEquals(2, export.ended.get(0).forwardPackets());

        cache.flushAll(FlowEndReason.FORCED_END);
        assertEquals(1, export.ended.get(1).forwardPackets());
        assertEquals(T0 + seconds(69.95), export.ended.get(1).firstNs());
    }

    @Test
    void activeTimeoutSplitsALongFlowAndTheLatePacketStartsTheNextRecord()
    {
        cache = new FlowCache(FlowCacheConfig.DEFAULT.withTimeouts(60, 30), export);
        for (int second = 0; second <= 60; second += 10)
        {
            put(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 0), second);
        }
        assertEquals(1, export.ended.size());
        assertEquals(FlowEndReason.ACTIVE_TIMEOUT, export.ended.get(0).reason());
        assertEquals(6, export.ended.get(0).forwardPackets());

        cache.flushAll(FlowEndReason.FORCED_END);
        assertEquals(1, export.ended.get(1).forwardPackets());
    }

    @Test
    void synAfterFinInTheSameDirectionStartsANewFlow()
    {
        put(tcp4("10.0.0.2", 40000, "10.0.0.1", 80, TCP_SYN, 0), 0);
        put(tcp4("10.0.0.1", 80, "10.0.0.2", 40000, TCP_SYN | TCP_ACK, 0), 0.1);
        put(tcp4("10.0.0.2", 40000, "10.0.0.1", 80, TCP_FIN | TCP_ACK, 0), 0.2);
        put(tcp4("10.0.0.2", 40000, "10.0.0.1", 80, TCP_SYN, 0), 0.3);

        assertEquals(1, export.ended.size());
        final RecordingExport.Ended first = export.ended.get(0);
        assertEquals(FlowEndReason.END_OF_FLOW, first.reason());
        assertEquals(2, first.forwardPackets());
        assertEquals(TCP_SYN | TCP_FIN | TCP_ACK, first.forwardFlags());
        assertEquals(TCP_SYN | TCP_ACK, first.reverseFlags());
    }

    @Test
    void synAfterRstOnlyInTheOtherDirectionDoesNotEndTheFlow()
    {
        put(tcp4("10.0.0.2", 40000, "10.0.0.1", 80, TCP_SYN, 0), 0);
        put(tcp4("10.0.0.1", 80, "10.0.0.2", 40000, TCP_RST | TCP_ACK, 0), 0.1);
        put(tcp4("10.0.0.2", 40000, "10.0.0.1", 80, TCP_SYN, 0), 1);
        cache.flushAll(FlowEndReason.FORCED_END);

        assertEquals(1, export.ended.size());
        assertEquals(2, export.ended.get(0).forwardPackets());
        assertEquals(FlowEndReason.FORCED_END, export.ended.get(0).reason());
    }

    @Test
    void idleTcpFlowThatSawFinEndsAsEndOfFlow()
    {
        put(tcp4("10.0.0.2", 40000, "10.0.0.1", 80, TCP_FIN | TCP_ACK, 0), 0);
        put(tcp4("10.0.0.2", 40000, "10.0.0.1", 80, TCP_ACK, 0), 31);

        assertEquals(FlowEndReason.END_OF_FLOW, export.ended.get(0).reason());
    }

    @Test
    void sweepEndsIdleFlowsWhoseKeyNeverReturns()
    {
        put(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 0), 0);
        final int sweepsForWholeTable = FlowCacheConfig.DEFAULT.capacity() / 8;
        for (int i = 0; i <= sweepsForWholeTable; i++)
        {
            put(udp4("10.9.0.2", 1000 + (i & 7), "10.9.0.1", 53, 0), 40 + i * 1e-6);
        }
        assertEquals(1, export.ended.size());
        assertEquals(1000, export.ended.get(0).sourcePort());
        assertEquals(FlowEndReason.IDLE_TIMEOUT, export.ended.get(0).reason());
    }

    @Test
    void fullRowEvictsTheLeastRecentlyUsedFlow()
    {
        cache = new FlowCache(new FlowCacheConfig(4, 4, 300, 30, false, true, 16, 3), export);
        for (int port = 1; port <= 16; port++)
        {
            put(udp4("10.0.0.2", port, "10.0.0.1", 53, 0), port * 0.01);
        }
        put(udp4("10.0.0.2", 1, "10.0.0.1", 53, 0), 1);
        put(udp4("10.0.0.2", 17, "10.0.0.1", 53, 0), 2);

        assertEquals(1, export.ended.size());
        assertEquals(2, export.ended.get(0).sourcePort(), "port 1 was touched again, port 2 is the oldest");
        assertEquals(FlowEndReason.LACK_OF_RESOURCES, export.ended.get(0).reason());
    }

    @Test
    void splitModeKeepsEachDirectionApart()
    {
        cache = new FlowCache(new FlowCacheConfig(17, 4, 300, 30, true, true, 16, 3), export);
        put(udp4("10.0.0.2", 5353, "10.0.0.1", 53, 0), 0);
        put(udp4("10.0.0.1", 53, "10.0.0.2", 5353, 0), 0.1);
        cache.flushAll(FlowEndReason.FORCED_END);

        assertEquals(2, export.ended.size());
        assertEquals(0, export.ended.get(0).reversePackets());
        assertEquals(0, export.ended.get(1).reversePackets());
    }

    @Test
    void laterFragmentsJoinTheFlowOfTheirFirstFragment()
    {
        final byte[] first = udp4("10.0.0.2", 4000, "10.0.0.1", 53, 100);
        ByteBuffer.wrap(first).putShort(14 + 6, (short)0x2000);
        final byte[] second = udp4("10.0.0.2", 9, "10.0.0.1", 9, 100);
        ByteBuffer.wrap(second).putShort(14 + 6, (short)(0x0000 | 16));
        put(first, 0);
        put(second, 0.001);
        cache.flushAll(FlowEndReason.FORCED_END);

        assertEquals(1, export.ended.size());
        assertEquals(4000, export.ended.get(0).sourcePort());
        assertEquals(2, export.ended.get(0).forwardPackets());
        assertEquals(1, cache.fragmentsMatched());
    }

    @Test
    void clockExpiryEndsIdleFlowsWithoutAnyPacket()
    {
        put(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 0), 10.5);
        cache.expire(T0 + seconds(39.9), cache.capacity());
        assertEquals(0, export.ended.size());

        cache.expire(T0 + seconds(40.1), cache.capacity());
        assertEquals(1, export.ended.size());
        assertEquals(FlowEndReason.IDLE_TIMEOUT, export.ended.get(0).reason());
    }

    @Test
    void clockExpiryEndsLongFlowsAtTheActiveTimeout()
    {
        cache = new FlowCache(FlowCacheConfig.DEFAULT.withTimeouts(60, 30), export);
        for (int second = 0; second < 60; second += 10)
        {
            put(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 0), second);
        }
        cache.expire(T0 + seconds(59.9), cache.capacity());
        assertEquals(0, export.ended.size());

        cache.expire(T0 + seconds(60.0), cache.capacity());
        assertEquals(1, export.ended.size());
        assertEquals(FlowEndReason.ACTIVE_TIMEOUT, export.ended.get(0).reason());
        assertEquals(6, export.ended.get(0).forwardPackets());
    }

    @Test
    void clockExpiryVisitsTheTableInRounds()
    {
        put(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 0), 0);
        final int round = cache.capacity() / 10;
        int calls = 0;
        while (export.ended.isEmpty() && calls < 11)
        {
            cache.expire(T0 + seconds(31), round);
            calls++;
        }
        assertEquals(1, export.ended.size(), "ten rounds of a tenth cover every slot");
    }
}
