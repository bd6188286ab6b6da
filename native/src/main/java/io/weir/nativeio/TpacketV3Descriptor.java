package io.weir.nativeio;

/**
 * Layout of a TPACKET_V3 receive ring ({@code linux/if_packet.h}), native byte order.
 *
 * <pre>
 * Block (tpacket_block_desc, one per tp_block_size bytes of the ring):
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                          version                              |  0
 *  |                       offset_to_priv                          |  4
 *  |                 block_status (TP_STATUS_USER = 1)             |  8
 *  |                          num_pkts                             | 12
 *  |                    offset_to_first_pkt                        | 16
 *  |                          blk_len                              | 20
 *  |                      seq_num (64 bits)                        | 24
 *  |             ts_first_pkt, ts_last_pkt (2 x 64 bits)           | 32
 *  +---------------------------------------------------------------+
 *
 * Packet (tpacket3_hdr, at block + offset_to_first_pkt, then + tp_next_offset):
 *  +---------------------------------------------------------------+
 *  |                        tp_next_offset                         |  0
 *  |                           tp_sec                              |  4
 *  |                           tp_nsec                             |  8
 *  |                   tp_snaplen (bytes captured)                 | 12
 *  |                    tp_len (bytes on the wire)                 | 16
 *  |                          tp_status                            | 20
 *  |            tp_mac             |            tp_net             | 24
 *  |                     hv1.tp_rxhash                             | 28
 *  |                     hv1.tp_vlan_tci                           | 32
 *  |        hv1.tp_vlan_tpid       |           padding             | 36
 *  +---------------------------------------------------------------+
 *  then struct sockaddr_ll, then the frame at packet + tp_mac.
 * </pre>
 */
final class TpacketV3Descriptor
{
    static final int BLOCK_STATUS_OFFSET = 8;
    static final int BLOCK_NUM_PACKETS_OFFSET = 12;
    static final int BLOCK_FIRST_PACKET_OFFSET = 16;
    static final int BLOCK_HEADER_LENGTH = 48;

    static final int NEXT_OFFSET_OFFSET = 0;
    static final int SECONDS_OFFSET = 4;
    static final int NANOS_OFFSET = 8;
    static final int SNAPLEN_OFFSET = 12;
    static final int LENGTH_OFFSET = 16;
    static final int STATUS_OFFSET = 20;
    static final int MAC_OFFSET = 24;
    static final int VLAN_TCI_OFFSET = 32;
    static final int VLAN_TPID_OFFSET = 36;
    /** TPACKET_ALIGN(sizeof(struct tpacket3_hdr)) + sizeof(struct sockaddr_ll): no frame byte lies before this. */
    static final int PACKET_HEADER_LENGTH = 48 + 20;

    static final int TP_STATUS_KERNEL = 0;
    static final int TP_STATUS_USER = 1;
    static final int TP_STATUS_VLAN_VALID = 1 << 4;
    static final int TP_STATUS_VLAN_TPID_VALID = 1 << 6;

    // Socket options at level SOL_PACKET.
    static final int SOL_PACKET = 263;
    static final int PACKET_ADD_MEMBERSHIP = 1;
    static final int PACKET_RX_RING = 5;
    static final int PACKET_STATISTICS = 6;
    static final int PACKET_VERSION = 10;
    static final int PACKET_RESERVE = 12;
    static final int PACKET_FANOUT = 18;
    static final int TPACKET_V3 = 2;
    static final int PACKET_MR_PROMISC = 1;
    static final int ETH_P_ALL = 0x0003;

    /** Bytes kept free before each frame so that a VLAN tag the kernel took out can be put back in place. */
    static final int VLAN_TAG_LENGTH = 4;

    private TpacketV3Descriptor()
    {
    }
}
