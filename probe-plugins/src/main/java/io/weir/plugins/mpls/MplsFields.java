package io.weir.plugins.mpls;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/** The field of the mpls plugin: IANA mplsTopLabelStackSection (70). */
public final class MplsFields
{
    public static final Field MPLS_TOP_LABEL_STACK_SECTION = Field.of(Field.camelCase("MPLS_TOP_LABEL_STACK_SECTION"),
        "MPLS_TOP_LABEL_STACK_SECTION", FieldType.OCTET_ARRAY, 0, 70,
        "top MPLS label stack entry of the flow's first packet without its TTL: label (20 bits), traffic class (3), bottom of stack (1)");

    public static final List<Field> ALL = List.of(MPLS_TOP_LABEL_STACK_SECTION);

    private MplsFields()
    {
    }
}
