package io.weir.plugins.mqtt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.weir.core.plugin.PluginOptions;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.Frames;
import io.weir.plugins.wg.testing.AllocationProbe;
import io.weir.plugins.wg.testing.Mutations;
import io.weir.plugins.wg.testing.PcapWriter;
import io.weir.plugins.wg.testing.PluginRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plugin in the pipeline: handshakes, DISCONNECT, long packets checked with tshark, fuzz, allocation. */
class MqttPluginTest
{
    private static final String CLIENT = "10.3.0.1";
    private static final String BROKER = "10.3.0.2";
    private static final int ACK_PSH = Frames.TCP_ACK | Frames.TCP_PSH;

    @TempDir
    Path temp;

    private static byte[] publish(final String topic, final int messageLength)
    {
        final byte[] name = topic.getBytes(StandardCharsets.UTF_8);
        final int remaining = 2 + name.length + messageLength;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        int rest = remaining;
        do
        {
            final int digit = rest & 0x7F;
            rest >>>= 7;
            out.write(rest > 0 ? digit | 0x80 : digit);
        }
        while (rest > 0);
        out.write(name.length >>> 8);
        out.write(name.length);
        out.writeBytes(name);
        for (int i = 0; i < messageLength; i++)
        {
            out.write('a' + i % 26);
        }
        return out.toByteArray();
    }

