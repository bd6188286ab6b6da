package io.weir.core.flow;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.agrona.BufferUtil;
import org.agrona.UnsafeApi;

/**
 * A block of off-heap memory aligned for the cache's row and record layouts, read and written in
 * native byte order without bounds checks: the flow cache computes every offset from a slot
 * number it has already bounded, and the checks cost the hot path about a sixth of its time.
 * Offsets are still checked by assertions, which the tests run with.
 * Not thread safe: owned by the capture worker.
 */
final class AlignedMemory
{
    /** Held so that the memory stays allocated as long as this object is used. */
    private final ByteBuffer block;
    private final long address;
    private final int length;

    AlignedMemory(final int length, final int alignment)
    {
        this.block = ByteBuffer.allocateDirect(length + alignment).alignedSlice(alignment).order(ByteOrder.nativeOrder());
        this.address = BufferUtil.address(block);
        this.length = length;
    }

    int length()
    {
        return length;
    }

    private boolean inside(final int offset, final int size)
    {
        return offset >= 0 && offset <= length - size;
    }

    long getLong(final int offset)
    {
        assert inside(offset, Long.BYTES) : offset;
        return UnsafeApi.getLong(address + offset);
    }

    void putLong(final int offset, final long value)
    {
        assert inside(offset, Long.BYTES) : offset;
        UnsafeApi.putLong(address + offset, value);
    }

    int getInt(final int offset)
    {
        assert inside(offset, Integer.BYTES) : offset;
        return UnsafeApi.getInt(address + offset);
    }

    void putInt(final int offset, final int value)
    {
        assert inside(offset, Integer.BYTES) : offset;
        UnsafeApi.putInt(address + offset, value);
    }

    short getShort(final int offset)
    {
        assert inside(offset, Short.BYTES) : offset;
        return UnsafeApi.getShort(address + offset);
    }

    void putShort(final int offset, final short value)
    {
        assert inside(offset, Short.BYTES) : offset;
        UnsafeApi.putShort(address + offset, value);
    }

    byte getByte(final int offset)
    {
        assert inside(offset, 1) : offset;
        return UnsafeApi.getByte(address + offset);
    }

    void putByte(final int offset, final byte value)
    {
        assert inside(offset, 1) : offset;
        UnsafeApi.putByte(address + offset, value);
    }
}
