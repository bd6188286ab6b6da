package io.weir.plugins.basicplus;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/**
 * The fields of the basicplus plugin in ipfixprobe's order. The forward ones are IANA elements,
 * their "_REV" twins the same elements under the RFC 5103 reverse PEN; MSS and SYN size are
 * CESNET elements.
 */
public final class BasicPlusFields
{
    static final long CESNET = 8057;

    public static final Field IP_TTL = Field.of(Field.camelCase("IP_TTL"), "IP_TTL", FieldType.UNSIGNED8, 0, 192,
        "highest IP TTL (IPv6 hop limit) from source to destination");
    public static final Field IP_TTL_REV = Field.of(Field.camelCase("IP_TTL_REV"), "IP_TTL_REV", FieldType.UNSIGNED8,
        Field.REVERSE_PEN, 192, "highest IP TTL from destination to source");
    public static final Field IP_FLG = Field.of(Field.camelCase("IP_FLG"), "IP_FLG", FieldType.UNSIGNED8, 0, 197,
        "IPv4 flags (reserved, DF, MF as bits 2..0) of the first packet from source to destination");
    public static final Field IP_FLG_REV = Field.of(Field.camelCase("IP_FLG_REV"), "IP_FLG_REV", FieldType.UNSIGNED8,
        Field.REVERSE_PEN, 197, "IPv4 flags of the first packet from destination to source");
    public static final Field TCP_WIN = Field.of(Field.camelCase("TCP_WIN"), "TCP_WIN", FieldType.UNSIGNED16, 0, 186,
        "TCP window of the first packet from source to destination");
    public static final Field TCP_WIN_REV = Field.of(Field.camelCase("TCP_WIN_REV"), "TCP_WIN_REV",
        FieldType.UNSIGNED16, Field.REVERSE_PEN, 186, "TCP window of the first packet from destination to source");
    public static final Field TCP_OPT = Field.of(Field.camelCase("TCP_OPT"), "TCP_OPT", FieldType.UNSIGNED64, 0, 209,
        "TCP option kinds seen from source to destination (IANA tcpOptions bits)");
    public static final Field TCP_OPT_REV = Field.of(Field.camelCase("TCP_OPT_REV"), "TCP_OPT_REV",
        FieldType.UNSIGNED64, Field.REVERSE_PEN, 209, "TCP option kinds seen from destination to source");
    public static final Field TCP_MSS = Field.of(Field.camelCase("TCP_MSS"), "TCP_MSS", FieldType.UNSIGNED32, CESNET,
        900, "TCP MSS option of the first packet from source to destination (0 without one)");
    public static final Field TCP_MSS_REV = Field.of(Field.camelCase("TCP_MSS_REV"), "TCP_MSS_REV",
        FieldType.UNSIGNED32, CESNET, 901, "TCP MSS option of the first packet from destination to source");
    public static final Field TCP_SYN_SIZE = Field.of(Field.camelCase("TCP_SYN_SIZE"), "TCP_SYN_SIZE",
        FieldType.UNSIGNED16, CESNET, 902, "IP length of the flow's first packet when it is a bare SYN, else 0");

    public static final List<Field> ALL = List.of(IP_TTL, IP_TTL_REV, IP_FLG, IP_FLG_REV, TCP_WIN, TCP_WIN_REV,
        TCP_OPT, TCP_OPT_REV, TCP_MSS, TCP_MSS_REV, TCP_SYN_SIZE);

    private BasicPlusFields()
    {
    }
}
