package io.weir.plugins.http;

import static io.weir.plugins.text.Captured.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.weir.core.plugin.ProcessPlugin;
import io.weir.plugins.text.Captured;
import io.weir.plugins.text.Frame;
import io.weir.plugins.text.HookDriver;
import io.weir.plugins.text.PcapFile;
import io.weir.plugins.text.Segments;
import org.junit.jupiter.api.Test;

/** The http plugin on real requests and responses of http.pcap and ssdp.pcap, whole, split and broken. */
class HttpPluginTest
{
    private static final int SLOTS = 64;
    /** http.pcap frame 1: curl's GET /user-agent; frame 2: nginx's 200 answer. */
    private static final Frame CURL_REQUEST = Captured.frame("http.pcap", 1);
    private static final Frame NGINX_RESPONSE = Captured.frame("http.pcap", 2);
    /** http.pcap frame 4: Wget's GET /. */
    private static final Frame WGET_REQUEST = Captured.frame("http.pcap", 4);

    private final HttpPlugin plugin = new HttpPlugin(SLOTS);
    private final HookDriver driver = new HookDriver(plugin);

    @Test
    void readsTheFieldsOfARealRequestAndItsResponse()
    {
        driver.create(0, true, CURL_REQUEST.withPayload(CURL_REQUEST.payload()));
        driver.update(0, false, NGINX_RESPONSE.withPayload(NGINX_RESPONSE.payload()));
        driver.export(0);

        final Map<String, String> fields = driver.last();
        assertEquals("GET", fields.get("HTTP_REQUEST_METHOD"));
        assertEquals("httpbin.org", fields.get("HTTP_REQUEST_HOST"));
        assertEquals("/user-agent", fields.get("HTTP_REQUEST_URL"));
        assertEquals("curl/7.43.0", fields.get("HTTP_REQUEST_AGENT"));
        assertEquals("", fields.get("HTTP_REQUEST_REFERER"));
        assertEquals("200", fields.get("HTTP_RESPONSE_STATUS_CODE"));
        assertEquals("application/json", fields.get("HTTP_RESPONSE_CONTENT_TYPE"));
        assertEquals("nginx", fields.get("HTTP_RESPONSE_SERVER"));
        assertEquals("", fields.get("HTTP_RESPONSE_SET_COOKIE_NAMES"));
    }

    @Test
    void requestSplitIntoTwoSegmentsAtEveryPositionGivesTheSameFields()
    {
        final byte[] payload = CURL_REQUEST.payload();
        final Map<String, String> whole = fieldsOf(List.of(payload));
        for (int at = 1; at < payload.length; at++)
        {
            assertEquals(whole, fieldsOf(Segments.split(payload, at)), "split at " + at);
        }
    }

    @Test
    void requestSplitIntoThreeSegmentsAroundEveryByteGivesTheSameFields()
    {
        final byte[] payload = WGET_REQUEST.payload();
        final Map<String, String> whole = fieldsOf(List.of(payload));
        for (int at = 1; at < payload.length - 1; at++)
        {
            assertEquals(whole, fieldsOf(Segments.split(payload, at, at + 1)), "one-byte segment at " + at);
        }
        assertEquals("Wget/1.17.1 (linux-gnu)", whole.get("HTTP_REQUEST_AGENT"));
    }

    @Test
    void responseSplitAtEveryPositionOfItsHeadGivesTheSameFields()
    {
        final byte[] response = NGINX_RESPONSE.payload();
        final Segments requests = new Segments(CURL_REQUEST);
        final Map<String, String> whole = exchange(requests, List.of(response));
        assertEquals("nginx", whole.get("HTTP_RESPONSE_SERVER"));
        for (int at = 1; at < response.length; at++)
        {
            assertEquals(whole, exchange(new Segments(CURL_REQUEST), Segments.split(response, at)), "split at " + at);
        }
    }

    @Test
    void bodySegmentsOfARealResponseKeepTheFlow()
    {
        final List<PcapFile.Packet> packets = Captured.packets("http.pcap");
        assertEquals(ProcessPlugin.CONTINUE, driver.create(0, true, packets.get(3).frame()));
        for (int frame = 5; frame <= 10; frame++)
        {
            assertEquals(ProcessPlugin.CONTINUE, driver.update(0, false, packets.get(frame - 1).frame()), "frame " + frame);
        }
        driver.export(0);

        assertEquals(1, driver.exported().size());
        assertEquals("text/html; charset=utf-8", driver.last().get("HTTP_RESPONSE_CONTENT_TYPE"));
        assertEquals("/", driver.last().get("HTTP_REQUEST_URL"));
    }

