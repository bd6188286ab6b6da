package io.weir.plugins.quic;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * One QUIC long header packet in a datagram (RFC 9000 section 17.2), read in place: a flyweight
 * repositioned for every packet of every datagram. Connection IDs longer than 20 bytes and
 * versions weir cannot decrypt are not QUIC to it, as to ipfixprobe. Not thread safe.
 */
final class LongHeader
{
    static final int NEGOTIATION = 7;
    private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;

    private DirectBuffer buffer;
    int start;
    int firstByte;
    int version;
    /** {@link QuicVersion#INITIAL}..{@link QuicVersion#RETRY}, or {@link #NEGOTIATION}. */
    int type;
    int dcidOffset;
    int dcidLength;
    int scidOffset;
    int scidLength;
    long tokenLength;
    /** Offset of the (protected) packet number, for Initial, 0-RTT and Handshake packets. */
    int pnOffset;
    /** End of this packet: where a coalesced packet would start. */
    int end;
    /** Whether the Length field fits the datagram (false: the packet is cut short). */
    boolean complete;

    /**
     * Reads the long header at {@code offset}; false when it is not a QUIC long header weir knows.
     * When true, {@link #type} and the connection IDs are valid; the rest only if {@link #complete}.
     */
    boolean wrap(final DirectBuffer buffer, final int offset, final int datagramEnd)
    {
        this.buffer = buffer;
        start = offset;
        complete = false;
        tokenLength = 0;
        if (offset + 7 > datagramEnd)
        {
            return false;
        }
        firstByte = buffer.getByte(offset) & 0xFF;
        if ((firstByte & 0x80) == 0)
        {
            return false;
        }
        version = buffer.getInt(offset + 1, BIG);
        if (!QuicVersion.known(version))
        {
            return false;
        }
        dcidLength = buffer.getByte(offset + 5) & 0xFF;
        dcidOffset = offset + 6;
        int p = dcidOffset + dcidLength;
        if (dcidLength > InitialProtection.MAX_CONNECTION_ID || p + 1 > datagramEnd)
        {
            return false;
        }
        scidLength = buffer.getByte(p) & 0xFF;
        scidOffset = p + 1;
        p = scidOffset + scidLength;
        if (scidLength > InitialProtection.MAX_CONNECTION_ID || p > datagramEnd)
        {
            return false;
        }
        if (version == QuicVersion.NEGOTIATION)
        {
            type = NEGOTIATION;
            end = datagramEnd;
            complete = true;
            return true;
        }
        type = QuicVersion.packetType(firstByte, version);
        if (type == QuicVersion.RETRY)
        {
            final int tokenEnd = datagramEnd - AesGcmOpener.TAG_BYTES;
            end = datagramEnd;
            if (tokenEnd >= p)
            {
                tokenLength = tokenEnd - p;
                complete = true;
            }
            return true;
        }
        if (type == QuicVersion.INITIAL)
        {
            tokenLength = varint(p, datagramEnd);
            if (tokenLength < 0)
            {
                return true;
            }
            p += varintSize(p);
            if (tokenLength > datagramEnd - p)
            {
                return true;
            }
            p += (int)tokenLength;
        }
        final long length = varint(p, datagramEnd);
        if (length < 0)
        {
            return true;
        }
        pnOffset = p + varintSize(p);
        if (length > datagramEnd - pnOffset)
        {
            return true;
        }
        end = pnOffset + (int)length;
        complete = true;
        return true;
    }

    /** A variable-length integer (RFC 9000 section 16) at {@code p}, or -1 when it runs past {@code end}. */
    private long varint(final int p, final int end)
    {
        if (p >= end)
        {
            return -1;
        }
        final int size = varintSize(p);
        if (p + size > end)
        {
            return -1;
        }
        long value = buffer.getByte(p) & 0x3F;
        for (int i = 1; i < size; i++)
        {
            value = (value << 8) | (buffer.getByte(p + i) & 0xFF);
        }
        return value;
    }

    private int varintSize(final int p)
    {
        return 1 << ((buffer.getByte(p) & 0xFF) >>> 6);
    }
}
