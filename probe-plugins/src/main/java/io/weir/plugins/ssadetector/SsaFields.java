package io.weir.plugins.ssadetector;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/** The field of the ssadetector plugin, as ipfixprobe exports it (name, type, IPFIX identity). */
public final class SsaFields
{
    private static final long CESNET = 8057;

    public static final Field SSA_CONF_LEVEL = Field.of(Field.camelCase("SSA_CONF_LEVEL"), "SSA_CONF_LEVEL",
        FieldType.UNSIGNED8, CESNET, 903,
        "1 when repeated SYN/SYN-ACK/ACK-like payload length patterns suggest a tunnel, else 0");

    public static final List<Field> ALL = List.of(SSA_CONF_LEVEL);

    private SsaFields()
    {
    }
}
