package io.weir.plugins.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.weir.plugins.dnsmessage.DnsType;
import io.weir.plugins.dnsmessage.testing.CaptureFrames;
import io.weir.plugins.dnsmessage.testing.DnsBuilder;
import io.weir.plugins.dnsmessage.testing.PcapWriter;
import io.weir.plugins.dnsmessage.testing.Tshark;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ipfixprobe's parse rules for one message: what counts as parsed, what is taken from where. */
class DnsMessageParserTest
{
    @TempDir
    Path dir;

    private final DnsFlowState state = new DnsFlowState();

    private boolean parse(final byte[] message)
    {
        state.clear();
        return new DnsMessageParser().parse(new UnsafeBuffer(message), 0, message.length, false, state);
    }

    @Test
    void readsEdnsPayloadSizeAndDoBitFromOpt() throws Exception
    {
        final byte[] query = DnsBuilder.header(0xbeef, 0x0120, 1, 0, 0, 1).question("example.org", DnsType.DNSKEY, 1)
            .name("").record(DnsType.OPT, 1232, 0x0000_8000L).endRecord().build();
        final String[] tshark = Tshark.fields(PcapWriter.write(dir.resolve("opt.pcap"),
            List.of(PcapWriter.udp4("192.0.2.10", 40000, "192.0.2.53", 53, query))), "dns",
            "dns.rr.udp_payload_size", "dns.resp.z.do", "dns.id").get(0);

        assertTrue(parse(query));
        assertEquals(Integer.parseInt(tshark[0]), state.payloadSize);
        assertEquals(tshark[1].equals("True") || tshark[1].equals("1") ? 1 : 0, state.dnssecOk);
        assertEquals(1, state.dnssecOk);
        assertEquals(Integer.decode(tshark[2]), state.id);
    }

    @Test
    void takesFirstQuestionAndFirstAnswer()
    {
        final byte[] message = DnsBuilder.header(1, 0x8183, 2, 2, 0, 0)
            .question("first.example", DnsType.A, 1).question("second.example", DnsType.AAAA, 3)
            .pointer(12).record(DnsType.A, 1, 111).u32(0x0A000001L).endRecord()
            .pointer(12).record(DnsType.A, 1, 222).u32(0x0A000002L).endRecord().build();

        assertTrue(parse(message));
        assertEquals("first.example", state.name.toString());
        assertEquals(DnsType.A, state.questionType);
        assertEquals(1, state.questionClass);
        assertEquals(111, state.ttl);
        assertEquals("10.0.0.1", state.rdata.toString());
        assertEquals(2, state.answers);
        assertEquals(3, state.rcode);
    }

    @Test
    void countsAMessageCutAfterAQuestionNameAsParsed()
    {
        // kernel.org query: its name ends at 24, the type and class at 28
        final byte[] query = CaptureFrames.frame("dns.pcap", 1).payload();

        assertTrue(parse(Arrays.copyOf(query, 26)));
        assertEquals(0x4943, state.id);
        assertEquals("", state.name.toString());
        assertEquals(0, state.questionType);
    }

    @Test
    void failsAMessageCutInsideAName()
    {
        final byte[] query = CaptureFrames.frame("dns.pcap", 1).payload();

        assertFalse(parse(Arrays.copyOf(query, 20)));
    }

    @Test
    void keepsTheFirstAnswerWhenALaterRecordIsCut()
    {
        final byte[] response = CaptureFrames.frame("dns.pcap", 2).payload();

        assertTrue(parse(Arrays.copyOf(response, response.length - 12)));
        assertEquals("199.204.44.194", state.rdata.toString());
        assertEquals(360, state.ttl);
        assertEquals(0, state.payloadSize, "the OPT record was cut off");
    }

    @Test
    void failsOnAnAnswerNameThatCannotBeSkipped()
    {
        final byte[] message = DnsBuilder.header(1, 0x8180, 1, 1, 0, 0).question("x.example", DnsType.A, 1)
            .u8(0x80).record(DnsType.A, 1, 1).u32(1).endRecord().build();

        assertFalse(parse(message));
    }
}
