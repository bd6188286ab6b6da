package io.weir.export.ipfix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Builds one IPFIX message at a time in a buffer allocated once: header, then sets, each
 * holding template records or data records of one template. A record is written straight
 * into the buffer at {@link #position()} (nothing past {@link #limit()}) and kept with
 * {@link #commit}. Not thread safe: owned by the exporter thread.
 */
public final class MessageBuilder
{
    private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;

    private final UnsafeBuffer buffer;
    private final int maxLength;
    private long domainId;
    private boolean open;
    private int position;
    private int setStart = -1;
    private int setId;
    private int dataRecords;
    private int templateRecords;

    public MessageBuilder(final int maxLength)
    {
        if (maxLength < IpfixDescriptor.MESSAGE_HEADER_LENGTH + IpfixDescriptor.SET_HEADER_LENGTH + 4
            || maxLength > IpfixDescriptor.MAX_MESSAGE_LENGTH)
        {
            throw new IllegalArgumentException("IPFIX message size must be 24..65535, got " + maxLength);
        }
        this.maxLength = maxLength;
        this.buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(maxLength));
    }

    /** Starts a message; the sequence number is that of its first data record. */
    public void begin(final long observationDomainId, final long sequenceNumber)
    {
        domainId = observationDomainId;
        buffer.putShort(IpfixDescriptor.VERSION_OFFSET, (short)IpfixDescriptor.VERSION, BIG);
        buffer.putInt(IpfixDescriptor.SEQUENCE_OFFSET, (int)sequenceNumber, BIG);
        buffer.putInt(IpfixDescriptor.DOMAIN_OFFSET, (int)observationDomainId, BIG);
        position = IpfixDescriptor.MESSAGE_HEADER_LENGTH;
        setStart = -1;
        setId = 0;
        dataRecords = 0;
        templateRecords = 0;
        open = true;
    }

    public boolean isOpen()
    {
        return open;
    }

    public long domainId()
    {
        return domainId;
    }

    /** The set now open, or 0. */
    public int setId()
    {
        return setStart < 0 ? 0 : setId;
    }

    /** Opens a set unless it is the one already open; false when not even its header fits. */
    public boolean openSet(final int id)
    {
        if (setStart >= 0 && setId == id)
        {
            return true;
        }
        closeSet();
        if (position + IpfixDescriptor.SET_HEADER_LENGTH > maxLength)
        {
            return false;
        }
        setStart = position;
        setId = id;
        buffer.putShort(position, (short)id, BIG);
        position += IpfixDescriptor.SET_HEADER_LENGTH;
        return true;
    }

    private void closeSet()
    {
        if (setStart >= 0)
        {
            if (position == setStart + IpfixDescriptor.SET_HEADER_LENGTH)
            {
                position = setStart;
            }
            else
            {
                buffer.putShort(setStart + 2, (short)(position - setStart), BIG);
            }
            setStart = -1;
        }
    }

    /** Adds a template record to the open template or options template set; false when it does not fit. */
    public boolean addTemplate(final byte[] templateRecord)
    {
        if (position + templateRecord.length > maxLength)
        {
            return false;
        }
        buffer.putBytes(position, templateRecord);
        position += templateRecord.length;
        templateRecords++;
        return true;
    }

    /** Adds a template withdrawal (the id with no fields) to the open template set. */
    public boolean addWithdrawal(final int templateId)
    {
        if (position + 4 > maxLength)
        {
            return false;
        }
        buffer.putShort(position, (short)templateId, BIG);
        buffer.putShort(position + 2, (short)0, BIG);
        position += 4;
        templateRecords++;
        return true;
    }

    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    /** Where the next record goes. */
    public int position()
    {
        return position;
    }

    /** Nothing may be written at or past this offset. */
    public int limit()
    {
        return maxLength;
    }

    /** Keeps a data record of {@code length} bytes written at {@link #position()}. */
    public void commit(final int length)
    {
        position += length;
        dataRecords++;
    }

    public int dataRecords()
    {
        return dataRecords;
    }

    public int templateRecords()
    {
        return templateRecords;
    }

    public boolean isEmpty()
    {
        return dataRecords == 0 && templateRecords == 0;
    }

    /** Closes the message; returns its length (the bytes are at offset 0 of {@link #buffer()}). */
    public int finish(final long exportTimeSeconds)
    {
        closeSet();
        buffer.putShort(IpfixDescriptor.LENGTH_OFFSET, (short)position, BIG);
        buffer.putInt(IpfixDescriptor.EXPORT_TIME_OFFSET, (int)exportTimeSeconds, BIG);
        open = false;
        return position;
    }

    public int maxLength()
    {
        return maxLength;
    }
}
