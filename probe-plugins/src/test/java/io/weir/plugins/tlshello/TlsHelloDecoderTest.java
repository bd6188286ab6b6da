package io.weir.plugins.tlshello;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.weir.core.testing.TestData;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hello decoder, the record layer and JA3 on real bytes: the ClientHello of tls.pcap frame 63
 * (Chrome with GREASE, to ja3er.com) and the ServerHello of frame 68, checked against tshark's
 * dissection of the same frames, and damaged copies of them.
 */
class TlsHelloDecoderTest
{
    /** TCP payload of frame 63: one handshake record holding the ClientHello. */
    private static byte[] clientRecord;
    private static byte[] serverRecord;
    private static List<String> tshark;

    private final TlsHelloDecoder decoder = new TlsHelloDecoder(1 << 16);

    @BeforeAll
    static void readFrames() throws Exception
    {
        final Pcap pcap = Pcap.read(TestData.capture("tls.pcap"));
        clientRecord = payload(pcap, 63);
        serverRecord = payload(pcap, 68);
        tshark = Tshark.fields(TestData.capture("tls.pcap"), "frame.number == 63", "tls.handshake.extensions_server_name",
            "tls.handshake.ciphersuite", "tls.handshake.extension.type", "tls.handshake.ja3_full",
            "tls.handshake.extensions_alpn_str", "tls.handshake.extensions_supported_groups").get(0);
    }

    private static byte[] payload(final Pcap pcap, final int frame)
    {
        final byte[] data = pcap.frames().get(frame - 1).data();
        final int offset = Pcap.payloadOffset(data);
        return Arrays.copyOfRange(data, offset, offset + Pcap.payloadLength(data));
    }

    /** The handshake message without the 5-byte record header. */
    private static byte[] message(final byte[] record)
    {
        return Arrays.copyOfRange(record, 5, record.length);
    }

    private int decode(final byte[] message)
    {
        return decoder.decode(new UnsafeBuffer(message), 0, message.length);
    }

