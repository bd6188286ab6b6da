package io.weir.plugins.mqtt;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the mqtt plugin: {@code -p mqtt} or {@code -p 'mqtt;tc=5'}. */
public final class MqttPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "mqtt";
    public static final int DEFAULT_TOPIC_COUNT = 0;

    private static final List<PluginOption> OPTIONS = List.of(
        new PluginOption("topiccount", "tc", "COUNT",
            "export the topics of the first COUNT PUBLISH packets, each followed by '#' (default "
                + DEFAULT_TOPIC_COUNT + ", at most " + MqttPlugin.TOPICS_CAPACITY + " bytes in all)"));

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "MQTT 3.1.1/5.0: packet types seen, last CONNECT/CONNACK values, PUBLISH flags and topics";
    }

    @Override
    public List<PluginOption> options()
    {
        return OPTIONS;
    }

    @Override
    public List<Field> fields()
    {
        return MqttFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        final int topics = options.intValue(DEFAULT_TOPIC_COUNT, 0, Integer.MAX_VALUE, "topiccount", "tc");
        return new MqttPlugin(flowSlots, topics);
    }
}
