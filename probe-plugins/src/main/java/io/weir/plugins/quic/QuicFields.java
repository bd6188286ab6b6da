package io.weir.plugins.quic;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/** The fields of the quic plugin, as ipfixprobe exports them (names, types, IPFIX identities). */
public final class QuicFields
{
    private static final long CESNET = 8057;

    public static final Field QUIC_SNI = Field.of(Field.camelCase("QUIC_SNI"), "QUIC_SNI", FieldType.STRING,
        CESNET, 890, "server name from the decrypted ClientHello");
    public static final Field QUIC_USER_AGENT = Field.of(Field.camelCase("QUIC_USER_AGENT"), "QUIC_USER_AGENT",
        FieldType.STRING, CESNET, 891, "Google user agent transport parameter (0x3129) of the ClientHello");
    public static final Field QUIC_VERSION = Field.of(Field.camelCase("QUIC_VERSION"), "QUIC_VERSION",
        FieldType.UNSIGNED32, CESNET, 892, "version of the last long header packet that was not 0-RTT");
    public static final Field QUIC_CLIENT_VERSION = Field.of(Field.camelCase("QUIC_CLIENT_VERSION"),
        "QUIC_CLIENT_VERSION", FieldType.UNSIGNED32, CESNET, 893, "version of the packet carrying the first ClientHello");
    public static final Field QUIC_TOKEN_LENGTH = Field.of(Field.camelCase("QUIC_TOKEN_LENGTH"), "QUIC_TOKEN_LENGTH",
        FieldType.UNSIGNED64, CESNET, 894, "token length of the ClientHello's Initial or of the Retry (all ones: none seen)");
    public static final Field QUIC_OCCID = Field.of(Field.camelCase("QUIC_OCCID"), "QUIC_OCCID",
        FieldType.OCTET_ARRAY, CESNET, 895, "client's connection ID (Source CID of its first packet)");
    public static final Field QUIC_OSCID = Field.of(Field.camelCase("QUIC_OSCID"), "QUIC_OSCID",
        FieldType.OCTET_ARRAY, CESNET, 896, "original Destination CID the client chose for its first Initial");
    public static final Field QUIC_SCID = Field.of(Field.camelCase("QUIC_SCID"), "QUIC_SCID",
        FieldType.OCTET_ARRAY, CESNET, 897, "server's connection ID (Source CID of its first packet)");
    public static final Field QUIC_RETRY_SCID = Field.of(Field.camelCase("QUIC_RETRY_SCID"), "QUIC_RETRY_SCID",
        FieldType.OCTET_ARRAY, CESNET, 898, "Source CID of the Retry packet");
    public static final Field QUIC_MULTIPLEXED = Field.of(Field.camelCase("QUIC_MULTIPLEXED"), "QUIC_MULTIPLEXED",
        FieldType.UNSIGNED8, CESNET, 899, "ClientHellos of other connections (other original DCID or SNI) in the flow");
    public static final Field QUIC_ZERO_RTT = Field.of(Field.camelCase("QUIC_ZERO_RTT"), "QUIC_ZERO_RTT",
        FieldType.UNSIGNED8, CESNET, 889, "0-RTT packets in the flow");
    public static final Field QUIC_SERVER_PORT = Field.of(Field.camelCase("QUIC_SERVER_PORT"), "QUIC_SERVER_PORT",
        FieldType.UNSIGNED16, CESNET, 887, "server's port, from the packet types and the ClientHello");
    public static final Field QUIC_PACKETS = Field.basicList(Field.camelCase("QUIC_PACKETS"), "QUIC_PACKETS",
        FieldType.UNSIGNED8, CESNET, 888,
        "per packet of the flow (first 30): long header types (1 Initial, 2 0-RTT, 4 Handshake, 8 Retry, "
            + "16 version negotiation) plus 128 for the QUIC bit");
    public static final Field QUIC_CH_PARSED = Field.of(Field.camelCase("QUIC_CH_PARSED"), "QUIC_CH_PARSED",
        FieldType.UNSIGNED8, CESNET, 886, "1 when a ClientHello was decrypted and parsed");
    public static final Field QUIC_TLS_EXT_TYPE = Field.basicList(Field.camelCase("QUIC_TLS_EXT_TYPE"),
        "QUIC_TLS_EXT_TYPE", FieldType.UNSIGNED16, CESNET, 885, "types of the ClientHello's extensions (first 30)");
    public static final Field QUIC_TLS_EXT_LEN = Field.basicList(Field.camelCase("QUIC_TLS_EXT_LEN"),
        "QUIC_TLS_EXT_LEN", FieldType.UNSIGNED16, CESNET, 884, "lengths of the ClientHello's extensions (first 30)");
    public static final Field QUIC_TLS_EXT = Field.of(Field.camelCase("QUIC_TLS_EXT"), "QUIC_TLS_EXT",
        FieldType.OCTET_ARRAY, CESNET, 883,
        "payloads of the ClientHello's ALPN and quic_transport_parameters extensions, concatenated (< 1500 bytes)");

    public static final List<Field> ALL = List.of(QUIC_SNI, QUIC_USER_AGENT, QUIC_VERSION, QUIC_CLIENT_VERSION,
        QUIC_TOKEN_LENGTH, QUIC_OCCID, QUIC_OSCID, QUIC_SCID, QUIC_RETRY_SCID, QUIC_MULTIPLEXED, QUIC_ZERO_RTT,
        QUIC_SERVER_PORT, QUIC_PACKETS, QUIC_CH_PARSED, QUIC_TLS_EXT_TYPE, QUIC_TLS_EXT_LEN, QUIC_TLS_EXT);

    private QuicFields()
    {
    }
}