    private String text(final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        decoder.buffer().getBytes(offset, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    @Test
    void decodesTheClientHelloAsTsharkDoes()
    {
        assertEquals(TlsHelloDecoder.OK, decode(message(clientRecord)));
        assertEquals(TlsNumbers.CLIENT_HELLO, decoder.type());
        assertEquals(0x0303, decoder.legacyVersion());
        assertEquals(tshark.get(0), text(decoder.serverNameOffset(), decoder.serverNameLength()));
        final List<String> ciphers = new ArrayList<>();
        for (int i = 0; i < decoder.cipherSuiteCount(); i++)
        {
            ciphers.add(String.format("0x%04x", decoder.cipherSuite(i)));
        }
        assertEquals(tshark.get(1), String.join(",", ciphers));
        final List<String> extensions = new ArrayList<>();
        for (int i = 0; i < decoder.extensionCount(); i++)
        {
            extensions.add(Integer.toString(decoder.extensionType(i)));
        }
        assertEquals(tshark.get(2), String.join(",", extensions));
        assertEquals(tshark.get(4).split(",")[0], text(decoder.alpnOffset(), decoder.alpnLength()));
        assertEquals(tshark.get(3), new Ja3().text(decoder).toString());
    }

    @Test
    void decodesTheServerHelloAlpnAndVersion()
    {
        assertEquals(TlsHelloDecoder.OK, decode(message(serverRecord)));
        assertEquals(TlsNumbers.SERVER_HELLO, decoder.type());
        assertEquals("http/1.1", text(decoder.alpnOffset(), decoder.alpnLength()));
    }

    @Test
    void reportsTruncationAtEveryLength()
    {
        final byte[] message = message(clientRecord);
        for (int length = 1; length < message.length; length++)
        {
            assertEquals(TlsHelloDecoder.TRUNCATED, decoder.decode(new UnsafeBuffer(message), 0, length), "length " + length);
            if (length >= 4)
            {
                assertEquals(message.length, decoder.requiredLength());
            }
        }
    }

    @Test
    void rejectsAnExtensionBlockLongerThanTheMessage()
    {
        final byte[] message = message(clientRecord);
        final int extensionsLength = extensionsLengthOffset(message);
        message[extensionsLength] = (byte)0xFF;
        assertEquals(TlsHelloDecoder.MALFORMED, decode(message));
    }

    @Test
    void keepsTheExtensionsBeforeOneThatOverrunsTheBlock()
    {
        final byte[] message = message(clientRecord);
        assertEquals(TlsHelloDecoder.OK, decode(message));
        final int all = decoder.extensionCount();
        final int fifth = decoder.extensionOffset(4) - 2;
        message[fifth] = (byte)0xFF;
        message[fifth + 1] = (byte)0xFF;
        assertEquals(TlsHelloDecoder.OK, decode(message));
        assertEquals(4, decoder.extensionCount());
        assertTrue(all > 4);
    }

    @Test
    void rejectsASessionIdLongerThan32Bytes()
    {
        final byte[] message = message(clientRecord);
        message[4 + 2 + 32] = 33;
        assertEquals(TlsHelloDecoder.MALFORMED, decode(message));
    }

    @Test
    void rejectsAnOddCipherSuiteLength()
    {
        final byte[] message = message(clientRecord);
        final int suites = 4 + 2 + 32 + 1 + (message[4 + 2 + 32] & 0xFF);
        message[suites + 1] |= 1;
        assertEquals(TlsHelloDecoder.MALFORMED, decode(message));
    }

    @Test
    void ignoresAServerNameListLongerThanItsExtension()
    {
        final byte[] message = message(clientRecord);
        assertEquals(TlsHelloDecoder.OK, decode(message));
        final int sni = indexOfExtension(TlsNumbers.EXT_SERVER_NAME);
        message[decoder.extensionOffset(sni)] = (byte)0x7F;
        assertEquals(TlsHelloDecoder.OK, decode(message));
        assertTrue(decoder.hasServerNameExtension());
        assertEquals(-1, decoder.serverNameOffset());
    }

    @Test
    void isNotAHelloForOtherHandshakeTypesOrSsl3()
    {
        final byte[] certificate = message(clientRecord);
        certificate[0] = 11;
        assertEquals(TlsHelloDecoder.NOT_HELLO, decode(certificate));
        final byte[] ssl3 = message(clientRecord);
        ssl3[5] = 0;
        assertEquals(TlsHelloDecoder.NOT_HELLO, decode(ssl3));
    }

    @Test
    void rejectsAMessageLongerThanTheDecoderTakes()
    {
        final TlsHelloDecoder small = new TlsHelloDecoder(256);
        final byte[] message = message(clientRecord);
        assertEquals(TlsHelloDecoder.MALFORMED, small.decode(new UnsafeBuffer(message), 0, message.length));
    }

    @Test
    void joinsAHelloSplitOverTwoRecords()
    {
        final byte[] message = message(clientRecord);
        final int cut = 100;
        final byte[] stream = new byte[message.length + 10];
        stream[0] = 22;
        stream[1] = 3;
        stream[2] = 1;
        stream[3] = 0;
        stream[4] = (byte)cut;
        System.arraycopy(message, 0, stream, 5, cut);
        final int rest = message.length - cut;
        stream[5 + cut] = 22;
        stream[6 + cut] = 3;
        stream[7 + cut] = 1;
        stream[8 + cut] = (byte)(rest >>> 8);
        stream[9 + cut] = (byte)rest;
        System.arraycopy(message, cut, stream, 10 + cut, rest);
        final HandshakeRecords records = new HandshakeRecords(1 << 16);
        assertEquals(HandshakeRecords.NEED_MORE, records.find(new UnsafeBuffer(stream), 0, stream.length - 1));
        assertEquals(HandshakeRecords.COMPLETE, records.find(new UnsafeBuffer(stream), 0, stream.length));
        assertEquals(TlsHelloDecoder.OK, decoder.decode(records.messageBuffer(), records.messageOffset(),
            records.messageLength()));
        assertEquals(tshark.get(0), text(decoder.serverNameOffset(), decoder.serverNameLength()));
    }

    @Test
    void refusesRecordsThatAreNotHandshakesOrAbsurdlyLong()
    {
        final HandshakeRecords records = new HandshakeRecords(1 << 16);
        final byte[] applicationData = clientRecord.clone();
        applicationData[0] = 23;
        assertEquals(HandshakeRecords.NOT_HANDSHAKE, records.find(new UnsafeBuffer(applicationData), 0, applicationData.length));
        final byte[] absurd = clientRecord.clone();
        absurd[3] = (byte)0xFF;
        absurd[4] = (byte)0xFF;
        assertEquals(HandshakeRecords.MALFORMED, records.find(new UnsafeBuffer(absurd), 0, absurd.length));
        assertEquals(HandshakeRecords.COMPLETE, records.find(new UnsafeBuffer(clientRecord), 0, clientRecord.length));
    }

    private int indexOfExtension(final int type)
    {
        for (int i = 0; i < decoder.extensionCount(); i++)
        {
            if (decoder.extensionType(i) == type)
            {
                return i;
            }
        }
        throw new AssertionError("no extension " + type);
    }

    private static int extensionsLengthOffset(final byte[] message)
    {
        int p = 4 + 2 + 32;
        p += 1 + (message[p] & 0xFF);
        p += 2 + (((message[p] & 0xFF) << 8) | (message[p + 1] & 0xFF));
        p += 1 + (message[p] & 0xFF);
        return p;
    }
}
