package io.weir.plugins.pstats;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/**
 * The fields of the pstats plugin: RFC 6313 basicLists under CESNET's element ids, in the order
 * ipfixprobe writes them. Times are milliseconds on the IPFIX wire, as ipfixprobe sends them
 * (8-byte milliseconds since the epoch); weir keeps microseconds internally, so JSON and text
 * print the millisecond value and the tests see the microseconds.
 */
public final class PacketStatsFields
{
    static final long CESNET = 8057;

    public static final Field PPI_PKT_LENGTHS = Field.basicList(Field.camelCase("PPI_PKT_LENGTHS"), "PPI_PKT_LENGTHS",
        FieldType.UNSIGNED16, CESNET, 1013, "payload length on the wire of each of the first packets");
    public static final Field PPI_PKT_TIMES = Field.basicList(Field.camelCase("PPI_PKT_TIMES"), "PPI_PKT_TIMES",
        FieldType.DATE_TIME_MILLISECONDS, CESNET, 1014, "time of each of the first packets");
    public static final Field PPI_PKT_FLAGS = Field.basicList(Field.camelCase("PPI_PKT_FLAGS"), "PPI_PKT_FLAGS",
        FieldType.UNSIGNED8, CESNET, 1015, "TCP flags of each of the first packets (0 for other protocols)");
    public static final Field PPI_PKT_DIRECTIONS = Field.basicList(Field.camelCase("PPI_PKT_DIRECTIONS"),
        "PPI_PKT_DIRECTIONS", FieldType.SIGNED8, CESNET, 1016,
        "direction of each of the first packets: 1 source to destination, -1 back");

    public static final List<Field> ALL = List.of(PPI_PKT_LENGTHS, PPI_PKT_TIMES, PPI_PKT_FLAGS, PPI_PKT_DIRECTIONS);

    private PacketStatsFields()
    {
    }
}
