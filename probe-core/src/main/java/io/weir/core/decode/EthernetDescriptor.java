package io.weir.core.decode;

/**
 * Link-layer layouts weir decodes.
 *
 * <pre>
 * Ethernet II                    802.1Q / 802.1ad tag        PPPoE session, then the PPP protocol
 * +------+------+----+           +-----+----+                +--+--+----+----+-----+
 * | dst6 | src6 |type|           | TCI |type|                |vt|cd|sid |len |proto|  proto: 2 bytes, or 1 when
 * +------+------+----+           +-----+----+                +--+--+----+----+-----+  compressed (RFC 1661)
 *  0      6      12   14          0     2    4                0  1  2    4    6     8
 *
 * Linux cooked v1 (SLL, 16 bytes)               Linux cooked v2 (SLL2, 20 bytes)
 * +-----+------+-----+--------+-----+           +-----+----+-------+------+----+----+--------+
 * |pktty|hatype|halen| addr8  |proto|           |proto|rsv |ifindex|hatype|pkty|alen| addr8  |
 * +-----+------+-----+--------+-----+           +-----+----+-------+------+----+----+--------+
 *  0     2      4     6        14   16           0     2    4       8      10   11   12       20
 *
 * MPLS label stack entry: label(20) | TC(3) | S(1) | TTL(8)
 * </pre>
 */
final class EthernetDescriptor
{
    static final int HEADER_LENGTH = 14;
    static final int DESTINATION_OFFSET = 0;
    static final int SOURCE_OFFSET = 6;
    static final int ETHER_TYPE_OFFSET = 12;

    static final int VLAN_TAG_LENGTH = 4;
    static final int MPLS_ENTRY_LENGTH = 4;
    static final int MPLS_BOTTOM_OF_STACK = 0x100;
    static final int PPPOE_HEADER_LENGTH = 6;
    static final int PPP_IPV4 = 0x0021;
    static final int PPP_IPV6 = 0x0057;

    static final int SLL_HEADER_LENGTH = 16;
    static final int SLL_HATYPE_OFFSET = 2;
    static final int SLL_HALEN_OFFSET = 4;
    static final int SLL_ADDRESS_OFFSET = 6;
    static final int SLL_PROTOCOL_OFFSET = 14;
    static final int SLL2_HEADER_LENGTH = 20;
    static final int SLL2_PROTOCOL_OFFSET = 0;
    static final int SLL2_HATYPE_OFFSET = 8;
    static final int SLL2_HALEN_OFFSET = 11;
    static final int SLL2_ADDRESS_OFFSET = 12;
    static final int ARPHRD_ETHER = 1;

    static final int TYPE_IPV4 = 0x0800;
    static final int TYPE_IPV6 = 0x86DD;
    static final int TYPE_VLAN = 0x8100;
    static final int TYPE_QINQ = 0x88A8;
    static final int TYPE_QINQ_OLD = 0x9100;
    static final int TYPE_MPLS_UNICAST = 0x8847;
    static final int TYPE_MPLS_MULTICAST = 0x8848;
    static final int TYPE_PPPOE_SESSION = 0x8864;

    private EthernetDescriptor()
    {
    }
}
