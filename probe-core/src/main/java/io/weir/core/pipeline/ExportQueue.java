package io.weir.core.pipeline;

import java.nio.ByteBuffer;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The bounded queue between one capture worker and the exporter: a single-producer,
 * single-consumer ring of encoded records, each tagged with its schema id. Allocated once.
 */
public final class ExportQueue
{
    public static final int DEFAULT_CAPACITY_BYTES = 4 * 1024 * 1024;

    private final OneToOneRingBuffer ring;

    public ExportQueue(final int capacityBytes)
    {
        final int capacity = Integer.highestOneBit(Math.max(capacityBytes, 64 * 1024));
        this.ring = new OneToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH)));
    }

    /** Producer side: false when the ring is full for now. */
    boolean offer(final int schemaId, final DirectBuffer record, final int offset, final int length)
    {
        return ring.write(schemaId, record, offset, length);
    }

    /** Consumer side: hands up to {@code limit} records to the handler; returns how many. */
    int drain(final MessageHandler handler, final int limit)
    {
        return ring.read(handler, limit);
    }

    int maxRecordLength()
    {
        return ring.maxMsgLength();
    }

    boolean isEmpty()
    {
        return ring.size() == 0;
    }
}
