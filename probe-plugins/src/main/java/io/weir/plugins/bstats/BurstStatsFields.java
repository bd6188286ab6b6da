package io.weir.plugins.bstats;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/**
 * The fields of the bstats plugin: basicLists under CESNET's element ids, in the order ipfixprobe
 * writes them. Its IPFIX elements carry 4-byte counters (ipfixprobe's element table comments say
 * uint16, but it fills them from 32-bit arrays) and millisecond times.
 */
public final class BurstStatsFields
{
    static final long CESNET = 8057;

    public static final Field SBI_BRST_PACKETS = Field.basicList(Field.camelCase("SBI_BRST_PACKETS"),
        "SBI_BRST_PACKETS", FieldType.UNSIGNED32, CESNET, 1050, "source to destination: packets of each burst");
    public static final Field SBI_BRST_BYTES = Field.basicList(Field.camelCase("SBI_BRST_BYTES"),
        "SBI_BRST_BYTES", FieldType.UNSIGNED32, CESNET, 1051, "source to destination: payload bytes of each burst");
    public static final Field SBI_BRST_TIME_START = Field.basicList(Field.camelCase("SBI_BRST_TIME_START"),
        "SBI_BRST_TIME_START", FieldType.DATE_TIME_MILLISECONDS, CESNET, 1052,
        "source to destination: time of the first packet of each burst");
    public static final Field SBI_BRST_TIME_STOP = Field.basicList(Field.camelCase("SBI_BRST_TIME_STOP"),
        "SBI_BRST_TIME_STOP", FieldType.DATE_TIME_MILLISECONDS, CESNET, 1053,
        "source to destination: time of the last packet of each burst");
    public static final Field DBI_BRST_PACKETS = Field.basicList(Field.camelCase("DBI_BRST_PACKETS"),
        "DBI_BRST_PACKETS", FieldType.UNSIGNED32, CESNET, 1054, "destination to source: packets of each burst");
    public static final Field DBI_BRST_BYTES = Field.basicList(Field.camelCase("DBI_BRST_BYTES"),
        "DBI_BRST_BYTES", FieldType.UNSIGNED32, CESNET, 1055, "destination to source: payload bytes of each burst");
    public static final Field DBI_BRST_TIME_START = Field.basicList(Field.camelCase("DBI_BRST_TIME_START"),
        "DBI_BRST_TIME_START", FieldType.DATE_TIME_MILLISECONDS, CESNET, 1056,
        "destination to source: time of the first packet of each burst");
    public static final Field DBI_BRST_TIME_STOP = Field.basicList(Field.camelCase("DBI_BRST_TIME_STOP"),
        "DBI_BRST_TIME_STOP", FieldType.DATE_TIME_MILLISECONDS, CESNET, 1057,
        "destination to source: time of the last packet of each burst");

    public static final List<Field> ALL = List.of(SBI_BRST_PACKETS, SBI_BRST_BYTES, SBI_BRST_TIME_START,
        SBI_BRST_TIME_STOP, DBI_BRST_PACKETS, DBI_BRST_BYTES, DBI_BRST_TIME_START, DBI_BRST_TIME_STOP);

    private BurstStatsFields()
    {
    }
}
