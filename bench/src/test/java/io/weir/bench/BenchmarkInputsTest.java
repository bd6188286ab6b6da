package io.weir.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.weir.core.capture.LinkType;
import io.weir.core.decode.PacketParser;
import io.weir.core.decode.PacketView;
import io.weir.core.field.RecordSchema;
import io.weir.core.field.SchemaRegistry;
import io.weir.export.text.ByteOutput;
import io.weir.export.text.JsonSink;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The benchmarks measure what they claim only if their inputs are what they claim: checked here. */
class BenchmarkInputsTest
{
    private final PacketParser parser = new PacketParser();
    private final PacketView view = new PacketView();

    @Test
    void tcp4FrameDecodesToTheHeadersItWasBuiltWith()
    {
        final byte[] frame = SyntheticFrames.tcp4(
            SyntheticFrames.ipv4(192, 168, 1, 20), 51234, SyntheticFrames.ipv4(93, 184, 216, 34), 443, 517);
        assertEquals(14 + 20 + 32 + 517, frame.length);
        assertTrue(parser.parse(view, new UnsafeBuffer(frame), 0, frame.length, frame.length, 0L,
            LinkType.ETHERNET, 0));
        assertEquals(4, view.ipVersion());
        assertEquals(6, view.protocol());
        assertEquals(0xC0A8_0114L, view.sourceLow());
        assertEquals(0x5DB8_D822L, view.destinationLow());
        assertEquals(51234, view.sourcePort());
        assertEquals(443, view.destinationPort());
        assertEquals(SyntheticFrames.TCP_PSH | SyntheticFrames.TCP_ACK, view.tcpFlags());
        assertEquals(20 + 32 + 517, view.ipLength());
        assertEquals(517, view.payloadLength());
    }

    @Test
    void udp6FrameDecodesToTheHeadersItWasBuiltWith()
    {
        final byte[] frame = SyntheticFrames.udp6(0x2001_0db8_0000_0001L, 0x20L, 40512,
            0x2001_4860_4860_0000L, 0x8888L, 53, 45);
        assertTrue(parser.parse(view, new UnsafeBuffer(frame), 0, frame.length, frame.length, 0L,
            LinkType.ETHERNET, 0));
        assertEquals(6, view.ipVersion());
        assertEquals(17, view.protocol());
        assertEquals(0x2001_0db8_0000_0001L, view.sourceHigh());
        assertEquals(0x8888L, view.destinationLow());
        assertEquals(40512, view.sourcePort());
        assertEquals(53, view.destinationPort());
        assertEquals(40 + 8 + 45, view.ipLength());
        assertEquals(45, view.payloadLength());
    }

    @Test
    void flowCacheStreamMakesOneBiflowPerFlowInBothDirections()
    {
        final FlowCacheBenchmark benchmark = new FlowCacheBenchmark();
        benchmark.flows = 1000;
        benchmark.sizeExponent = 17;
        benchmark.setUp();
        for (int i = 0; i < 4 * benchmark.flows; i++)
        {
            benchmark.parseAndCache();
        }
        // Rounds alternate direction: the reverse packets must find the flows the forward ones made.
        assertEquals(4000, benchmark.cache().packets());
        assertEquals(1000, benchmark.cache().flowsCreated());
        assertEquals(1000, benchmark.cache().flowsInCache());
    }

    @Test
    void flowCacheStreamOverflowsTheCacheWhenFlowsExceedIt()
    {
        final FlowCacheBenchmark benchmark = new FlowCacheBenchmark();
        benchmark.flows = 1 << 12;
        benchmark.sizeExponent = 10;
        benchmark.setUp();
        for (int i = 0; i < 2 * benchmark.flows; i++)
        {
            benchmark.parseAndCache();
        }
        // Round robin over four times the capacity. As in ipfixprobe, a new flow enters a full row in the
        // middle of its LRU order, so the flows that first filled a row's front half (8 of 16 slots) are
        // never displaced and find themselves again; every other packet of the second round misses.
        final int capacity = 1 << 10;
        assertEquals(2 * benchmark.flows - capacity / 2, benchmark.cache().flowsCreated());
        assertEquals(capacity, benchmark.cache().flowsInCache());
    }

    @Test
    void jsonRecordCarriesTheEncodedValues() throws IOException
    {
        final UnsafeBuffer record = new UnsafeBuffer(new byte[256]);
        final int length = RecordSinkBenchmark.writeIpv4Record(record);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final JsonSink sink = new JsonSink(new ByteOutput(bytes), "test");
        sink.onRecord(new SchemaRegistry(List.of()).schema(RecordSchema.id(4, 0)), record, 0, length);
        sink.close();
        final String json = bytes.toString(StandardCharsets.US_ASCII);
        assertTrue(json.contains("\"sourceIPv4Address\":\"192.168.1.20\""), json);
        assertTrue(json.contains("\"destinationIPv4Address\":\"93.184.216.34\""), json);
        assertTrue(json.contains("\"sourceTransportPort\":51234"), json);
        assertTrue(json.contains("\"destinationTransportPort\":443"), json);
        assertTrue(json.contains("\"octetDeltaCount\":1893"), json);
        assertTrue(json.endsWith("}\n"), json);
    }
}
