package io.weir.export.ipfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The decoder on messages written by hand from RFC 7011/6313 layouts, valid and not. */
class IpfixDecoderTest
{
    private static final InformationModel MODEL = InformationModel.standard().addAll(TestRecords.PLUGIN);

    private static ExportHarness.Decoded decode(final boolean options, final byte[]... messages) throws IOException
    {
        return ExportHarness.decode(new ByteArrayInputStream(MessageBytes.concat(messages)), MODEL, options,
            new DecodeSession("test"));
    }

    private static ExportHarness.Decoded decode(final DecodeSession session, final boolean withDomain,
                                                final byte[]... messages) throws IOException
    {
        final ExportHarness.Decoded decoded = new ExportHarness.Decoded(true);
        new IpfixStreamReader(new IpfixDecoder(MODEL, decoded, withDomain), decoded)
            .read(new ByteArrayInputStream(MessageBytes.concat(messages)), session);
        return decoded;
    }

    @Test
    void readsVariableLengthInBothFormsEnterpriseAndUnknownElements() throws IOException
    {
        final byte[] longHost = new byte[300];
        Arrays.fill(longHost, (byte)'a');
        final byte[] message = MessageBytes.message(7, 0)
            .set(2).u16(300).u16(4).spec(0, 8, 4).spec(39499, 1, 0xFFFF).spec(0, 999, 2).spec(12345, 77, 3)
            .set(300)
            .u32(0x0A000001L).varlen("x.cz".getBytes(StandardCharsets.US_ASCII), false).u16(0xBEEF).u8(1).u8(2).u8(3)
            .u32(0x0A000002L).varlen("y.cz".getBytes(StandardCharsets.US_ASCII), true).u16(1).u8(0).u8(0).u8(0)
            .u32(0x0A000003L).varlen(longHost, false).u16(2).u8(9).u8(9).u8(9)
            .end();
        final ExportHarness.Decoded decoded = decode(false, message);
        assertEquals(List.of(), decoded.problems);
        final String a300 = "a".repeat(300);
        assertEquals("{\"sourceIPv4Address\":\"10.0.0.1\",\"httpRequestHost\":\"x.cz\",\"e0id999\":\"beef\","
                + "\"e12345id77\":\"010203\"}\n"
                + "{\"sourceIPv4Address\":\"10.0.0.2\",\"httpRequestHost\":\"y.cz\",\"e0id999\":\"0001\","
                + "\"e12345id77\":\"000000\"}\n"
                + "{\"sourceIPv4Address\":\"10.0.0.3\",\"httpRequestHost\":\"" + a300 + "\",\"e0id999\":\"0002\","
                + "\"e12345id77\":\"090909\"}\n",
            decoded.text());
    }

    @Test
    void readsOptionsTemplatesAndTheirRecords() throws IOException
    {
        final byte[] message = MessageBytes.message(0, 0)
            .set(3).u16(400).u16(3).u16(1).spec(0, 144, 4).spec(0, 41, 8).spec(0, 215, 1)
            .set(400).u32(4242).u64(17).u8(6)
            .end();
        final ExportHarness.Decoded decoded = decode(true, message);
        assertEquals(List.of(), decoded.problems);
        assertEquals(1, decoded.optionRecords);
        assertEquals("{\"exportingProcessId\":4242,\"exportedMessageTotalCount\":17,\"exportTransportProtocol\":6}\n",
            decoded.text());
        assertEquals("", decode(false, message).text(), "options records are left out unless asked for");
    }

    @Test
    void honoursWithdrawalsAndRedefinitions() throws IOException
    {
        final byte[] define = MessageBytes.message(1, 0).set(2).u16(256).u16(1).spec(0, 4, 1).set(256).u8(6).u8(17).end();
        final byte[] withdraw = MessageBytes.message(1, 2).set(2).u16(256).u16(0).end();
        final byte[] orphan = MessageBytes.message(1, 2).set(256).u8(1).end();
        final byte[] redefine = MessageBytes.message(1, 2).set(2).u16(256).u16(1).spec(0, 7, 2).set(256).u16(53).end();
        final byte[] withdrawAll = MessageBytes.message(1, 3).set(2).u16(2).u16(0).end();
        final byte[] orphanAgain = MessageBytes.message(1, 3).set(256).u16(80).end();
        final DecodeSession session = new DecodeSession("test");
        final ExportHarness.Decoded decoded = decode(session, false, define, withdraw, orphan, redefine, withdrawAll,
            orphanAgain);
        assertEquals("{\"protocolIdentifier\":6}\n{\"protocolIdentifier\":17}\n{\"sourceTransportPort\":53}\n",
            decoded.text());
        assertEquals(2, session.withdrawals());
        assertEquals(2, session.setsWithoutTemplate());
        assertEquals(2, decoded.problems.size());
        final long orphanOffset = define.length + withdraw.length + 16;
        assertEquals(orphanOffset + ": no template 256 in observation domain 1; data set skipped",
            decoded.problems.get(0));
    }

