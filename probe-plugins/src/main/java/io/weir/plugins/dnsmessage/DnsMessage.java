package io.weir.plugins.dnsmessage;

import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.ADDITIONAL_COUNT_OFFSET;
import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.ANSWER_COUNT_OFFSET;
import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.AUTHORITY_COUNT_OFFSET;
import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.FLAGS_OFFSET;
import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.FLAG_RESPONSE;
import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.HEADER_LENGTH;
import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.ID_OFFSET;
import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.QUESTION_COUNT_OFFSET;
import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.RCODE_MASK;
import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.TCP_LENGTH_PREFIX;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * The header layer: a flyweight over one DNS message in a packet's buffer, with the header's
 * fields and bounds-checked big-endian reads at positions relative to the message start (the
 * positions compression pointers use). The same message layout comes from UDP (the whole
 * datagram) and TCP (a 2-byte length, then the message); {@link #wrap} hides the difference.
 * Not thread safe: owned by the capture worker.
 */
public final class DnsMessage
{
    private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;

    private DirectBuffer buffer;
    private int offset;
    private int length;

    /**
     * Wraps the DNS message in a transport payload.
     *
     * @param stream true for TCP: the payload starts with the message length. A message longer than
     *               the payload is {@link DnsStatus#TRUNCATED} (weir does not reassemble TCP); a
     *               payload holding more than one message gives the first.
     * @return 0, or {@link DnsStatus#TRUNCATED} when the payload is too short for a header,
     *         or {@link DnsStatus#MALFORMED} for a complete TCP message shorter than a header
     */
    public int wrap(final DirectBuffer buffer, final int payloadOffset, final int payloadLength, final boolean stream)
    {
        int start = payloadOffset;
        int available = payloadLength;
        if (stream)
        {
            if (available < TCP_LENGTH_PREFIX)
            {
                return DnsStatus.TRUNCATED;
            }
            final int declared = buffer.getShort(start, BIG) & 0xFFFF;
            start += TCP_LENGTH_PREFIX;
            available -= TCP_LENGTH_PREFIX;
            if (declared > available)
            {
                return DnsStatus.TRUNCATED;
            }
            if (declared < HEADER_LENGTH)
            {
                return DnsStatus.MALFORMED;
            }
            available = declared;
        }
        if (available < HEADER_LENGTH)
        {
            return DnsStatus.TRUNCATED;
        }
        this.buffer = buffer;
        this.offset = start;
        this.length = available;
        return 0;
    }

    public DirectBuffer buffer()
    {
        return buffer;
    }

    /** Offset of the message's first byte in {@link #buffer()}. */
    public int offset()
    {
        return offset;
    }

    /** Bytes of the message; every position must stay below this. */
    public int length()
    {
        return length;
    }

    public int id()
    {
        return u16(ID_OFFSET);
    }

    public int flags()
    {
        return u16(FLAGS_OFFSET);
    }

    public boolean isResponse()
    {
        return (flags() & FLAG_RESPONSE) != 0;
    }

    public int rcode()
    {
        return flags() & RCODE_MASK;
    }

    public int questionCount()
    {
        return u16(QUESTION_COUNT_OFFSET);
    }

    public int answerCount()
    {
        return u16(ANSWER_COUNT_OFFSET);
    }

    public int authorityCount()
    {
        return u16(AUTHORITY_COUNT_OFFSET);
    }

    public int additionalCount()
    {
        return u16(ADDITIONAL_COUNT_OFFSET);
    }

    /** The byte at a position the caller has checked against {@link #length()}. */
    public int u8(final int position)
    {
        return buffer.getByte(offset + position) & 0xFF;
    }

    public int u16(final int position)
    {
        return buffer.getShort(offset + position, BIG) & 0xFFFF;
    }

    public long u32(final int position)
    {
        return buffer.getInt(offset + position, BIG) & 0xFFFF_FFFFL;
    }

    /** True when {@code count} bytes from {@code position} are inside the message. */
    public boolean has(final int position, final int count)
    {
        return position >= 0 && count >= 0 && (long)position + count <= length;
    }
}
