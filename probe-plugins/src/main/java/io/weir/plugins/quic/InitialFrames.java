package io.weir.plugins.quic;

/**
 * Walks the frames of an opened Initial packet (RFC 9000 section 19): CRYPTO data goes to a
 * {@link CryptoStream}; PADDING, PING, ACK and CONNECTION_CLOSE are stepped over; any other type,
 * which an Initial may not carry (section 12.4), ends the walk. Every step is bounded by the
 * plaintext's length.
 */
final class InitialFrames
{
    private static final int PADDING = 0x00;
    private static final int PING = 0x01;
    private static final int ACK = 0x02;
    private static final int ACK_ECN = 0x03;
    private static final int CRYPTO = 0x06;
    private static final int CONNECTION_CLOSE = 0x1c;
    private static final int CONNECTION_CLOSE_APPLICATION = 0x1d;

    private final byte[] plaintext;
    private int length;
    private int position;

    InitialFrames(final byte[] plaintext)
    {
        this.plaintext = plaintext;
    }

    /** @return the number of CRYPTO frames given to the stream */
    int walk(final int plaintextLength, final CryptoStream stream)
    {
        length = plaintextLength;
        position = 0;
        int crypto = 0;
        while (position < length)
        {
            final int type = plaintext[position] & 0xFF;
            switch (type)
            {
                case PADDING:
                case PING:
                    position++;
                    break;
                case CRYPTO:
                    position++;
                    final long offset = varint();
                    final long dataLength = varint();
                    if (offset < 0 || dataLength < 0 || dataLength > length - position)
                    {
                        return crypto;
                    }
                    stream.add(offset, plaintext, position, (int)dataLength);
                    position += (int)dataLength;
                    crypto++;
                    break;
                case ACK:
                case ACK_ECN:
                    position++;
                    varint();
                    varint();
                    final long ranges = varint();
                    varint();
                    for (long i = 0; i < ranges && position < length; i++)
                    {
                        varint();
                        varint();
                    }
                    if (type == ACK_ECN)
                    {
                        varint();
                        varint();
                        varint();
                    }
                    if (ranges < 0 || position > length)
                    {
                        return crypto;
                    }
                    break;
                case CONNECTION_CLOSE:
                case CONNECTION_CLOSE_APPLICATION:
                    position++;
                    varint();
                    if (type == CONNECTION_CLOSE)
                    {
                        varint();
                    }
                    final long reason = varint();
                    if (reason < 0 || reason > length - position)
                    {
                        return crypto;
                    }
                    position += (int)reason;
                    break;
                default:
                    return crypto;
            }
        }
        return crypto;
    }

    /** Reads a variable-length integer; past the end it returns -1 and moves past the end. */
    private long varint()
    {
        if (position >= length)
        {
            position = length + 1;
            return -1;
        }
        final int size = 1 << ((plaintext[position] & 0xFF) >>> 6);
        if (position + size > length)
        {
            position = length + 1;
            return -1;
        }
        long value = plaintext[position] & 0x3F;
        for (int i = 1; i < size; i++)
        {
            value = (value << 8) | (plaintext[position + i] & 0xFF);
        }
        position += size;
        return value;
    }
}
