package io.weir.plugins.mqtt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.weir.core.plugin.PluginOptions;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.IpfixprobeReference;
import io.weir.core.testing.ReferenceMatch;
import io.weir.core.testing.TestData;
import io.weir.plugins.wg.testing.PluginRun;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden test: weir's mqtt records from mqtt.pcap equal ipfixprobe's pcaps/expected/mqtt on every
 * field; and every record's MQTT fields equal what tshark's MQTT dissection of the flow's packets gives.
 */
class MqttReferenceTest
{
    static List<CollectedRecord> run(final String spec, final Path capture) throws InterruptedException
    {
        final MqttPluginFactory factory = new MqttPluginFactory();
        return PluginRun.with(PluginRun.records(slots -> factory.create(PluginOptions.parse(spec), slots), capture),
            "MQTT_TYPE_CUMULATIVE");
    }

    @Test
    void everyReferenceRecordIsMatchedOnEveryField() throws Exception
    {
        final IpfixprobeReference reference = IpfixprobeReference.read(TestData.expected("mqtt"));
        final ReferenceMatch match = ReferenceMatch.of(reference, PluginRun.comparedFields(reference),
            run("mqtt", MqttCapture.CAPTURE));
        assertTrue(match.missing().isEmpty() && match.extra().isEmpty(), match::report);
        assertEquals(5, reference.records().size());
    }

    @Test
    void everyFieldEqualsTsharksDissectionOfTheFlow() throws Exception
    {
        final Map<Integer, Expected> byClientPort = new HashMap<>();
        for (final MqttCapture.Segment segment : MqttCapture.segments())
        {
            final int client = segment.destinationPort() == 1883 ? segment.sourcePort() : segment.destinationPort();
            byClientPort.computeIfAbsent(client, port -> new Expected()).add(segment);
        }
        final List<CollectedRecord> records = run("mqtt;topiccount=10", MqttCapture.CAPTURE);
        assertEquals(byClientPort.size(), records.size());
        for (final CollectedRecord collected : records)
        {
            final Map<String, String> record = collected.byIpfixprobeName();
            final Expected expected = byClientPort.get(Integer.parseInt(record.get("SRC_PORT")));
            assertNotNull(expected, () -> "no stream for " + record);
            assertEquals(Integer.toString(expected.types | expected.sessionPresent), record.get("MQTT_TYPE_CUMULATIVE"));
            assertEquals(expected.version, record.get("MQTT_VERSION"));
            assertEquals(Integer.toString(expected.connectFlags), record.get("MQTT_CONNECTION_FLAGS"));
            assertEquals(expected.keepAlive, record.get("MQTT_KEEP_ALIVE"));
            assertEquals(expected.returnCode, record.get("MQTT_CONNECTION_RETURN_CODE"));
            assertEquals(Integer.toString(expected.publishFlags), record.get("MQTT_PUBLISH_FLAGS"));
            assertEquals(expected.topics.toString(), record.get("MQTT_TOPICS"));
        }
    }

    @Test
    void topicsAreKeptForTheFirstTopiccountPublishPackets() throws Exception
    {
        final List<String> topics = new ArrayList<>();
        for (final CollectedRecord record : run("mqtt;tc=1", MqttCapture.CAPTURE))
        {
            topics.add(record.byIpfixprobeName().get("MQTT_TOPICS"));
        }
        topics.sort(null);
        assertEquals(List.of("", "topic1#", "topic2#", "topic3#", "topic4#"), topics);
    }

    /** What tshark shows for one flow, accumulated as ipfixprobe's fields are. */
    private static final class Expected
    {
        int types;
        int sessionPresent;
        String version = "0";
        int connectFlags;
        String keepAlive = "0";
        String returnCode = "0";
        int publishFlags;
        final StringBuilder topics = new StringBuilder();

        void add(final MqttCapture.Segment segment)
        {
            final String[] types = segment.types().split("\\|");
            final String[] flags = segment.headerFlags().split("\\|");
            int topic = 0;
            for (int i = 0; i < types.length; i++)
            {
                final int type = Integer.parseInt(types[i]);
                this.types |= 1 << type;
                if (type == MqttParser.TYPE_PUBLISH)
                {
                    publishFlags |= Integer.decode(flags[i]) & 0x0F;
                    topics.append(segment.topics().split("\\|")[topic++]).append('#');
                }
            }
            if (!segment.version().isEmpty())
            {
                version = segment.version();
                connectFlags = Integer.decode(segment.connectFlags());
                keepAlive = segment.keepAlive();
            }
            if (!segment.returnCode().isEmpty())
            {
                returnCode = segment.returnCode();
                sessionPresent = "1".equals(segment.sessionPresent()) || "True".equals(segment.sessionPresent()) ? 1 : 0;
            }
        }
    }
}