    private static byte[] concat(final byte[]... parts)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final byte[] part : parts)
        {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A whole connection: handshake, CONNECT, CONNACK, the given client segments, DISCONNECT, FIN. */
    private static PcapWriter connection(final PcapWriter writer, final int port, final long startNs,
                                         final byte[]... segments)
    {
        long t = startNs;
        writer.tcp(t++, CLIENT, port, BROKER, 1883, Frames.TCP_SYN, new byte[0]);
        writer.tcp(t++, BROKER, 1883, CLIENT, port, Frames.TCP_SYN | Frames.TCP_ACK, new byte[0]);
        writer.tcp(t++, CLIENT, port, BROKER, 1883, Frames.TCP_ACK, new byte[0]);
        writer.tcp(t++, CLIENT, port, BROKER, 1883, ACK_PSH, MqttCapture.firstOfType(MqttParser.TYPE_CONNECT));
        writer.tcp(t++, BROKER, 1883, CLIENT, port, ACK_PSH, MqttCapture.firstOfType(MqttParser.TYPE_CONNACK));
        for (final byte[] segment : segments)
        {
            writer.tcp(t++, CLIENT, port, BROKER, 1883, ACK_PSH, segment);
        }
        writer.tcp(t++, CLIENT, port, BROKER, 1883, ACK_PSH, MqttCapture.firstOfType(MqttParser.TYPE_DISCONNECT));
        writer.tcp(t++, CLIENT, port, BROKER, 1883, Frames.TCP_FIN | Frames.TCP_ACK, new byte[0]);
        writer.tcp(t, BROKER, 1883, CLIENT, port, Frames.TCP_FIN | Frames.TCP_ACK, new byte[0]);
        return writer;
    }

    private List<CollectedRecord> run(final String spec, final Path capture) throws InterruptedException
    {
        final MqttPluginFactory factory = new MqttPluginFactory();
        return PluginRun.records(slots -> factory.create(PluginOptions.parse(spec), slots), capture);
    }

    @Test
    void connectionWithItsHandshakeIsFollowedAndEndsAtDisconnect() throws Exception
    {
        final Path capture = connection(new PcapWriter(), 40000, Frames.seconds(10), publish("a/b", 5))
            .write(temp.resolve("handshake.pcap"));
        final List<String> tsharkTypes = new ArrayList<>();
        for (final MqttCapture.Segment segment : MqttCapture.segments(capture))
        {
            tsharkTypes.add(segment.types());
        }
        assertEquals(List.of("1", "2", "3", "14"), tsharkTypes, "tshark reads the connection as MQTT");
        final List<CollectedRecord> records = run("mqtt;tc=3", capture);
        assertEquals(2, records.size());
        final Map<String, String> mqtt = PluginRun.with(records, "MQTT_TOPICS").get(0).byIpfixprobeName();
        assertEquals("5", mqtt.get("PACKETS"), "SYN, ACK, CONNECT, PUBLISH, DISCONNECT");
        assertEquals("2", mqtt.get("PACKETS_REV"), "SYN-ACK, CONNACK");
        assertEquals(Integer.toString((1 << 1) | (1 << 2) | (1 << 3) | (1 << 14)), mqtt.get("MQTT_TYPE_CUMULATIVE"));
        assertEquals("a/b#", mqtt.get("MQTT_TOPICS"));
        assertEquals("0", mqtt.get("MQTT_CONNECTION_RETURN_CODE"));
        for (final CollectedRecord record : records)
        {
            if (!record.byIpfixprobeName().containsKey("MQTT_TOPICS"))
            {
                assertEquals("1", record.byIpfixprobeName().get("PACKETS"), "the FIN after DISCONNECT starts a new flow");
                assertEquals("1", record.byIpfixprobeName().get("PACKETS_REV"));
            }
        }
    }

    @Test
    void multiByteRemainingLengthsAreReadAsTsharkReadsThem() throws Exception
    {
        final byte[] longPublish = publish("big/topic", 300);
        assertEquals((byte)0xB7, longPublish[1], "remaining length 311 takes two bytes");
        assertEquals(0x02, longPublish[2]);
        final Path capture = connection(new PcapWriter(), 40001, Frames.seconds(20),
            concat(longPublish, publish("small", 3)), publish("last", 0)).write(temp.resolve("long.pcap"));
        final StringBuilder tsharkTopics = new StringBuilder();
        for (final MqttCapture.Segment segment : MqttCapture.segments(capture))
        {
            if (!segment.topics().isEmpty())
            {
                for (final String topic : segment.topics().split("\\|"))
                {
                    tsharkTopics.append(topic).append('#');
                }
            }
        }
        assertEquals("big/topic#small#last#", tsharkTopics.toString());
        final Map<String, String> record = PluginRun.with(run("mqtt;tc=10", capture), "MQTT_TOPICS").get(0)
            .byIpfixprobeName();
        assertEquals(tsharkTopics.toString(), record.get("MQTT_TOPICS"));
        assertTrue(ipfixprobeRemainingLength(longPublish[1], longPublish[2]) > longPublish.length,
            "ipfixprobe's reading of the same two bytes runs past the segment, so it stops there");
    }

    /** ipfixprobe 5.7's reading of a two-byte remaining length: bytes shifted in whole, sign-extended. */
    private static long ipfixprobeRemainingLength(final byte first, final byte second)
    {
        int value = first;
        value = (value << 8) | second;
        return value & 0xFFFF_FFFFL;
    }

    @Test
    void flowWhoseFirstPayloadIsNotMqttIsNotFollowed() throws Exception
    {
        final PcapWriter writer = new PcapWriter();
        writer.tcp(1, CLIENT, 40002, BROKER, 1883, ACK_PSH, "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        writer.tcp(2, CLIENT, 40002, BROKER, 1883, ACK_PSH, MqttCapture.firstOfType(MqttParser.TYPE_CONNECT));
        writer.tcp(3, CLIENT, 40002, BROKER, 1883, ACK_PSH, MqttCapture.firstOfType(MqttParser.TYPE_DISCONNECT));
        final List<CollectedRecord> records = run("mqtt", writer.write(temp.resolve("http.pcap")));
        assertEquals(1, records.size());
        assertNull(records.get(0).byIpfixprobeName().get("MQTT_TYPE_CUMULATIVE"));
        assertEquals("3", records.get(0).byIpfixprobeName().get("PACKETS"));
    }

    @Test
    void fuzzedSegmentsNeverThrowAndEveryFlowIsExported() throws Exception
    {
        final Random random = new Random(7);
        final List<byte[]> seeds = new ArrayList<>();
        for (final MqttCapture.Segment segment : MqttCapture.segments())
        {
            seeds.add(segment.payload());
        }
        seeds.add(concat(seeds.get(0), seeds.get(2), publish("x/y", 200), seeds.get(3)));
        final PcapWriter writer = new PcapWriter();
        final Set<Integer> ports = new HashSet<>();
        int port = 20000;
        long t = Frames.seconds(100);
        for (final byte[] seed : seeds)
        {
            for (final byte[] payload : Mutations.all(seed, random, 150, 100, 1, 2, 3, 4, 5, 8, 9, 12, 13))
            {
                if (port % 2 == 0)
                {
                    writer.tcp(t++, CLIENT, port, BROKER, 1883, ACK_PSH, payload);
                }
                else
                {
                    writer.tcp(t++, CLIENT, port, BROKER, 1883, ACK_PSH, MqttCapture.firstOfType(MqttParser.TYPE_CONNECT));
                    writer.tcp(t++, CLIENT, port, BROKER, 1883, ACK_PSH, payload);
                    writer.tcp(t++, BROKER, 1883, CLIENT, port, ACK_PSH, payload);
                }
                ports.add(port++);
            }
        }
        final List<CollectedRecord> records = run("mqtt;tc=100", writer.write(temp.resolve("fuzz.pcap")));
        final Set<Integer> exported = new HashSet<>();
        int followed = 0;
        for (final CollectedRecord record : records)
        {
            exported.add(Integer.parseInt(record.byIpfixprobeName().get("SRC_PORT")));
            exported.add(Integer.parseInt(record.byIpfixprobeName().get("DST_PORT")));
            if (record.byIpfixprobeName().containsKey("MQTT_TOPICS"))
            {
                followed++;
            }
        }
        assertTrue(exported.containsAll(ports), "flows without a record");
        assertTrue(followed > 0 && followed < records.size(), followed + " of " + records.size() + " followed");
    }

    @Test
    void aMillionPacketsAllocateNothing()
    {
        final List<byte[]> frames = new ArrayList<>();
        int port = 30000;
        for (int round = 0; round < 4; round++)
        {
            for (final MqttCapture.Segment segment : MqttCapture.segments())
            {
                final boolean toBroker = segment.destinationPort() == 1883;
                final int client = port + segment.stream();
                final byte[] payload = segment.payload();
                final byte[] frame = toBroker
                    ? Frames.tcp4(CLIENT, client, BROKER, 1883, ACK_PSH, payload.length)
                    : Frames.tcp4(BROKER, 1883, CLIENT, client, ACK_PSH, payload.length);
                System.arraycopy(payload, 0, frame, 54, payload.length);
                frames.add(frame);
            }
            port += 100;
        }
        final MqttPluginFactory factory = new MqttPluginFactory();
        final long allocated = AllocationProbe.allocatedBytes(
            slots -> factory.create(PluginOptions.parse("mqtt;tc=3"), slots), frames, 1_000_000);
        assertFalse(allocated >= 1024, allocated + " bytes allocated for a million packets");
    }
}
