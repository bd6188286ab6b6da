package io.weir.plugins.dnsmessage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The header layer over UDP and TCP framing, on the kernel.org response of dns.pcap (frame 2). */
class DnsMessageTest
{
    private final DnsMessage message = new DnsMessage();

    static byte[] tcp(final byte[]... messages)
    {
        int length = 0;
        for (final byte[] m : messages)
        {
            length += 2 + m.length;
        }
        final byte[] segment = new byte[length];
        int at = 0;
        for (final byte[] m : messages)
        {
            segment[at] = (byte)(m.length >>> 8);
            segment[at + 1] = (byte)m.length;
            System.arraycopy(m, 0, segment, at + 2, m.length);
            at += 2 + m.length;
        }
        return segment;
    }

    @Test
    void readsHeaderOfDatagram()
    {
        final byte[] payload = DnsNameDecoderTest.dnsPayload(2);

        assertEquals(0, message.wrap(new UnsafeBuffer(payload), 0, payload.length, false));
        assertEquals(0x4943, message.id());
        assertTrue(message.isResponse());
        assertEquals(0, message.rcode());
        assertEquals(1, message.questionCount());
        assertEquals(3, message.answerCount());
        assertEquals(0, message.authorityCount());
        assertEquals(1, message.additionalCount());
        assertEquals(payload.length, message.length());
    }

    @Test
    void readsQueryFlags()
    {
        final byte[] payload = DnsNameDecoderTest.dnsPayload(1);

        assertEquals(0, message.wrap(new UnsafeBuffer(payload), 0, payload.length, false));
        assertFalse(message.isResponse());
        assertEquals(0, message.answerCount());
    }

    @Test
    void readsLengthPrefixedMessageOverTcp()
    {
        final byte[] payload = DnsNameDecoderTest.dnsPayload(2);
        final byte[] segment = tcp(payload);

        assertEquals(0, message.wrap(new UnsafeBuffer(segment), 0, segment.length, true));
        assertEquals(2, message.offset());
        assertEquals(payload.length, message.length());
        assertEquals(0x4943, message.id());
    }

    @Test
    void needsMoreWhenTcpMessageIsLongerThanSegment()
    {
        final byte[] segment = tcp(DnsNameDecoderTest.dnsPayload(2));

        for (int length = 0; length < segment.length; length++)
        {
            assertEquals(DnsStatus.TRUNCATED, message.wrap(new UnsafeBuffer(segment), 0, length, true), "length " + length);
        }
    }

    @Test
    void takesFirstOfTwoMessagesInOneSegment()
    {
        final byte[] first = DnsNameDecoderTest.dnsPayload(1);
        final byte[] segment = tcp(first, DnsNameDecoderTest.dnsPayload(2));

        assertEquals(0, message.wrap(new UnsafeBuffer(segment), 0, segment.length, true));
        assertEquals(first.length, message.length());
        assertFalse(message.isResponse());
    }

    @Test
    void rejectsCompleteTcpMessageShorterThanHeader()
    {
        final byte[] segment = tcp(new byte[5]);

        assertEquals(DnsStatus.MALFORMED, message.wrap(new UnsafeBuffer(segment), 0, segment.length, true));
    }

    @Test
    void needsMoreWhenDatagramIsShorterThanHeader()
    {
        final byte[] payload = Arrays.copyOf(DnsNameDecoderTest.dnsPayload(2), 11);

        assertEquals(DnsStatus.TRUNCATED, message.wrap(new UnsafeBuffer(payload), 0, payload.length, false));
    }
}
