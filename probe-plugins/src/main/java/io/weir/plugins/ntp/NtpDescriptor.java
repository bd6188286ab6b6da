package io.weir.plugins.ntp;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * The NTP header (RFC 5905 section 7.3), read in place from a buffer.
 *
 * <pre>
 *  0        1        2        3
 * +--+---+---+--------+--------+--------+
 * |LI|VN |Mod|Stratum | Poll   |Precis. |  0
 * +--+---+---+--------+--------+--------+
 * |            Root Delay              |  4
 * |          Root Dispersion           |  8
 * |           Reference ID             | 12
 * |   Reference Timestamp (64)         | 16
 * |   Origin Timestamp (64)            | 24
 * |   Receive Timestamp (64)           | 32
 * |   Transmit Timestamp (64)          | 40
 * +------------------------------------+ 48
 * </pre>
 * Timestamps are 32-bit seconds since 1900 and a 32-bit binary fraction.
 */
final class NtpDescriptor
{
    static final int HEADER_LENGTH = 48;
    static final int STRATUM_OFFSET = 1;
    static final int POLL_OFFSET = 2;
    static final int PRECISION_OFFSET = 3;
    static final int ROOT_DELAY_OFFSET = 4;
    static final int ROOT_DISPERSION_OFFSET = 8;
    static final int REFERENCE_ID_OFFSET = 12;
    static final int REFERENCE_TIME_OFFSET = 16;
    static final int ORIGIN_TIME_OFFSET = 24;
    static final int RECEIVE_TIME_OFFSET = 32;
    static final int TRANSMIT_TIME_OFFSET = 40;

    static final int MODE_CLIENT = 3;
    static final int MODE_SERVER = 4;
    static final int MAX_STRATUM = 16;
    static final int MAX_POLL = 17;

    private NtpDescriptor()
    {
    }

    static int leap(final DirectBuffer buffer, final int offset)
    {
        return (buffer.getByte(offset) & 0xFF) >>> 6;
    }

    static int version(final DirectBuffer buffer, final int offset)
    {
        return (buffer.getByte(offset) >>> 3) & 0x07;
    }

    static int mode(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset) & 0x07;
    }

    static int u8(final DirectBuffer buffer, final int offset, final int field)
    {
        return buffer.getByte(offset + field) & 0xFF;
    }

    static long u32(final DirectBuffer buffer, final int offset, final int field)
    {
        return buffer.getInt(offset + field, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL;
    }

    static long timestamp(final DirectBuffer buffer, final int offset, final int field)
    {
        return buffer.getLong(offset + field, ByteOrder.BIG_ENDIAN);
    }

    /**
     * What ipfixprobe accepts as NTP: a whole header of version 4, client or server mode, stratum at
     * most 16 and poll at most 17.
     */
    static boolean isAccepted(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < HEADER_LENGTH || version(buffer, offset) != 4)
        {
            return false;
        }
        final int mode = mode(buffer, offset);
        return (mode == MODE_CLIENT || mode == MODE_SERVER)
            && u8(buffer, offset, STRATUM_OFFSET) <= MAX_STRATUM
            && u8(buffer, offset, POLL_OFFSET) <= MAX_POLL;
    }
}
