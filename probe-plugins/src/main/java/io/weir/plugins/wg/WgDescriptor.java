package io.weir.plugins.wg;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * WireGuard messages (whitepaper section 5.4), as the detector reads them. Every message starts
 * with a type byte and three zero bytes; the 32-bit indexes are little-endian.
 *
 * <pre>
 * 1 handshake initiation, 148 bytes: | 1 0 0 0 | sender 4 | ...
 * 2 handshake response,    92 bytes: | 2 0 0 0 | sender 4 | receiver 4 | ...
 * 3 cookie reply,          64 bytes: | 3 0 0 0 | receiver 4 | ...
 * 4 transport data,     >= 32 bytes: | 4 0 0 0 | receiver 4 | counter 8 | data ... | tag 16 |
 * </pre>
 */
final class WgDescriptor
{
    static final int INITIATION = 1;
    static final int RESPONSE = 2;
    static final int COOKIE_REPLY = 3;
    static final int TRANSPORT_DATA = 4;

    static final int INITIATION_LENGTH = 148;
    static final int RESPONSE_LENGTH = 92;
    static final int COOKIE_REPLY_LENGTH = 64;
    static final int MIN_TRANSPORT_DATA_LENGTH = 32;

    static final int FIRST_INDEX_OFFSET = 4;
    static final int SECOND_INDEX_OFFSET = 8;

    /**
     * Bytes 4..7 (read little-endian) of a DNS query whose id is 1..4 and whose flags are zero: one
     * question, no answers. A WireGuard message with these bytes may well be such a query.
     */
    static final int DNS_QUERY_LOOKALIKE = 0x0000_0100;

    private WgDescriptor()
    {
    }

    static int index(final DirectBuffer buffer, final int payload, final int offset)
    {
        return buffer.getInt(payload + offset, ByteOrder.LITTLE_ENDIAN);
    }
}