    @Test
    void keepsObservationDomainsApart() throws IOException
    {
        final byte[] one = MessageBytes.message(1, 0).set(2).u16(256).u16(1).spec(0, 4, 1).set(256).u8(6).end();
        final byte[] two = MessageBytes.message(2, 0).set(2).u16(256).u16(1).spec(0, 7, 2).set(256).u16(443).end();
        final byte[] oneAgain = MessageBytes.message(1, 1).set(256).u8(17).end();
        final DecodeSession session = new DecodeSession("test");
        final ExportHarness.Decoded decoded = decode(session, true, one, two, oneAgain);
        assertEquals(List.of(), decoded.problems);
        assertEquals("{\"observationDomainId\":1,\"protocolIdentifier\":6}\n"
            + "{\"observationDomainId\":2,\"sourceTransportPort\":443}\n"
            + "{\"observationDomainId\":1,\"protocolIdentifier\":17}\n", decoded.text());
        assertEquals(0, session.sequenceGaps());
        assertEquals(2, session.expectedSequence(1));
        assertEquals(1, session.expectedSequence(2));
    }

    @Test
    void readsBasicListsKnownAndUnknown() throws IOException
    {
        final byte[] message = MessageBytes.message(0, 0)
            .set(2).u16(256).u16(2).spec(0, 291, 0xFFFF).spec(0, 291, 0xFFFF)
            .set(256)
            .u8(255).u16(9 + 6).u8(3).u16(1013 | 0x8000).u16(2).u32(8057).u16(60).u16(1500).u16(40)
            .u8(9 + 2).u8(3).u16(4444 | 0x8000).u16(1).u32(8057).u8(0xAB).u8(0xCD)
            .end();
        final ExportHarness.Decoded decoded = decode(false, message);
        assertEquals(List.of(), decoded.problems);
        assertEquals("{\"pktLengths\":[60,1500,40],\"e8057id4444\":\"abcd\"}\n", decoded.text());
    }

    @Test
    void widensReducedSizeIntegersAndConvertsTimes() throws IOException
    {
        final long seconds = 1_477_674_114L;
        final long usec = 88_536;
        final long ipfixprobeFraction = (usec << 32) / 999_999;
        final byte[] message = MessageBytes.message(0, 0)
            .set(2).u16(256).u16(5).spec(0, 1, 4).spec(0, 152, 8).spec(0, 154, 8).spec(0, 150, 4).spec(0, 8, 5)
            .set(256).u32(123456).u64(seconds * 1000 + 88).u64(((seconds + 2_208_988_800L) << 32) | ipfixprobeFraction)
            .u32(seconds).u8(1).u8(2).u8(3).u8(4).u8(5)
            .end();
        final ExportHarness.Decoded decoded = decode(false, message);
        assertEquals(List.of(), decoded.problems);
        assertEquals("{\"octetDeltaCount\":123456,\"flowStartMilliseconds\":\"2016-10-28T17:01:54.088Z\","
            + "\"flowStartMicroseconds\":\"2016-10-28T17:01:54.088536Z\",\"flowStartSeconds\":\"2016-10-28T17:01:54Z\","
            + "\"sourceIPv4Address\":\"0102030405\"}\n", decoded.text());
    }

    @Test
    void reportsABrokenSetAndGoesOnWithTheNextMessage() throws IOException
    {
        final byte[] template = MessageBytes.message(0, 0).set(2).u16(256).u16(1).spec(0, 4, 1).end();
        final byte[] broken = MessageBytes.message(0, 0).set(256).u8(6).end();
        broken[18] = 0x7F;
        final byte[] good = MessageBytes.message(0, 0).set(256).u8(17).end();
        final ExportHarness.Decoded decoded = decode(false, template, broken, good);
        assertEquals("{\"protocolIdentifier\":17}\n", decoded.text());
        assertEquals(List.of((template.length + 16) + ": set 256 of length 32517 does not fit in its message; rest of"
            + " message skipped"), decoded.problems);
    }

    @Test
    void skipsBytesThatAreNoMessageAndReportsWhere() throws IOException
    {
        final byte[] template = MessageBytes.message(0, 0).set(2).u16(256).u16(1).spec(0, 4, 1).end();
        final byte[] garbage = {1, 2, 3, 4, 5, 6, 7};
        final byte[] good = MessageBytes.message(0, 0).set(256).u8(1).end();
        final byte[] cut = Arrays.copyOf(good, good.length - 1);
        final ExportHarness.Decoded decoded = decode(false, template, garbage, good, cut);
        assertEquals("{\"protocolIdentifier\":1}\n", decoded.text());
        assertEquals(List.of(template.length + ": 7 bytes are no IPFIX message; skipped",
            (template.length + 7 + good.length) + ": message of 21 bytes is cut short after 20 bytes"), decoded.problems);
        assertTrue(decoded.flowRecords == 1);
    }
}
