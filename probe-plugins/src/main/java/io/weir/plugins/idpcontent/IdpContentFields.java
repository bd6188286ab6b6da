package io.weir.plugins.idpcontent;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/** The fields of the idpcontent plugin (CESNET elements 850 and 851). */
public final class IdpContentFields
{
    static final long CESNET = 8057;

    public static final Field IDP_CONTENT = Field.of(Field.camelCase("IDP_CONTENT"), "IDP_CONTENT",
        FieldType.OCTET_ARRAY, CESNET, 850, "first payload bytes (at most 100) of the first data packet, source to destination");
    public static final Field IDP_CONTENT_REV = Field.of(Field.camelCase("IDP_CONTENT_REV"), "IDP_CONTENT_REV",
        FieldType.OCTET_ARRAY, CESNET, 851, "first payload bytes (at most 100) of the first data packet, destination to source");

    public static final List<Field> ALL = List.of(IDP_CONTENT, IDP_CONTENT_REV);

    private IdpContentFields()
    {
    }
}
