package io.weir.export.transport;

/**
 * What a transport delivered and what it could not, per kind of message. Written by the
 * exporter thread; other threads may read the figures after it has finished.
 */
public final class TransportCounters
{
    long messagesSent;
    long bytesSent;
    long flowRecordsSent;
    long optionRecordsSent;
    long flowRecordsDropped;
    long optionRecordsDropped;
    long messagesDropped;
    long sessions;

    void onSent(final int length, final int records, final int kind)
    {
        messagesSent++;
        bytesSent += length;
        if (kind == MessageTransport.DATA)
        {
            flowRecordsSent += records;
        }
        else if (kind == MessageTransport.OPTIONS)
        {
            optionRecordsSent += records;
        }
    }

    void onDropped(final int records, final int kind)
    {
        messagesDropped++;
        if (kind == MessageTransport.DATA)
        {
            flowRecordsDropped += records;
        }
        else if (kind == MessageTransport.OPTIONS)
        {
            optionRecordsDropped += records;
        }
    }

    /** IPFIX messages fully handed to the network or written to the file. */
    public long messagesSent()
    {
        return messagesSent;
    }

    public long bytesSent()
    {
        return bytesSent;
    }

    public long flowRecordsSent()
    {
        return flowRecordsSent;
    }

    public long optionRecordsSent()
    {
        return optionRecordsSent;
    }

    /** Flow records in messages that could not be delivered (backlog full, send failed, closed with a backlog). */
    public long flowRecordsDropped()
    {
        return flowRecordsDropped;
    }

    public long optionRecordsDropped()
    {
        return optionRecordsDropped;
    }

    public long messagesDropped()
    {
        return messagesDropped;
    }

    /** Transport sessions started: connections made, files opened. */
    public long sessions()
    {
        return sessions;
    }
}
