package io.weir.plugins.tlshello;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * A fixed number of equal byte buffers lent to flows while they collect a hello that spans
 * packets. Buffers are made on first use and reused forever; when all are lent, {@link #acquire}
 * says no and the caller goes without. Not thread safe: owned by the capture worker.
 */
public final class BufferPool
{
    private final int bufferBytes;
    private final UnsafeBuffer[] buffers;
    private final int[] free;
    private int freeCount;
    private int made;
    private long exhausted;

    public BufferPool(final int buffers, final int bufferBytes)
    {
        this.bufferBytes = bufferBytes;
        this.buffers = new UnsafeBuffer[buffers];
        this.free = new int[buffers];
    }

    /** A buffer's index, or -1 when all are lent. */
    public int acquire()
    {
        if (freeCount > 0)
        {
            return free[--freeCount];
        }
        if (made < buffers.length)
        {
            buffers[made] = new UnsafeBuffer(new byte[bufferBytes]);
            return made++;
        }
        exhausted++;
        return -1;
    }

    public void release(final int index)
    {
        free[freeCount++] = index;
    }

    public UnsafeBuffer buffer(final int index)
    {
        return buffers[index];
    }

    public int bufferBytes()
    {
        return bufferBytes;
    }

    /** Buffers currently lent. */
    public int lent()
    {
        return made - freeCount;
    }

    /** Times a buffer was wanted while all were lent. */
    public long exhausted()
    {
        return exhausted;
    }
}
