package io.weir.plugins.ovpn;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/** The field of the ovpn plugin, as ipfixprobe exports it (name, type, IPFIX identity). */
public final class OvpnFields
{
    private static final long CESNET = 8057;

    public static final Field OVPN_CONF_LEVEL = Field.of(Field.camelCase("OVPN_CONF_LEVEL"), "OVPN_CONF_LEVEL",
        FieldType.UNSIGNED8, CESNET, 828, "confidence (0-100) that the flow is an OpenVPN tunnel");

    public static final List<Field> ALL = List.of(OVPN_CONF_LEVEL);

    private OvpnFields()
    {
    }
}
