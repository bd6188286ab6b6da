package io.weir.plugins.mqtt;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MQTT reader on real packets of mqtt.pcap, alone, together in one segment, and broken. */
class MqttParserTest
{
    private static final int SLOT = 3;

    private final MqttFlows flows = new MqttFlows(8, 10, 64);

    private int parse(final byte[] payload)
    {
        return MqttParser.parse(new UnsafeBuffer(payload), 0, payload.length, flows, SLOT);
    }

    private String topics()
    {
        return flows.topics[SLOT] == null ? ""
            : new String(flows.topics[SLOT], 0, flows.topicsLength[SLOT], StandardCharsets.UTF_8);
    }

    private static byte[] concat(final byte[]... parts)
    {
        int length = 0;
        for (final byte[] part : parts)
        {
            length += part.length;
        }
        final byte[] out = new byte[length];
        int at = 0;
        for (final byte[] part : parts)
        {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    @Test
    void readsConnect()
    {
        final byte[] connect = MqttCapture.firstOfType(MqttParser.TYPE_CONNECT);
        assertTrue(MqttParser.startsWithProtocolName(new UnsafeBuffer(connect), 0, connect.length));
        assertEquals(MqttParser.VALID, parse(connect));
        assertEquals(1 << 1, flows.typeCumulative[SLOT]);
        assertEquals(4, flows.version[SLOT]);
        assertEquals(0x02, flows.connectionFlags[SLOT]);
        assertEquals(60, flows.keepAlive[SLOT]);
    }

    @Test
    void readsConnackPublishAndDisconnect()
    {
        assertEquals(MqttParser.VALID, parse(MqttCapture.firstOfType(MqttParser.TYPE_CONNACK)));
        assertEquals(MqttParser.VALID, parse(MqttCapture.firstOfType(MqttParser.TYPE_PUBLISH)));
        assertEquals(MqttParser.VALID | MqttParser.DISCONNECT, parse(MqttCapture.firstOfType(MqttParser.TYPE_DISCONNECT)));
        assertEquals((1 << 2) | (1 << 3) | (1 << 14), flows.typeCumulative[SLOT]);
        assertFalse(flows.sessionPresent[SLOT]);
        assertEquals(0, flows.returnCode[SLOT]);
        assertEquals("topic1#", topics());
        assertEquals(1, flows.topicCount[SLOT]);
    }

    @Test
    void readsEveryPacketOfASegmentHoldingSeveral()
    {
        final byte[] segment = concat(MqttCapture.firstOfType(MqttParser.TYPE_CONNECT),
            MqttCapture.firstOfType(MqttParser.TYPE_PUBLISH), MqttCapture.firstOfType(MqttParser.TYPE_PUBLISH),
            MqttCapture.firstOfType(MqttParser.TYPE_DISCONNECT));
        assertEquals(MqttParser.VALID | MqttParser.DISCONNECT, parse(segment));
        assertEquals((1 << 1) | (1 << 3) | (1 << 14), flows.typeCumulative[SLOT]);
        assertEquals("topic1#topic1#", topics());
    }

    @Test
    void decodesMultiByteRemainingLengths()
    {
        final byte[] twoBytes = {0x00, (byte)0xC1, 0x02};
        assertEquals((3L << 32) | 321, MqttParser.remainingLength(new UnsafeBuffer(twoBytes), 1, 3));
        final byte[] fourBytes = {(byte)0xFF, (byte)0xFF, (byte)0xFF, 0x7F};
        assertEquals((4L << 32) | 268_435_455, MqttParser.remainingLength(new UnsafeBuffer(fourBytes), 0, 4));
    }

    @Test
    void rejectsFiveByteRemainingLength()
    {
        final byte[] fiveBytes = {(byte)0xFF, (byte)0xFF, (byte)0xFF, (byte)0xFF, 0x01};
        assertEquals(-1, MqttParser.remainingLength(new UnsafeBuffer(fiveBytes), 0, 5));
        final byte[] packet = concat(new byte[] {0x30}, fiveBytes);
        assertEquals(0, parse(packet));
    }

    @Test
    void stopsAtAPacketRunningPastTheSegment()
    {
        final byte[] publish = MqttCapture.firstOfType(MqttParser.TYPE_PUBLISH);
        final byte[] segment = concat(MqttCapture.firstOfType(MqttParser.TYPE_CONNACK), publish);
        final byte[] cut = new byte[segment.length - 1];
        System.arraycopy(segment, 0, cut, 0, cut.length);
        assertEquals(0, parse(cut));
        assertEquals((1 << 2) | (1 << 3), flows.typeCumulative[SLOT], "types read before the cut one stay");
        assertEquals("", topics());
    }

    @Test
    void rejectsTruncatedRemainingLength()
    {
        assertEquals(0, parse(new byte[] {0x30, (byte)0x80}));
        assertEquals(1 << 3, flows.typeCumulative[SLOT]);
    }

    @Test
    void rejectsConnectWithoutProtocolName()
    {
        final byte[] connect = MqttCapture.firstOfType(MqttParser.TYPE_CONNECT);
        connect[5] = 'X';
        assertFalse(MqttParser.startsWithProtocolName(new UnsafeBuffer(connect), 0, connect.length));
        assertEquals(0, parse(connect));
        assertEquals(0, flows.version[SLOT]);
    }

    @Test
    void rejectsUnsupportedVersion()
    {
        final byte[] connect = MqttCapture.firstOfType(MqttParser.TYPE_CONNECT);
        connect[8] = 3;
        assertEquals(0, parse(connect));
        assertEquals(0, flows.version[SLOT]);
        connect[8] = 5;
        assertEquals(MqttParser.VALID, parse(connect));
        assertEquals(5, flows.version[SLOT]);
    }

    @Test
    void rejectsConnectShorterThanItsVariableHeader()
    {
        final byte[] connect = {0x10, 0x08, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02};
        assertEquals(0, parse(connect));
    }

    @Test
    void stopsAtTopicWithWildcard()
    {
        final byte[] publish = MqttCapture.firstOfType(MqttParser.TYPE_PUBLISH);
        publish[4] = '#';
        assertEquals(0, parse(concat(publish, MqttCapture.firstOfType(MqttParser.TYPE_DISCONNECT))));
        assertEquals(1 << 3, flows.typeCumulative[SLOT]);
        assertEquals(0, flows.topicCount[SLOT]);
    }

    @Test
    void rejectsTopicLongerThanItsPacket()
    {
        final byte[] publish = MqttCapture.firstOfType(MqttParser.TYPE_PUBLISH);
        publish[2] = 0x01;
        assertEquals(0, parse(publish));
        assertEquals(0, flows.topicCount[SLOT]);
    }

    @Test
    void keepsTopicsWhileTheyFitThenEndsTheList()
    {
        final byte[] publish = MqttCapture.firstOfType(MqttParser.TYPE_PUBLISH);
        for (int i = 0; i < 12; i++)
        {
            parse(publish);
        }
        assertEquals("topic1#topic1#topic1#topic1#topic1#topic1#topic1#topic1#topic1#", topics(),
            "nine topics fill 63 of the 64 bytes; the tenth does not fit and ends the list");
        assertEquals(12, flows.topicCount[SLOT]);
    }

    @Test
    void startsWithProtocolNameNeedsTheWholeName()
    {
        final byte[] connect = MqttCapture.firstOfType(MqttParser.TYPE_CONNECT);
        for (int length = 0; length < 8; length++)
        {
            assertFalse(MqttParser.startsWithProtocolName(new UnsafeBuffer(connect), 0, length), "length " + length);
        }
        assertTrue(MqttParser.startsWithProtocolName(new UnsafeBuffer(connect), 0, 8));
    }
}