    @Test
    void secondRequestOnAKeepAliveConnectionEndsTheFlowAndStartsTheNext()
    {
        final Segments client = new Segments(CURL_REQUEST);
        final Segments server = new Segments(NGINX_RESPONSE);
        driver.create(0, true, client.next(CURL_REQUEST.payload()));
        assertEquals(ProcessPlugin.CONTINUE, driver.update(0, false, server.next(NGINX_RESPONSE.payload())));

        assertEquals(ProcessPlugin.FLUSH_WITH_REINSERT, driver.update(0, true, client.next(WGET_REQUEST.payload())));
        driver.export(0);

        assertEquals(2, driver.exported().size());
        assertEquals("/user-agent", driver.exported().get(0).get("HTTP_REQUEST_URL"));
        assertEquals("200", driver.exported().get(0).get("HTTP_RESPONSE_STATUS_CODE"));
        assertEquals("Wget/1.17.1 (linux-gnu)", driver.exported().get(1).get("HTTP_REQUEST_AGENT"));
        assertEquals("0", driver.exported().get(1).get("HTTP_RESPONSE_STATUS_CODE"));
    }

    @Test
    void secondResponseEndsTheFlowToo()
    {
        final Segments server = new Segments(NGINX_RESPONSE);
        driver.create(0, true, CURL_REQUEST.withPayload(CURL_REQUEST.payload()));
        driver.update(0, false, server.next(NGINX_RESPONSE.payload()));

        assertEquals(ProcessPlugin.FLUSH_WITH_REINSERT, driver.update(0, false, server.next(NGINX_RESPONSE.payload())));
    }

    @Test
    void retransmittedFirstSegmentOfASplitRequestIsSkipped()
    {
        final byte[] payload = CURL_REQUEST.payload();
        final List<byte[]> parts = Segments.split(payload, 30);
        final Segments client = new Segments(CURL_REQUEST);
        final int first = client.sequence();
        driver.create(0, true, client.next(parts.get(0)));
        assertEquals(ProcessPlugin.CONTINUE, driver.update(0, true, client.at(first, parts.get(0))));
        driver.update(0, true, client.next(parts.get(1)));
        driver.export(0);

        assertEquals(fieldsOf(List.of(payload)), driver.last());
    }

    @Test
    void gapInASplitRequestEndsItsHeadButKeepsItsRequestLine()
    {
        final byte[] payload = CURL_REQUEST.payload();
        final List<byte[]> parts = Segments.split(payload, 30, 50);
        final Segments client = new Segments(CURL_REQUEST);
        driver.create(0, true, client.next(parts.get(0)));
        client.next(parts.get(1));
        driver.update(0, true, client.next(parts.get(2)));
        driver.export(0);

        assertEquals("/user-agent", driver.last().get("HTTP_REQUEST_URL"));
        assertEquals("", driver.last().get("HTTP_REQUEST_HOST"), "the Host line lost its end in the gap");
        assertEquals("", driver.last().get("HTTP_REQUEST_AGENT"), "the User-Agent line lost its start in the gap");
    }

    @Test
    void headerNamesMatchRegardlessOfCase()
    {
        final Map<String, String> fields = fieldsOf(List.of(text(
            "GET /a HTTP/1.1\r\nhost: a.example\r\nUSER-AGENT: Python-urllib/3.11\r\nrEfErEr: http://r.example/\r\n\r\n")));

        assertEquals("a.example", fields.get("HTTP_REQUEST_HOST"));
        assertEquals("Python-urllib/3.11", fields.get("HTTP_REQUEST_AGENT"));
        assertEquals("http://r.example/", fields.get("HTTP_REQUEST_REFERER"));
    }

    @Test
    void valueWithoutBlankAfterTheColonIsKeptWhole()
    {
        final Frame notify = Captured.frame("ssdp.pcap", 4);
        assertTrue(text(notify.payload()).contains("\r\nHost:[FF02::C]:1900\r\n"));

        driver.create(0, true, notify.withPayload(notify.payload()));
        driver.export(0);

        assertEquals("NOTIFY", driver.last().get("HTTP_REQUEST_METHOD"));
        assertEquals("*", driver.last().get("HTTP_REQUEST_URL"));
        assertEquals("[FF02::C]:1900", driver.last().get("HTTP_REQUEST_HOST"));
    }

    @Test
    void valuesAreCutAtIpfixprobesLengths()
    {
        final Map<String, String> request = fieldsOf(List.of(text("ABCDEFGHIJKLMNOPQRST /" + "u".repeat(300)
            + " HTTP/1.1\r\nHost: " + "h".repeat(100) + "\r\nUser-Agent: " + "a".repeat(200) + "\r\nReferer: "
            + "r".repeat(200) + "\r\n\r\n")));
        final Map<String, String> response = exchange(new Segments(CURL_REQUEST), List.of(text(
            "HTTP/1.1 200 OK\r\nContent-Type: " + "c".repeat(50) + "\r\nServer: " + "s".repeat(200) + "\r\n\r\n")));

        assertEquals("ABCDEFGHIJKLMNO", request.get("HTTP_REQUEST_METHOD"));
        assertEquals(127, request.get("HTTP_REQUEST_URL").length());
        assertEquals(63, request.get("HTTP_REQUEST_HOST").length());
        assertEquals(127, request.get("HTTP_REQUEST_AGENT").length());
        assertEquals(127, request.get("HTTP_REQUEST_REFERER").length());
        assertEquals(31, response.get("HTTP_RESPONSE_CONTENT_TYPE").length());
        assertEquals(127, response.get("HTTP_RESPONSE_SERVER").length());
    }

