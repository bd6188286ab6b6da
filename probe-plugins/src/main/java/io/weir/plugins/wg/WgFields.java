package io.weir.plugins.wg;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/** The fields of the wg plugin, as ipfixprobe exports them (names, types, IPFIX identities). */
public final class WgFields
{
    private static final long CESNET = 8057;

    public static final Field WG_CONF_LEVEL = Field.of(Field.camelCase("WG_CONF_LEVEL"), "WG_CONF_LEVEL",
        FieldType.UNSIGNED8, CESNET, 1100,
        "confidence that the flow is WireGuard: 100, 1 when it may be a DNS query, 0 after a non-WireGuard packet");
    public static final Field WG_SRC_PEER = Field.of(Field.camelCase("WG_SRC_PEER"), "WG_SRC_PEER",
        FieldType.UNSIGNED32, CESNET, 1101, "ephemeral index (sender/receiver) of the flow's source peer");
    public static final Field WG_DST_PEER = Field.of(Field.camelCase("WG_DST_PEER"), "WG_DST_PEER",
        FieldType.UNSIGNED32, CESNET, 1102, "ephemeral index (sender/receiver) of the flow's destination peer");

    public static final List<Field> ALL = List.of(WG_CONF_LEVEL, WG_SRC_PEER, WG_DST_PEER);

    private WgFields()
    {
    }
}
