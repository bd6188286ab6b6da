package io.weir.plugins.icmp;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/**
 * The field of the icmp plugin: IANA icmpTypeCodeIPv4 (32), which ipfixprobe uses for ICMPv6 too
 * (IANA's own element for ICMPv6 would be 139).
 */
public final class IcmpFields
{
    public static final Field L4_ICMP_TYPE_CODE = Field.of(Field.camelCase("L4_ICMP_TYPE_CODE"), "L4_ICMP_TYPE_CODE",
        FieldType.UNSIGNED16, 0, 32, "ICMP or ICMPv6 type (high byte) and code (low byte) of the flow's first packet");

    public static final List<Field> ALL = List.of(L4_ICMP_TYPE_CODE);

    private IcmpFields()
    {
    }
}
