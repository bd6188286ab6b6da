package io.weir.core.decode;

/**
 * Transport layouts.
 *
 * <pre>
 * TCP                                              UDP                    SCTP common header
 * +---------+---------+                            +-------+-------+      +-------+-------+
 * | sport 2 | dport 2 |  0                         | sport | dport | 0    | sport | dport | 0
 * +---------+---------+                            +-------+-------+      +-------+-------+
 * | sequence number 4 |  4                         | len   | csum  | 4    | verification  | 4
 * | ack number 4      |  8                         +-------+-------+ 8    | checksum      | 8
 * +----+----+---------+                                                   +---------------+ 12
 * |off |flag| window  | 12   (off = high nibble of byte 12, flags = byte 13)
 * +----+----+---------+
 * | csum    | urgent  | 16
 * | options ...       | 20
 *
 * ICMP / ICMPv6: type(1) | code(1) | checksum(2)
 * </pre>
 */
final class TransportDescriptor
{
    static final int TCP_MIN_HEADER_LENGTH = 20;
    static final int TCP_SEQUENCE_OFFSET = 4;
    static final int TCP_ACK_OFFSET = 8;
    static final int TCP_DATA_OFFSET_OFFSET = 12;
    static final int TCP_FLAGS_OFFSET = 13;
    static final int TCP_WINDOW_OFFSET = 14;
    static final int TCP_OPTION_END = 0;
    static final int TCP_OPTION_NOP = 1;
    static final int TCP_OPTION_MSS = 2;

    static final int UDP_HEADER_LENGTH = 8;
    static final int SCTP_HEADER_LENGTH = 12;
    static final int ICMP_MIN_LENGTH = 2;

    private TransportDescriptor()
    {
    }
}
