package io.weir.plugins.tls;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/** The fields of the tls plugin, as ipfixprobe exports them (names, types, IPFIX identities). */
public final class TlsFields
{
    private static final long CESNET = 8057;
    private static final long FLOWMON = 39499;

    public static final Field TLS_VERSION = Field.of(Field.camelCase("TLS_VERSION"), "TLS_VERSION",
        FieldType.UNSIGNED16, FLOWMON, 333, "TLS version: the ClientHello's legacy version, or the version the ServerHello selected");
    public static final Field TLS_SNI = Field.of(Field.camelCase("TLS_SNI"), "TLS_SNI",
        FieldType.STRING, CESNET, 808, "server name indication (first host_name) from the ClientHello");
    public static final Field TLS_ALPN = Field.of(Field.camelCase("TLS_ALPN"), "TLS_ALPN",
        FieldType.STRING, FLOWMON, 337, "application protocol (ALPN) selected in the ServerHello");
    public static final Field TLS_JA3 = Field.of(Field.camelCase("TLS_JA3"), "TLS_JA3",
        FieldType.OCTET_ARRAY, FLOWMON, 357, "JA3 fingerprint of the ClientHello (MD5, 16 bytes)");
    public static final Field TLS_JA4 = Field.of(Field.camelCase("TLS_JA4"), "TLS_JA4",
        FieldType.STRING, CESNET, 809, "JA4 fingerprint of the ClientHello");
    public static final Field TLS_EXT_TYPE = Field.basicList(Field.camelCase("TLS_EXT_TYPE"), "TLS_EXT_TYPE",
        FieldType.UNSIGNED16, CESNET, 802, "types of the ClientHello's extensions, in order (at most 30)");
    public static final Field TLS_EXT_LEN = Field.basicList(Field.camelCase("TLS_EXT_LEN"), "TLS_EXT_LEN",
        FieldType.UNSIGNED16, CESNET, 803, "lengths of the ClientHello's extensions, in order (at most 30)");

    public static final List<Field> ALL = List.of(TLS_VERSION, TLS_SNI, TLS_ALPN, TLS_JA3, TLS_JA4, TLS_EXT_TYPE,
        TLS_EXT_LEN);

    private TlsFields()
    {
    }
}
