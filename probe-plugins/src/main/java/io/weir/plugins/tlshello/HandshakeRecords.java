package io.weir.plugins.tlshello;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Finds the first handshake message of a TLS byte stream that starts at a record boundary
 * (RFC 8446 section 5.1). A message inside its first record is returned in place; one that spans
 * records is copied together into an internal buffer. Records must be handshake records of
 * version 3.x (x at most 3), as ipfixprobe requires. Not thread safe: one per plugin instance.
 */
public final class HandshakeRecords
{
    public static final int COMPLETE = 0;
    /** The stream ends before the message does. */
    public static final int NEED_MORE = 1;
    /** The stream does not start with a handshake record. */
    public static final int NOT_HANDSHAKE = 2;
    /** A record length or message length that no TLS peer sends, or a message too long to collect. */
    public static final int MALFORMED = 3;

    public static final int RECORD_HEADER_BYTES = 5;
    private static final int MAX_RECORD_BYTES = (1 << 14) + 2048;
    private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;

    private final byte[] joined;
    private final UnsafeBuffer joinedBuffer;
    private DirectBuffer messageBuffer;
    private int messageOffset;
    private int messageLength;

    /** @param maxMessageBytes the longest message collected across records (header included) */
    public HandshakeRecords(final int maxMessageBytes)
    {
        joined = new byte[maxMessageBytes];
        joinedBuffer = new UnsafeBuffer(joined);
    }

    /** True when the bytes given could start a TLS handshake record carrying a hello of this type. */
    public static boolean startsHello(final DirectBuffer stream, final int offset, final int length, final int helloType)
    {
        return length > RECORD_HEADER_BYTES
            && (stream.getByte(offset) & 0xFF) == TlsNumbers.CONTENT_HANDSHAKE
            && stream.getByte(offset + 1) == 3
            && (stream.getByte(offset + 2) & 0xFF) <= 3
            && (stream.getByte(offset + RECORD_HEADER_BYTES) & 0xFF) == helloType;
    }

    /** Looks for the first handshake message in {@code stream[offset..offset+length)}. */
    public int find(final DirectBuffer stream, final int offset, final int length)
    {
        messageBuffer = null;
        messageLength = 0;
        int p = offset;
        final int end = offset + length;
        int collected = 0;
        int required = -1;
        while (true)
        {
            if (p + RECORD_HEADER_BYTES > end)
            {
                return p == offset && length > 0 && !recordStartPlausible(stream, p, end) ? NOT_HANDSHAKE : NEED_MORE;
            }
            if (!recordStartPlausible(stream, p, end))
            {
                return p == offset ? NOT_HANDSHAKE : MALFORMED;
            }
            final int recordLength = stream.getShort(p + 3, BIG) & 0xFFFF;
            if (recordLength == 0 || recordLength > MAX_RECORD_BYTES)
            {
                return MALFORMED;
            }
            final int fragment = p + RECORD_HEADER_BYTES;
            if (p == offset && recordLength >= 4 && fragment + 4 <= end)
            {
                final int inPlace = 4 + messageBodyLength(stream, fragment);
                if (inPlace <= recordLength)
                {
                    if (fragment + inPlace > end)
                    {
                        return NEED_MORE;
                    }
                    messageBuffer = stream;
                    messageOffset = fragment;
                    messageLength = inPlace;
                    return COMPLETE;
                }
            }
            final int available = Math.min(recordLength, end - fragment);
            final int take = required < 0 ? available : Math.min(available, required - collected);
            if (collected + take > joined.length)
            {
                return MALFORMED;
            }
            stream.getBytes(fragment, joined, collected, take);
            collected += take;
            if (required < 0 && collected >= 4)
            {
                required = 4 + messageBodyLength(joinedBuffer, 0);
                if (required > joined.length)
                {
                    return MALFORMED;
                }
                if (collected > required)
                {
                    collected = required;
                }
            }
            if (required >= 0 && collected >= required)
            {
                messageBuffer = joinedBuffer;
                messageOffset = 0;
                messageLength = required;
                return COMPLETE;
            }
            if (available < recordLength)
            {
                return NEED_MORE;
            }
            p = fragment + recordLength;
        }
    }

    private static boolean recordStartPlausible(final DirectBuffer stream, final int p, final int end)
    {
        if ((stream.getByte(p) & 0xFF) != TlsNumbers.CONTENT_HANDSHAKE)
        {
            return false;
        }
        if (p + 1 < end && stream.getByte(p + 1) != 3)
        {
            return false;
        }
        return p + 2 >= end || (stream.getByte(p + 2) & 0xFF) <= 3;
    }

    private static int messageBodyLength(final DirectBuffer buffer, final int offset)
    {
        return ((buffer.getByte(offset + 1) & 0xFF) << 16) | (buffer.getShort(offset + 2, BIG) & 0xFFFF);
    }

    /** The buffer holding the message found by the last {@link #find} that returned COMPLETE. */
    public DirectBuffer messageBuffer()
    {
        return messageBuffer;
    }

    public int messageOffset()
    {
        return messageOffset;
    }

    public int messageLength()
    {
        return messageLength;
    }
}
