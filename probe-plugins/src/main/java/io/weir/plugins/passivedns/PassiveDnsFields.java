package io.weir.plugins.passivedns;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/**
 * The passivedns plugin's fields, in ipfixprobe's IPFIX template order (CESNET enterprise 8057).
 * DNS_IP holds an IPv4 or an IPv6 address: like ipfixprobe over IPFIX, weir exports it as the
 * variable-length octetArray DNS_RDATA (8057/7) of 4 or 16 bytes, in network byte order.
 */
final class PassiveDnsFields
{
    static final long CESNET = 8057;

    static final Field ID = field("DNS_ID", FieldType.UNSIGNED16, 10, "transaction ID");
    static final Field RR_TTL = field("DNS_RR_TTL", FieldType.UNSIGNED32, 5, "resource record TTL field");
    static final Field ATYPE = field("DNS_ATYPE", FieldType.UNSIGNED16, 11, "response record type");
    static final Field IP = field("DNS_IP", FieldType.OCTET_ARRAY, 7,
        "IP address from an A, AAAA or PTR record: 4 or 16 bytes (ipfixprobe's IPFIX DNS_RDATA)");
    static final Field NAME = field("DNS_NAME", FieldType.STRING, 2,
        "owner name of an A or AAAA record, target of a PTR record");

    static final List<Field> ALL = List.of(ID, RR_TTL, ATYPE, IP, NAME);

    private PassiveDnsFields()
    {
    }

    private static Field field(final String ipfixprobeName, final FieldType type, final int id, final String description)
    {
        return Field.of(Field.camelCase(ipfixprobeName), ipfixprobeName, type, CESNET, id, description);
    }
}
