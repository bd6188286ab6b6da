package io.weir.plugins.sip;

import static io.weir.plugins.text.Captured.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.weir.core.plugin.ProcessPlugin;
import io.weir.plugins.text.Captured;
import io.weir.plugins.text.Frame;
import io.weir.plugins.text.HookDriver;
import io.weir.plugins.text.SteadyState;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The sip plugin on sipvicious' INVITEs and REGISTERs and Asterisk's answers in sip.pcap, and on broken ones. */
class SipPluginTest
{
    private static final int SLOTS = 64;
    /** sip.pcap frame 1: an INVITE; frame 6: a 401; frame 17: a REGISTER; frame 48: a 200. */
    private static final Frame INVITE = Captured.frame("sip.pcap", 1);
    private static final String PADDING = "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n";

    private final SipPlugin plugin = new SipPlugin(SLOTS);
    private final HookDriver driver = new HookDriver(plugin);

    @Test
    void recognisesTheMessagesOfTheCaptureByTheirFirstBytes()
    {
        assertEquals(SipMessage.INVITE, type(Captured.frame("sip.pcap", 1).payload()));
        assertEquals(SipMessage.RESPONSE, type(Captured.frame("sip.pcap", 6).payload()));
        assertEquals(SipMessage.REGISTER, type(Captured.frame("sip.pcap", 17).payload()));
        assertEquals(SipMessage.RESPONSE, type(Captured.frame("sip.pcap", 48).payload()));
    }

    @Test
    void readsTheFieldsOfARealInvite()
    {
        final Map<String, String> fields = fieldsOf(INVITE.payload());

        assertEquals("1", fields.get("SIP_MSG_TYPE"));
        assertEquals("0", fields.get("SIP_STATUS_CODE"));
        assertEquals("sip:100@195.113.172.38", fields.get("SIP_REQUEST_URI"));
        assertEquals("sip:100@1.1.1.1", fields.get("SIP_CALLING_PARTY"));
        assertEquals("sip:100@1.1.1.1", fields.get("SIP_CALLED_PARTY"));
        assertEquals("279205998884020260561273", fields.get("SIP_CALL_ID"));
        assertEquals("1 INVITE", fields.get("SIP_CSEQ"));
        assertEquals("friendly-scanner", fields.get("SIP_USER_AGENT"));
        assertEquals("SIP/2.0/UDP 127.0.1.1:5060", fields.get("SIP_VIA"));
    }

    @Test
    void readsTheStatusOfARealResponse()
    {
        final Map<String, String> fields = fieldsOf(Captured.frame("sip.pcap", 48).payload());

        assertEquals("99", fields.get("SIP_MSG_TYPE"));
        assertEquals("200", fields.get("SIP_STATUS_CODE"));
        assertEquals("2 REGISTER", fields.get("SIP_CSEQ"));
        assertEquals("1080421403", fields.get("SIP_CALL_ID"));
        assertEquals("sip:6001@195.113.172.39", fields.get("SIP_CALLED_PARTY"));
        assertEquals("", fields.get("SIP_REQUEST_URI"));
    }

    @Test
    void everyMessageOnAFlowStartsTheNextFlow()
    {
        driver.create(0, true, Captured.bytes("sip.pcap", 17));

        assertEquals(ProcessPlugin.FLUSH_WITH_REINSERT, driver.update(0, false, Captured.bytes("sip.pcap", 18)));
        driver.export(0);
        assertEquals("5", driver.exported().get(0).get("SIP_MSG_TYPE"));
        assertEquals("401", driver.exported().get(1).get("SIP_STATUS_CODE"));
    }

    @Test
    void compactHeaderNamesCount()
    {
        final Map<String, String> fields = fieldsOf(text("BYE sip:bob@example.com SIP/2.0\r\nv: SIP/2.0/TCP h1;branch=z9\r\n"
            + "f: <sip:alice@example.com>;tag=1\r\nt: Bob <sips:bob@example.com>\r\ni: a84b4c76e66710\r\nCSeq: 7 BYE\r\n"
            + PADDING));

        assertEquals("4", fields.get("SIP_MSG_TYPE"));
        assertEquals("SIP/2.0/TCP h1", fields.get("SIP_VIA"));
        assertEquals("sip:alice@example.com", fields.get("SIP_CALLING_PARTY"));
        assertEquals("sips:bob@example.com", fields.get("SIP_CALLED_PARTY"));
        assertEquals("a84b4c76e66710", fields.get("SIP_CALL_ID"));
    }

