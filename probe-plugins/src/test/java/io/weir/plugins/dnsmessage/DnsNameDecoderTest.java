package io.weir.plugins.dnsmessage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import io.weir.plugins.dnsmessage.testing.CaptureFrames;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The name layer on real messages from dns.pcap and on malformed names made for the purpose. */
class DnsNameDecoderTest
{
    private final DnsName name = new DnsName(1024);

    static DnsMessage message(final byte[] bytes)
    {
        final DnsMessage message = new DnsMessage();
        assertEquals(0, message.wrap(new UnsafeBuffer(bytes), 0, bytes.length, false));
        return message;
    }

    static byte[] dnsPayload(final int frame)
    {
        return CaptureFrames.frame("dns.pcap", frame).payload();
    }

    /** A 12-byte header (one question) followed by {@code body}. */
    static byte[] withHeader(final int... body)
    {
        final byte[] bytes = new byte[12 + body.length];
        bytes[5] = 1;
        for (int i = 0; i < body.length; i++)
        {
            bytes[12 + i] = (byte)body[i];
        }
        return bytes;
    }

    @Test
    void decodesNameInPlace()
    {
        final DnsMessage message = message(dnsPayload(1));

        assertEquals(12 + 12, DnsNameDecoder.decode(message, 12, name));
        assertEquals("kernel.org", name.toString());
        assertEquals(2, name.labels());
        assertEquals(12 + 12, DnsNameDecoder.skip(message, 12));
    }

    @Test
    void followsCompressionPointerAndEndsAfterIt()
    {
        final DnsMessage message = message(dnsPayload(2));
        final int answer = 12 + 12 + 4;

        assertEquals(answer + 2, DnsNameDecoder.decode(message, answer, name));
        assertEquals("kernel.org", name.toString());
        assertEquals(answer + 2, DnsNameDecoder.skip(message, answer));
    }

    @Test
    void followsChainOfBackwardPointers()
    {
        // frame 12: the second MX answer's exchange is "alt4" + pointer 0x2f ("aspmx.l" + pointer 0x0c)
        final DnsMessage message = message(dnsPayload(12));
        final int secondAnswerRdata = 0x6f - 0x2a;

        assertEquals(0xc0, message.u8(secondAnswerRdata + 2 + 5));
        assertEquals(secondAnswerRdata + 2 + 7, DnsNameDecoder.decode(message, secondAnswerRdata + 2, name));
        assertEquals("alt4.aspmx.l.google.com", name.toString());
    }

    @Test
    void decodesRootAsEmptyName()
    {
        final DnsMessage message = message(dnsPayload(9));

        assertEquals(13, DnsNameDecoder.decode(message, 12, name));
        assertEquals("", name.toString());
        assertEquals(0, name.labels());
    }

    @Test
    void rejectsCompressionPointerLoop()
    {
        final DnsMessage selfLoop = message(withHeader(0xc0, 12, 0, 1, 0, 1));
        assertEquals(DnsStatus.MALFORMED, DnsNameDecoder.decode(selfLoop, 12, name));

        // "a" then a pointer back to the "a": points before itself, yet loops
        final DnsMessage labelLoop = message(withHeader(1, 'a', 0xc0, 12, 0, 1, 0, 1));
        assertEquals(DnsStatus.MALFORMED, DnsNameDecoder.decode(labelLoop, 12, name));

        // two names pointing at each other: 12 -> 17 is forward, 17 -> 12 closes the loop
        final DnsMessage pair = message(withHeader(1, 'a', 0xc0, 17, 0, 1, 'b', 0xc0, 12, 0));
        assertEquals(DnsStatus.MALFORMED, DnsNameDecoder.decode(pair, 12, name));
        assertEquals(DnsStatus.MALFORMED, DnsNameDecoder.decode(pair, 17, name));
    }

    @Test
    void rejectsForwardPointer()
    {
        final DnsMessage message = message(withHeader(0xc0, 14, 1, 'x', 0));

        assertEquals(DnsStatus.MALFORMED, DnsNameDecoder.decode(message, 12, name));
    }

    @Test
    void rejectsPointerChainThatClimbsBack()
    {
        // name at 20 -> 16 ("b" then pointer to 18) -> 18 is above 16: not strictly backwards
        final DnsMessage message = message(withHeader(0, 0, 0, 0, 1, 'b', 0xc0, 18, 0xc0, 16, 0));

        assertEquals(DnsStatus.MALFORMED, DnsNameDecoder.decode(message, 20, name));
    }

    @Test
    void rejectsReservedLabelTypes()
    {
        assertEquals(DnsStatus.MALFORMED, DnsNameDecoder.decode(message(withHeader(0x40, 'a', 0)), 12, name));
        assertEquals(DnsStatus.MALFORMED, DnsNameDecoder.decode(message(withHeader(0x80, 'a', 0)), 12, name));
        assertEquals(DnsStatus.MALFORMED, DnsNameDecoder.skip(message(withHeader(0x41, 'a', 0)), 12));
    }

    @Test
    void reportsNameCutByTheEndAsTruncated()
    {
        final byte[] whole = dnsPayload(1);
        for (int length = 12; length < 12 + 12; length++)
        {
            final DnsMessage message = message(Arrays.copyOf(whole, length));
            assertEquals(DnsStatus.TRUNCATED, DnsNameDecoder.decode(message, 12, name), "length " + length);
            assertEquals(DnsStatus.TRUNCATED, DnsNameDecoder.skip(message, 12), "length " + length);
        }
        assertEquals(DnsStatus.TRUNCATED, DnsNameDecoder.decode(message(withHeader(0xc0)), 12, name));
        assertEquals(DnsStatus.TRUNCATED, DnsNameDecoder.skip(message(withHeader(0xc0)), 12));
    }

    @Test
    void boundsLabelsPerName()
    {
        assertTrue(DnsNameDecoder.decode(message(labels(128)), 12, name) > 0);
        assertEquals(128, name.labels());
        assertEquals(DnsStatus.MALFORMED, DnsNameDecoder.decode(message(labels(129)), 12, name));
        assertEquals(DnsStatus.MALFORMED, DnsNameDecoder.skip(message(labels(129)), 12));
    }

    @Test
    void cutsTextAtCapacityButReadsTheWholeName()
    {
        final DnsName small = new DnsName(5);
        final DnsMessage message = message(dnsPayload(1));

        assertEquals(24, DnsNameDecoder.decode(message, 12, small));
        assertEquals("kerne", small.toString());
        assertTrue(small.cut());
    }

    private static byte[] labels(final int count)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[12]);
        for (int i = 0; i < count; i++)
        {
            out.write(1);
            out.write('a');
        }
        out.write(0);
        return out.toByteArray();
    }
}
