package io.weir.export.ipfix;

import io.weir.core.field.BasicFields;
import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/**
 * The millisecond forms of the flow start and end (IANA 152/153), exported instead of the
 * microsecond NTP forms (154/155) for collectors that want them.
 */
public final class TimeFields
{
    public static final Field FLOW_START_MILLISECONDS = Field.of("flowStartMilliseconds",
        BasicFields.FLOW_START.ipfixprobeName(), FieldType.DATE_TIME_MILLISECONDS, 0, 152, "time of the first packet");
    public static final Field FLOW_END_MILLISECONDS = Field.of("flowEndMilliseconds",
        BasicFields.FLOW_END.ipfixprobeName(), FieldType.DATE_TIME_MILLISECONDS, 0, 153, "time of the last packet");

    private TimeFields()
    {
    }

    /** The field as exported: the flow start/end in milliseconds when asked, otherwise itself. */
    public static Field exported(final Field field, final boolean milliseconds)
    {
        if (milliseconds && field == BasicFields.FLOW_START)
        {
            return FLOW_START_MILLISECONDS;
        }
        if (milliseconds && field == BasicFields.FLOW_END)
        {
            return FLOW_END_MILLISECONDS;
        }
        return field;
    }
}