    @Test
    void severalViaValuesAreJoinedUpToTheirLimit()
    {
        final StringBuilder message = new StringBuilder("ACK sip:b@example.com SIP/2.0\r\n");
        for (int i = 0; i < 20; i++)
        {
            message.append("Via: SIP/2.0/UDP proxy").append(i).append(".example.com;branch=z").append(i).append("\r\n");
        }
        final String via = fieldsOf(text(message.append(PADDING).toString())).get("SIP_VIA");

        assertEquals(127, via.length());
        assertTrue(via.startsWith("SIP/2.0/UDP proxy0.example.com;SIP/2.0/UDP proxy1.example.com;"), via);
    }

    @Test
    void callInfoAndUserToUserDoNotOverwriteCallIdAndUserAgent()
    {
        final Map<String, String> fields = fieldsOf(text("INVITE sip:b@example.com SIP/2.0\r\nCall-ID: abc@h\r\n"
            + "Call-Info: <http://www.example.com/alice/photo.jpg>;purpose=icon\r\nUser-Agent: Phone/1.0\r\n"
            + "User-to-User: 56a390f3d2b7310023a2\r\n" + PADDING));

        assertEquals("abc@h", fields.get("SIP_CALL_ID"));
        assertEquals("Phone/1.0", fields.get("SIP_USER_AGENT"));
    }

    @Test
    void uriWithoutBracketOrSemicolonKeepsItsLastDigits()
    {
        final Map<String, String> fields = fieldsOf(text("OPTIONS sip:100@1.1.1.1 SIP/2.0\r\nTo: sip:100@1.1.1.1\r\n"
            + "From: \"a:b\" sip:7@10.0.0.1\r\n" + PADDING));

        assertEquals("6", fields.get("SIP_MSG_TYPE"));
        assertEquals("sip:100@1.1.1.1", fields.get("SIP_CALLED_PARTY"));
        assertEquals("sip:7@10.0.0.1", fields.get("SIP_CALLING_PARTY"), "a colon before the URI is passed over");
    }

    @Test
    void fromWithoutSipUriStaysEmpty()
    {
        assertEquals("", fieldsOf(text("INFO sip:b@example.com SIP/2.0\r\nFrom: <tel:+420123456789>\r\n" + PADDING))
            .get("SIP_CALLING_PARTY"));
    }

    @Test
    void statusLineWithoutCodeGives999()
    {
        assertEquals("999", fieldsOf(text("SIP/2.0\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\n" + PADDING)).get("SIP_STATUS_CODE"));
    }

    @Test
    void rejectsPayloadsShorterThan64Bytes()
    {
        assertEquals(SipMessage.INVALID, type(text("INVITE sip:b@example.com SIP/2.0\r\nCall-ID: x\r\n\r\n")));
    }

    @Test
    void rejectsHttpOptionsAndSsdpNotify()
    {
        assertEquals(SipMessage.INVALID, type(text("OPTIONS / HTTP/1.1\r\nHost: example.com\r\n" + PADDING)));
        assertEquals(SipMessage.INVALID, type(Captured.frame("ssdp.pcap", 4).payload()));
        assertEquals(SipMessage.NOTIFY, type(text("NOTIFY sip:b@example.com SIP/2.0\r\nEvent: dialog\r\n" + PADDING)));
    }

    @Test
    void otherTrafficStartsNoFlow()
    {
        for (final String capture : List.of("http.pcap", "rtsp.pcap", "smtp.pcap", "dns.pcap", "tls.pcap"))
        {
            for (int i = 0; i < Captured.packets(capture).size(); i++)
            {
                final byte[] frame = Captured.packets(capture).get(i).frame();
                try
                {
                    new Frame(frame);
                }
                catch (final IllegalArgumentException notAFlowPacket)
                {
                    continue;
                }
                driver.create(0, true, frame);
                assertEquals(ProcessPlugin.CONTINUE, driver.update(0, true, frame), capture + " frame " + (i + 1));
                driver.export(0);
            }
        }
        assertTrue(driver.exported().isEmpty());
    }

    @Test
    void allocatesNothingPerPacketOnceWarm()
    {
        final List<byte[]> frames = List.of(Captured.bytes("sip.pcap", 17), Captured.bytes("sip.pcap", 18),
            Captured.bytes("sip.pcap", 19), Captured.bytes("http.pcap", 1));
        final boolean[] forward = {true, false, true, true};

        final double perPacket = SteadyState.bytesPerPacket(new SipPlugin(SLOTS), frames, forward, 200_000);

        assertTrue(perPacket < 0.05, "bytes per packet: " + perPacket);
    }

    private static int type(final byte[] payload)
    {
        return SipMessage.type(new UnsafeBuffer(payload), 0, payload.length);
    }

    private static Map<String, String> fieldsOf(final byte[] payload)
    {
        final HookDriver fresh = new HookDriver(new SipPlugin(SLOTS));
        fresh.create(0, true, INVITE.withPayload(payload));
        fresh.export(0);
        return fresh.exported().isEmpty() ? Map.of() : fresh.last();
    }
}
