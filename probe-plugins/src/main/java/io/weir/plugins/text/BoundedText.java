package io.weir.plugins.text;

import java.nio.charset.StandardCharsets;

import io.weir.core.field.RecordWriter;
import org.agrona.DirectBuffer;

/**
 * A text value of a flow record in a preallocated array with a fixed limit (ipfixprobe's field
 * size less its terminating NUL): longer values are cut at the limit, never reallocated.
 * Not thread safe: owned by the capture worker.
 */
public final class BoundedText
{
    private final byte[] bytes;
    private int length;

    public BoundedText(final int capacity)
    {
        this.bytes = new byte[capacity];
    }

    public int capacity()
    {
        return bytes.length;
    }

    public int length()
    {
        return length;
    }

    public boolean isEmpty()
    {
        return length == 0;
    }

    public byte byteAt(final int index)
    {
        return bytes[index];
    }

    public void clear()
    {
        length = 0;
    }

    /** Replaces the value with {@code length} bytes of the buffer, cut at the capacity. */
    public void set(final DirectBuffer buffer, final int offset, final int length)
    {
        this.length = 0;
        append(buffer, offset, length);
    }

    /** Appends what fits of {@code length} bytes of the buffer. */
    public void append(final DirectBuffer buffer, final int offset, final int length)
    {
        final int n = Math.min(Math.max(0, length), bytes.length - this.length);
        if (n > 0)
        {
            buffer.getBytes(offset, bytes, this.length, n);
            this.length += n;
        }
    }

    /** Appends one byte if it fits. */
    public void append(final byte value)
    {
        if (length < bytes.length)
        {
            bytes[length++] = value;
        }
    }

    public void write(final RecordWriter writer)
    {
        writer.bytes(bytes, 0, length);
    }

    /** The value as ISO-8859-1 text; allocates, so only for tests and diagnostics. */
    @Override
    public String toString()
    {
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
}
