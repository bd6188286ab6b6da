package io.weir.plugins.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.weir.plugins.text.Captured;
import io.weir.plugins.text.Frame;
import io.weir.plugins.text.Segments;
import io.weir.plugins.text.SteadyState;
import org.junit.jupiter.api.Test;

/** Once warmed up, the http plugin allocates nothing per packet: not on HTTP, not on other traffic. */
class HttpAllocationTest
{
    @Test
    void keepAliveExchangesWithSplitHeadsAllocateNothingPerPacket()
    {
        final Frame request = Captured.frame("http.pcap", 1);
        final Frame response = Captured.frame("http.pcap", 2);
        final Segments client = new Segments(request);
        final Segments server = new Segments(response);
        final List<byte[]> parts = Segments.split(request.payload(), 1, 30);
        final List<byte[]> frames = List.of(client.next(parts.get(0)), client.next(parts.get(1)),
            client.next(parts.get(2)), server.next(response.payload()), client.next(request.payload()),
            server.next(response.payload()), Captured.bytes("http.pcap", 6), Captured.bytes("tls.pcap", 4));
        final boolean[] forward = {true, true, true, false, true, false, false, true};

        final double perPacket = SteadyState.bytesPerPacket(new HttpPlugin(64), frames, forward, 200_000);

        assertTrue(perPacket < 0.05, "bytes per packet: " + perPacket);
    }
}