    @Test
    void setCookieNamesAreJoinedWithSemicolonsAndACookieWithoutValueIsSkipped()
    {
        final Map<String, String> fields = exchange(new Segments(CURL_REQUEST), List.of(text("HTTP/1.1 200 OK\r\n"
            + "Set-Cookie: a=1; Path=/\r\nSet-Cookie: noequals\r\nset-cookie: session=xyz; HttpOnly\r\n"
            + "Server: nginx\r\n\r\n")));

        assertEquals("a;session", fields.get("HTTP_RESPONSE_SET_COOKIE_NAMES"));
        assertEquals("nginx", fields.get("HTTP_RESPONSE_SERVER"), "headers after a cookie without '=' are still read");
    }

    @Test
    void setCookieNamesStopAtTheirLimitWithoutSplittingEarlierNames()
    {
        final StringBuilder response = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i < 100; i++)
        {
            response.append(String.format("Set-Cookie: cookie_name_%02d=v\r\n", i));
        }
        final String names = exchange(new Segments(CURL_REQUEST), List.of(text(response.append("\r\n").toString())))
            .get("HTTP_RESPONSE_SET_COOKIE_NAMES");

        assertEquals(511, names.length());
        final String[] parts = names.split(";");
        for (int i = 0; i < parts.length - 1; i++)
        {
            assertEquals(String.format("cookie_name_%02d", i), parts[i]);
        }
    }

    @Test
    void unknownUpperCaseMethodIsARequest()
    {
        assertEquals("PROPFIND", fieldsOf(List.of(text("PROPFIND /dav/ HTTP/1.1\r\nHost: d\r\n\r\n")))
            .get("HTTP_REQUEST_METHOD"));
    }

    @Test
    void rejectsRequestLineWithoutHttp()
    {
        assertNoData(text("GET /x FOO/1.1\r\nHost: a\r\n\r\n"));
    }

    @Test
    void rejectsLowerCaseMethod()
    {
        assertNoData(text("get / HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @Test
    void rejectsMethodLongerThanThirtyOneBytes()
    {
        assertNoData(text("A".repeat(32) + " / HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @Test
    void rejectsStatusCodeThatIsNotPositive()
    {
        assertNoData(text("HTTP/1.1 000 OK\r\nServer: a\r\n\r\n"));
        assertNoData(text("HTTP/1.1 abc OK\r\nServer: a\r\n\r\n"));
        assertNoData(text("HTTP/1.1  200 OK\r\nServer: a\r\n\r\n"));
    }

    @Test
    void otherProtocolsOfTheBundledCapturesTakeNoState()
    {
        for (final String capture : List.of("tls.pcap", "dns.pcap", "smtp.pcap", "sip.pcap", "rtsp.pcap", "mixed.pcap", "ntp.pcap", "dnssd.pcap",
            "quic_initial-sample.pcap", "netbios.pcap"))
        {
            int slot = 0;
            for (final PcapFile.Packet packet : Captured.packets(capture))
            {
                final Frame frame;
                try
                {
                    frame = new Frame(packet.frame());
                }
                catch (final IllegalArgumentException notAFlowPacket)
                {
                    continue;
                }
                driver.create(slot, true, packet.frame());
                driver.update(slot, true, packet.frame());
                driver.export(slot);
                slot = (slot + 1) % SLOTS;
            }
        }

        assertEquals(0, plugin.statesCreated());
        assertTrue(driver.exported().isEmpty());
    }

    private void assertNoData(final byte[] payload)
    {
        final HttpPlugin fresh = new HttpPlugin(SLOTS);
        final HookDriver freshDriver = new HookDriver(fresh);
        freshDriver.create(0, true, CURL_REQUEST.withPayload(payload));
        freshDriver.export(0);
        assertTrue(freshDriver.exported().isEmpty(), Captured.text(payload));
    }

    /** The fields of a flow whose client sends these segments. */
    private static Map<String, String> fieldsOf(final List<byte[]> segments)
    {
        final HookDriver fresh = new HookDriver(new HttpPlugin(SLOTS));
        final Segments client = new Segments(CURL_REQUEST);
        fresh.create(0, true, client.next(segments.get(0)));
        for (int i = 1; i < segments.size(); i++)
        {
            fresh.update(0, true, client.next(segments.get(i)));
        }
        fresh.export(0);
        return fresh.last();
    }

    /** The fields of a flow with curl's request and a response in these segments. */
    private static Map<String, String> exchange(final Segments client, final List<byte[]> response)
    {
        final HookDriver fresh = new HookDriver(new HttpPlugin(SLOTS));
        final Segments server = new Segments(NGINX_RESPONSE);
        fresh.create(0, true, client.next(CURL_REQUEST.payload()));
        for (final byte[] segment : response)
        {
            fresh.update(0, false, server.next(segment));
        }
        fresh.export(0);
        return fresh.last();
    }
}
