package io.weir.plugins.dnsmessage;

import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.QUESTION_CLASS_OFFSET;
import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.QUESTION_FIXED_LENGTH;
import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.QUESTION_TYPE_OFFSET;

/**
 * The question layer: one entry of the question section, decoded in place. The name is decoded
 * (validated, pointers followed) into {@link #name()}. Reused: not thread safe.
 */
public final class DnsQuestion
{
    private final DnsName name;
    private int nameStatus;
    private int type;
    private int questionClass;
    private int end;

    public DnsQuestion(final int nameCapacity)
    {
        this.name = new DnsName(nameCapacity);
    }

    /**
     * Decodes the question at {@code position}.
     *
     * @return the position after it, or a {@link DnsStatus}: {@link #nameFailed()} tells whether
     *         the name or the fixed fields after it were the problem
     */
    public int decode(final DnsMessage message, final int position)
    {
        type = 0;
        questionClass = 0;
        nameStatus = DnsNameDecoder.decode(message, position, name);
        if (nameStatus < 0)
        {
            return end = nameStatus;
        }
        if (!message.has(nameStatus, QUESTION_FIXED_LENGTH))
        {
            return end = DnsStatus.TRUNCATED;
        }
        type = message.u16(nameStatus + QUESTION_TYPE_OFFSET);
        questionClass = message.u16(nameStatus + QUESTION_CLASS_OFFSET);
        return end = nameStatus + QUESTION_FIXED_LENGTH;
    }

    /** True when the last decode failed in the name (as opposed to the fixed fields after it). */
    public boolean nameFailed()
    {
        return nameStatus < 0;
    }

    public DnsName name()
    {
        return name;
    }

    public int type()
    {
        return type;
    }

    public int questionClass()
    {
        return questionClass;
    }

    public int end()
    {
        return end;
    }
}
