package io.weir.plugins.rtsp;

import static io.weir.plugins.text.Captured.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.weir.core.plugin.ProcessPlugin;
import io.weir.plugins.text.Captured;
import io.weir.plugins.text.Frame;
import io.weir.plugins.text.HookDriver;
import io.weir.plugins.text.Segments;
import io.weir.plugins.text.SteadyState;
import org.junit.jupiter.api.Test;

/** The rtsp plugin on the real DESCRIBE and 500 answer of rtsp.pcap, whole, split and broken. */
class RtspPluginTest
{
    private static final int SLOTS = 64;
    /** rtsp.pcap frame 15: WMPlayer's DESCRIBE on port 3937; frame 16: the server's 500. */
    private static final Frame DESCRIBE = Captured.frame("rtsp.pcap", 15);
    private static final Frame ERROR = Captured.frame("rtsp.pcap", 16);

    private final RtspPlugin plugin = new RtspPlugin(SLOTS);
    private final HookDriver driver = new HookDriver(plugin);

    @Test
    void readsTheRealDescribeAndItsErrorResponse()
    {
        driver.create(0, true, Captured.bytes("rtsp.pcap", 15));
        driver.update(0, false, Captured.bytes("rtsp.pcap", 16));
        driver.export(0);

        final Map<String, String> fields = driver.last();
        assertEquals("DESCRIBE", fields.get("RTSP_REQUEST_METHOD"));
        assertEquals("rtsp://EMAP1.planetwideradio.com/tfm", fields.get("RTSP_REQUEST_URI"));
        assertEquals("WMPlayer/10.0.0.380 guid/7405E143-26AC-4B37-9802-A35EE8C6CFA7", fields.get("RTSP_REQUEST_AGENT"));
        assertEquals("500", fields.get("RTSP_RESPONSE_STATUS_CODE"));
        assertEquals("WMServer/9.0.0.3380", fields.get("RTSP_RESPONSE_SERVER"));
        assertEquals("", fields.get("RTSP_RESPONSE_CONTENT_TYPE"));
    }

    @Test
    void retransmittedDescribeStartsTheNextFlow()
    {
        driver.create(0, true, Captured.bytes("rtsp.pcap", 4));

        assertEquals(ProcessPlugin.FLUSH_WITH_REINSERT, driver.update(0, true, Captured.bytes("rtsp.pcap", 5)));
    }

    @Test
    void describeSplitAtEveryPositionGivesTheSameFields()
    {
        final byte[] payload = DESCRIBE.payload();
        final Map<String, String> whole = fieldsOf(List.of(payload));
        for (int at = 1; at < payload.length; at++)
        {
            assertEquals(whole, fieldsOf(Segments.split(payload, at)), "split at " + at);
        }
    }

    @Test
    void methodIsCutAtNineBytes()
    {
        assertEquals("ANNOUNCEM", fieldsOf(List.of(text("ANNOUNCEMENT rtsp://h/a RTSP/1.0\r\nCSeq: 2\r\n\r\n")))
            .get("RTSP_REQUEST_METHOD"));
    }

    @Test
    void contentTypeIsReadAndCutAtThirtyOneBytes()
    {
        final HookDriver fresh = new HookDriver(new RtspPlugin(SLOTS));
        fresh.create(0, true, DESCRIBE.withPayload(DESCRIBE.payload()));
        fresh.update(0, false, ERROR.withPayload(text("RTSP/1.0 200 OK\r\nCSeq: 1\r\nContent-Type: application/sdp"
            + "+extended-description\r\n\r\nv=0\r\n")));
        fresh.export(0);

        assertEquals("200", fresh.last().get("RTSP_RESPONSE_STATUS_CODE"));
        assertEquals("application/sdp+extended-descri", fresh.last().get("RTSP_RESPONSE_CONTENT_TYPE"));
    }

    @Test
    void rejectsAnHttpRequest()
    {
        assertNoData(Captured.frame("http.pcap", 1).payload());
    }

    @Test
    void rejectsMethodsIpfixprobeDoesNotKnow()
    {
        assertNoData(text("GET_PARAMETER rtsp://h/a RTSP/1.0\r\nCSeq: 3\r\n\r\n"));
        assertNoData(text("REDIRECT rtsp://h/a RTSP/1.0\r\nCSeq: 3\r\n\r\n"));
    }

    @Test
    void rejectsStatusLineWithoutPositiveCode()
    {
        assertNoData(text("RTSP/1.0 -1 Odd\r\nServer: x\r\n\r\n"));
    }

    @Test
    void allocatesNothingPerPacketOnceWarm()
    {
        final Segments client = new Segments(DESCRIBE);
        final Segments server = new Segments(ERROR);
        final List<byte[]> parts = Segments.split(DESCRIBE.payload(), 100);
        final List<byte[]> frames = List.of(client.next(parts.get(0)), client.next(parts.get(1)),
            server.next(ERROR.payload()), client.next(DESCRIBE.payload()), Captured.bytes("http.pcap", 1));
        final boolean[] forward = {true, true, false, true, true};

        final double perPacket = SteadyState.bytesPerPacket(new RtspPlugin(SLOTS), frames, forward, 200_000);

        assertTrue(perPacket < 0.05, "bytes per packet: " + perPacket);
    }

    private void assertNoData(final byte[] payload)
    {
        final HookDriver fresh = new HookDriver(new RtspPlugin(SLOTS));
        fresh.create(0, true, DESCRIBE.withPayload(payload));
        fresh.export(0);
        assertTrue(fresh.exported().isEmpty(), text(payload));
    }

    private static Map<String, String> fieldsOf(final List<byte[]> segments)
    {
        final HookDriver fresh = new HookDriver(new RtspPlugin(SLOTS));
        final Segments client = new Segments(DESCRIBE);
        fresh.create(0, true, client.next(segments.get(0)));
        for (int i = 1; i < segments.size(); i++)
        {
            fresh.update(0, true, client.next(segments.get(i)));
        }
        fresh.export(0);
        return fresh.last();
    }
}
