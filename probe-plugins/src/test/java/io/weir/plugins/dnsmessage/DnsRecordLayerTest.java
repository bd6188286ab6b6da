package io.weir.plugins.dnsmessage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The question and record layers on the kernel.org exchange of dns.pcap (frames 1 and 2). */
class DnsRecordLayerTest
{
    private final DnsQuestion question = new DnsQuestion(256);
    private final DnsResourceRecord record = new DnsResourceRecord();

    @Test
    void decodesQuestion()
    {
        final DnsMessage message = DnsNameDecoderTest.message(DnsNameDecoderTest.dnsPayload(1));

        assertEquals(28, question.decode(message, 12));
        assertEquals("kernel.org", question.name().toString());
        assertEquals(DnsType.A, question.type());
        assertEquals(1, question.questionClass());
    }

    @Test
    void decodesAnswersAndOptRecord()
    {
        final DnsMessage message = DnsNameDecoderTest.message(DnsNameDecoderTest.dnsPayload(2));
        int position = question.decode(message, 12);
        final long[] addresses = new long[3];
        for (int i = 0; i < 3; i++)
        {
            position = record.decode(message, position);
            assertEquals(DnsType.A, record.type());
            assertEquals(1, record.recordClass());
            assertEquals(360, record.ttl());
            assertEquals(4, record.rdataLength());
            addresses[i] = message.u32(record.rdataPosition());
        }
        assertEquals(0xC7CC2CC2L, addresses[0]);    // 199.204.44.194, first as tshark lists them
        assertEquals(0xC691148CL, addresses[1]);    // 198.145.20.140
        assertEquals(0x95140445L, addresses[2]);    // 149.20.4.69

        assertEquals(message.length(), record.decode(message, position));
        assertEquals(DnsType.OPT, record.type());
        assertEquals(512, record.recordClass());
        assertEquals(0, record.ttl());
    }

    @Test
    void tellsCutFixedFieldsFromBrokenName()
    {
        final byte[] whole = DnsNameDecoderTest.dnsPayload(2);
        final int answer = 28;
        for (int length = answer + 2; length < answer + 2 + 10 + 4; length++)
        {
            final DnsMessage message = DnsNameDecoderTest.message(Arrays.copyOf(whole, length));
            assertEquals(DnsStatus.TRUNCATED, record.decode(message, answer), "length " + length);
            assertFalse(record.nameFailed());
        }
        final DnsMessage cutName = DnsNameDecoderTest.message(Arrays.copyOf(whole, answer + 1));
        assertEquals(DnsStatus.TRUNCATED, record.decode(cutName, answer));
        assertTrue(record.nameFailed());

        final DnsMessage cutQuestion = DnsNameDecoderTest.message(Arrays.copyOf(whole, 26));
        assertEquals(DnsStatus.TRUNCATED, question.decode(cutQuestion, 12));
        assertFalse(question.nameFailed());
    }
}
