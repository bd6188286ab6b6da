package io.weir.plugins.dns;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/** The dns plugin's fields, in ipfixprobe's IPFIX template order (CESNET enterprise 8057). */
final class DnsFields
{
    static final long CESNET = 8057;

    static final Field ANSWERS = field("DNS_ANSWERS", FieldType.UNSIGNED16, 14, "number of DNS answer records");
    static final Field RCODE = field("DNS_RCODE", FieldType.UNSIGNED8, 1, "response code field");
    static final Field QTYPE = field("DNS_QTYPE", FieldType.UNSIGNED16, 3, "question type field");
    static final Field CLASS = field("DNS_CLASS", FieldType.UNSIGNED16, 4, "class field of DNS question");
    static final Field RR_TTL = field("DNS_RR_TTL", FieldType.UNSIGNED32, 5, "resource record TTL field");
    static final Field RLENGTH = field("DNS_RLENGTH", FieldType.UNSIGNED16, 6, "length of DNS_RDATA");
    static final Field PSIZE = field("DNS_PSIZE", FieldType.UNSIGNED16, 8, "requestor's payload size");
    static final Field DO = field("DNS_DO", FieldType.UNSIGNED8, 9, "DNSSEC OK bit");
    static final Field ID = field("DNS_ID", FieldType.UNSIGNED16, 10, "transaction ID");
    static final Field NAME = field("DNS_NAME", FieldType.STRING, 2, "question domain name");
    static final Field RDATA = field("DNS_RDATA", FieldType.OCTET_ARRAY, 7,
        "first answer's resource record data, as text");

    static final List<Field> ALL = List.of(ANSWERS, RCODE, QTYPE, CLASS, RR_TTL, RLENGTH, PSIZE, DO, ID, NAME, RDATA);

    private DnsFields()
    {
    }

    private static Field field(final String ipfixprobeName, final FieldType type, final int id, final String description)
    {
        return Field.of(Field.camelCase(ipfixprobeName), ipfixprobeName, type, CESNET, id, description);
    }
}
