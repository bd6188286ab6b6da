package io.weir.plugins.netbios;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/** The netbios plugin's fields, in ipfixprobe's IPFIX template order (CESNET enterprise 8057). */
final class NetbiosFields
{
    static final long CESNET = 8057;

    static final Field SUFFIX = Field.of(Field.camelCase("NB_SUFFIX"), "NB_SUFFIX", FieldType.UNSIGNED8, CESNET, 832,
        "NetBIOS Name Service suffix (the name's 16th byte)");
    static final Field NAME = Field.of(Field.camelCase("NB_NAME"), "NB_NAME", FieldType.STRING, CESNET, 831,
        "NetBIOS Name Service name (15 bytes, space padded)");

    static final List<Field> ALL = List.of(SUFFIX, NAME);

    private NetbiosFields()
    {
    }
}
