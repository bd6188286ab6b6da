package io.weir.core.field;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Writes field values in weir's record encoding: fixed-length values big-endian at their
 * {@link FieldType#recordLength()}, timestamps as 64-bit epoch nanoseconds, variable-length
 * values as a 2-byte length and the bytes, basicLists as a 2-byte count and the elements.
 * A value that does not fit marks the record as overflowed instead of writing past the limit.
 * Not thread safe: owned by the capture worker.
 */
public final class RecordWriter
{
    private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;

    private MutableDirectBuffer buffer;
    private int start;
    private int position;
    private int limit;
    private boolean overflowed;

    public RecordWriter wrap(final MutableDirectBuffer buffer, final int offset, final int limit)
    {
        this.buffer = buffer;
        this.start = offset;
        this.position = offset;
        this.limit = limit;
        this.overflowed = false;
        return this;
    }

    public int length()
    {
        return position - start;
    }

    /** Goes back to a length returned by {@link #length()}, dropping what was written since. */
    public void rewind(final int length)
    {
        position = start + length;
        overflowed = false;
    }

    /** True when some value did not fit: the record must not be used. */
    public boolean overflowed()
    {
        return overflowed;
    }

    private boolean room(final int bytes)
    {
        if (position + bytes > limit)
        {
            overflowed = true;
            return false;
        }
        return true;
    }

    public RecordWriter u8(final int value)
    {
        if (room(1))
        {
            buffer.putByte(position++, (byte)value);
        }
        return this;
    }

    public RecordWriter u16(final int value)
    {
        if (room(2))
        {
            buffer.putShort(position, (short)value, BIG);
            position += 2;
        }
        return this;
    }

    public RecordWriter u32(final long value)
    {
        if (room(4))
        {
            buffer.putInt(position, (int)value, BIG);
            position += 4;
        }
        return this;
    }

    public RecordWriter u64(final long value)
    {
        if (room(8))
        {
            buffer.putLong(position, value, BIG);
            position += 8;
        }
        return this;
    }

    public RecordWriter f32(final float value)
    {
        return u32(Float.floatToRawIntBits(value));
    }

    public RecordWriter f64(final double value)
    {
        return u64(Double.doubleToRawLongBits(value));
    }

    /** A 48-bit MAC address held in the low bits of a long. */
    public RecordWriter mac(final long value)
    {
        if (room(6))
        {
            buffer.putShort(position, (short)(value >>> 32), BIG);
            buffer.putInt(position + 2, (int)value, BIG);
            position += 6;
        }
        return this;
    }

    public RecordWriter ipv4(final long address)
    {
        return u32(address);
    }

    public RecordWriter ipv6(final long high, final long low)
    {
        if (room(16))
        {
            buffer.putLong(position, high, BIG);
            buffer.putLong(position + 8, low, BIG);
            position += 16;
        }
        return this;
    }

    public RecordWriter timeNs(final long epochNanos)
    {
        return u64(epochNanos);
    }

    /** A variable-length value (string or octetArray) copied from a buffer; at most 65535 bytes. */
    public RecordWriter bytes(final DirectBuffer source, final int offset, final int length)
    {
        final int n = Math.min(length, Field.VARIABLE_LENGTH - 1);
        if (room(2 + n))
        {
            buffer.putShort(position, (short)n, BIG);
            buffer.putBytes(position + 2, source, offset, n);
            position += 2 + n;
        }
        return this;
    }

    /** A variable-length value (string or octetArray) copied from an array; at most 65535 bytes. */
    public RecordWriter bytes(final byte[] source, final int offset, final int length)
    {
        final int n = Math.min(length, Field.VARIABLE_LENGTH - 1);
        if (room(2 + n))
        {
            buffer.putShort(position, (short)n, BIG);
            buffer.putBytes(position + 2, source, offset, n);
            position += 2 + n;
        }
        return this;
    }

    /** Starts a basicList of {@code count} elements; the elements follow with the scalar writers. */
    public RecordWriter listCount(final int count)
    {
        return u16(count);
    }
}
