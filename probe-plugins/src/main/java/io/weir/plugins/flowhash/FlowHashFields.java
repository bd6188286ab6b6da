package io.weir.plugins.flowhash;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/** The field of the flow_hash plugin: IANA flowId (148). */
public final class FlowHashFields
{
    public static final Field FLOW_ID = Field.of(Field.camelCase("FLOW_ID"), "FLOW_ID", FieldType.UNSIGNED64, 0, 148,
        "XXH64 (seed 0) of the flow key laid out as ipfixprobe's cache lays it out; see FlowKeyHash");

    public static final List<Field> ALL = List.of(FLOW_ID);

    private FlowHashFields()
    {
    }
}
