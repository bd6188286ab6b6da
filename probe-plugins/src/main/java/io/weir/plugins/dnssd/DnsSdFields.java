package io.weir.plugins.dnssd;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/** The dnssd plugin's fields, in ipfixprobe's IPFIX template order (CESNET enterprise 8057). */
final class DnsSdFields
{
    static final long CESNET = 8057;

    static final Field QUERIES = Field.of(Field.camelCase("DNSSD_QUERIES"), "DNSSD_QUERIES", FieldType.STRING, CESNET,
        826, "queried names, each followed by ';'");
    static final Field RESPONSES = Field.of(Field.camelCase("DNSSD_RESPONSES"), "DNSSD_RESPONSES", FieldType.STRING,
        CESNET, 827, "advertised services: name;port;target;cpu:os;txt; for each");

    static final List<Field> ALL = List.of(QUERIES, RESPONSES);

    private DnsSdFields()
    {
    }
}
