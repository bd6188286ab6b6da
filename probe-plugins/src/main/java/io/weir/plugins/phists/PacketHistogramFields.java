package io.weir.plugins.phists;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/** The fields of the phists plugin: four basicLists of 8 counters, in the order ipfixprobe writes them. */
public final class PacketHistogramFields
{
    static final long CESNET = 8057;

    public static final Field S_PHISTS_SIZES = Field.basicList(Field.camelCase("S_PHISTS_SIZES"), "S_PHISTS_SIZES",
        FieldType.UNSIGNED32, CESNET, 1060, "source to destination: packets per payload size bin");
    public static final Field D_PHISTS_SIZES = Field.basicList(Field.camelCase("D_PHISTS_SIZES"), "D_PHISTS_SIZES",
        FieldType.UNSIGNED32, CESNET, 1062, "destination to source: packets per payload size bin");
    public static final Field S_PHISTS_IPT = Field.basicList(Field.camelCase("S_PHISTS_IPT"), "S_PHISTS_IPT",
        FieldType.UNSIGNED32, CESNET, 1061, "source to destination: inter-packet times per bin");
    public static final Field D_PHISTS_IPT = Field.basicList(Field.camelCase("D_PHISTS_IPT"), "D_PHISTS_IPT",
        FieldType.UNSIGNED32, CESNET, 1063, "destination to source: inter-packet times per bin");

    public static final List<Field> ALL = List.of(S_PHISTS_SIZES, D_PHISTS_SIZES, S_PHISTS_IPT, D_PHISTS_IPT);

    private PacketHistogramFields()
    {
    }
}
