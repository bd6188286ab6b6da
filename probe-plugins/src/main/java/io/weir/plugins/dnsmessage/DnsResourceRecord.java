package io.weir.plugins.dnsmessage;

import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.RECORD_CLASS_OFFSET;
import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.RECORD_FIXED_LENGTH;
import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.RECORD_RDLENGTH_OFFSET;
import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.RECORD_TTL_OFFSET;
import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.RECORD_TYPE_OFFSET;

/**
 * The record layer: one resource record (answer, authority or additional section), its fixed
 * fields and where its RDATA is. The owner name is only skipped here; callers that need its text
 * decode it from {@link #position()} with {@link DnsNameDecoder}. Reused: not thread safe.
 */
public final class DnsResourceRecord
{
    private int position;
    private int nameEnd;
    private int type;
    private int recordClass;
    private long ttl;
    private int rdataPosition;
    private int rdataLength;
    private int end;

    /**
     * Decodes the record at {@code position}.
     *
     * @return the position after its RDATA, or a {@link DnsStatus}: {@link #nameFailed()} tells
     *         whether the owner name or the fixed fields and RDATA were the problem
     */
    public int decode(final DnsMessage message, final int position)
    {
        this.position = position;
        type = 0;
        recordClass = 0;
        ttl = 0;
        rdataPosition = 0;
        rdataLength = 0;
        nameEnd = DnsNameDecoder.skip(message, position);
        if (nameEnd < 0)
        {
            return end = nameEnd;
        }
        if (!message.has(nameEnd, RECORD_FIXED_LENGTH))
        {
            return end = DnsStatus.TRUNCATED;
        }
        type = message.u16(nameEnd + RECORD_TYPE_OFFSET);
        recordClass = message.u16(nameEnd + RECORD_CLASS_OFFSET);
        ttl = message.u32(nameEnd + RECORD_TTL_OFFSET);
        final int declared = message.u16(nameEnd + RECORD_RDLENGTH_OFFSET);
        final int rdata = nameEnd + RECORD_FIXED_LENGTH;
        if (!message.has(rdata, declared))
        {
            return end = DnsStatus.TRUNCATED;
        }
        rdataPosition = rdata;
        rdataLength = declared;
        return end = rdata + declared;
    }

    public boolean nameFailed()
    {
        return nameEnd < 0;
    }

    /** Where the record (its owner name) starts. */
    public int position()
    {
        return position;
    }

    public int type()
    {
        return type;
    }

    /** CLASS; for OPT the requestor's UDP payload size. */
    public int recordClass()
    {
        return recordClass;
    }

    /** TTL; for OPT extended RCODE, version, DO and Z. */
    public long ttl()
    {
        return ttl;
    }

    public int rdataPosition()
    {
        return rdataPosition;
    }

    public int rdataLength()
    {
        return rdataLength;
    }

    public int end()
    {
        return end;
    }
}
