package io.weir.core.decode;

/**
 * IP layouts.
 *
 * <pre>
 * IPv4                                            IPv6
 * +-------+-----+----------+                       +----+----------+------+----+----+
 * |ver/ihl| tos | total len|  0                    |ver/tc/flow 4  |plen 2|nh 1|hl 1|  0
 * +-------+-----+----------+                       +----+----------+------+----+----+
 * | ident       |flags/frag|  4                    | source address (16)            |  8
 * +-------------+----------+                       +--------------------------------+
 * | ttl   |proto| checksum |  8                    | destination address (16)       | 24
 * +-------+-----+----------+                       +--------------------------------+ 40
 * | source address         | 12
 * | destination address    | 16
 * | options ...            | 20
 *
 * IPv6 extension header: next header(1) | length(1) | ...; fragment header: nh | rsv | offset(13)/M | ident(4)
 * </pre>
 */
final class IpDescriptor
{
    static final int IPV4_MIN_HEADER_LENGTH = 20;
    static final int IPV4_TOS_OFFSET = 1;
    static final int IPV4_TOTAL_LENGTH_OFFSET = 2;
    static final int IPV4_ID_OFFSET = 4;
    static final int IPV4_FRAGMENT_OFFSET = 6;
    static final int IPV4_TTL_OFFSET = 8;
    static final int IPV4_PROTOCOL_OFFSET = 9;
    static final int IPV4_SOURCE_OFFSET = 12;
    static final int IPV4_DESTINATION_OFFSET = 16;
    static final int IPV4_MORE_FRAGMENTS = 0x2000;
    static final int IPV4_OFFSET_MASK = 0x1FFF;

    static final int IPV6_HEADER_LENGTH = 40;
    static final int IPV6_PAYLOAD_LENGTH_OFFSET = 4;
    static final int IPV6_NEXT_HEADER_OFFSET = 6;
    static final int IPV6_HOP_LIMIT_OFFSET = 7;
    static final int IPV6_SOURCE_OFFSET = 8;
    static final int IPV6_DESTINATION_OFFSET = 24;
    static final int IPV6_FRAGMENT_HEADER_LENGTH = 8;
    static final int IPV6_MAX_EXTENSION_HEADERS = 16;

    static final int PROTO_HOPOPTS = 0;
    static final int PROTO_ICMP = 1;
    static final int PROTO_TCP = 6;
    static final int PROTO_UDP = 17;
    static final int PROTO_ROUTING = 43;
    static final int PROTO_FRAGMENT = 44;
    static final int PROTO_AH = 51;
    static final int PROTO_ICMPV6 = 58;
    static final int PROTO_NONE = 59;
    static final int PROTO_DSTOPTS = 60;
    static final int PROTO_SCTP = 132;
    static final int PROTO_MOBILITY = 135;

    private IpDescriptor()
    {
    }
}
