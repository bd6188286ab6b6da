package io.weir.plugins.mqtt;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/** The fields of the mqtt plugin, as ipfixprobe exports them (names, types, IPFIX identities). */
public final class MqttFields
{
    private static final long CESNET = 8057;

    public static final Field MQTT_TYPE_CUMULATIVE = Field.of(Field.camelCase("MQTT_TYPE_CUMULATIVE"),
        "MQTT_TYPE_CUMULATIVE", FieldType.UNSIGNED16, CESNET, 1033,
        "bit (1 << type) for every MQTT control packet type seen, bit 0 the last CONNACK's session present flag");
    public static final Field MQTT_VERSION = Field.of(Field.camelCase("MQTT_VERSION"), "MQTT_VERSION",
        FieldType.UNSIGNED8, CESNET, 1034, "protocol level of the last CONNECT (4 = 3.1.1, 5 = 5.0)");
    public static final Field MQTT_CONNECTION_FLAGS = Field.of(Field.camelCase("MQTT_CONNECTION_FLAGS"),
        "MQTT_CONNECTION_FLAGS", FieldType.UNSIGNED8, CESNET, 1035, "connect flags of the last CONNECT");
    public static final Field MQTT_KEEP_ALIVE = Field.of(Field.camelCase("MQTT_KEEP_ALIVE"), "MQTT_KEEP_ALIVE",
        FieldType.UNSIGNED16, CESNET, 1036, "keep alive (seconds) of the last CONNECT");
    public static final Field MQTT_CONNECTION_RETURN_CODE = Field.of(Field.camelCase("MQTT_CONNECTION_RETURN_CODE"),
        "MQTT_CONNECTION_RETURN_CODE", FieldType.UNSIGNED8, CESNET, 1037, "return (reason) code of the last CONNACK");
    public static final Field MQTT_PUBLISH_FLAGS = Field.of(Field.camelCase("MQTT_PUBLISH_FLAGS"),
        "MQTT_PUBLISH_FLAGS", FieldType.UNSIGNED8, CESNET, 1038, "OR of the fixed-header flags of every PUBLISH");
    public static final Field MQTT_TOPICS = Field.of(Field.camelCase("MQTT_TOPICS"), "MQTT_TOPICS",
        FieldType.STRING, CESNET, 1039, "topics of the first topiccount PUBLISH packets, each followed by '#'");

    public static final List<Field> ALL = List.of(MQTT_TYPE_CUMULATIVE, MQTT_VERSION, MQTT_CONNECTION_FLAGS,
        MQTT_KEEP_ALIVE, MQTT_CONNECTION_RETURN_CODE, MQTT_PUBLISH_FLAGS, MQTT_TOPICS);

    private MqttFields()
    {
    }
}
