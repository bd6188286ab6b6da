package io.weir.plugins.ssdp;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/**
 * The ssdp plugin's fields, in ipfixprobe's IPFIX template order (CESNET enterprise 8057):
 * port, NT, user agent, ST, server. (ipfixprobe's own IPFIX writer fills them in the order port,
 * NT, server, ST, user agent, so its server and user agent values trade places on the wire; weir
 * writes each value under its own element.)
 */
final class SsdpFields
{
    static final long CESNET = 8057;

    static final Field LOCATION_PORT = field("SSDP_LOCATION_PORT", FieldType.UNSIGNED16, 821,
        "port of the LOCATION URL of NOTIFY messages");
    static final Field NT = field("SSDP_NT", FieldType.STRING, 824,
        "advertised service URNs (NOTIFY NT: urn:...), each followed by ';'");
    static final Field USER_AGENT = field("SSDP_USER_AGENT", FieldType.STRING, 823,
        "user agents of M-SEARCH messages, each followed by ';'");
    static final Field ST = field("SSDP_ST", FieldType.STRING, 825,
        "queried service URNs (M-SEARCH ST: urn:...), each followed by ';'");
    static final Field SERVER = field("SSDP_SERVER", FieldType.STRING, 822,
        "server values of NOTIFY messages, each followed by ';'");

    static final List<Field> ALL = List.of(LOCATION_PORT, NT, USER_AGENT, ST, SERVER);

    private SsdpFields()
    {
    }

    private static Field field(final String ipfixprobeName, final FieldType type, final int id, final String description)
    {
        return Field.of(Field.camelCase(ipfixprobeName), ipfixprobeName, type, CESNET, id, description);
    }
}
