package io.weir.core.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Growable byte array written field by field in a chosen byte order: the test's own writer
 * for capture files, independent of the readers under test.
 */
final class CaptureBytes
{
    private byte[] bytes = new byte[256];
    private int length;
    private ByteOrder order;

    CaptureBytes(final ByteOrder order)
    {
        this.order = order;
    }

    ByteOrder order()
    {
        return order;
    }

    CaptureBytes order(final ByteOrder order)
    {
        this.order = order;
        return this;
    }

    int length()
    {
        return length;
    }

    CaptureBytes int8(final int value)
    {
        ensure(1);
        bytes[length++] = (byte)value;
        return this;
    }

    CaptureBytes int16(final int value)
    {
        return integer(value, 2);
    }

    CaptureBytes int32(final int value)
    {
        return integer(value, 4);
    }

    CaptureBytes int32(final long value)
    {
        return integer(value, 4);
    }

    CaptureBytes int64(final long value)
    {
        return integer(value, 8);
    }

    /** Four bytes exactly as given, whatever the byte order (magic numbers that are read raw). */
    CaptureBytes bigEndianInt32(final int value)
    {
        final ByteOrder saved = order;
        order = ByteOrder.BIG_ENDIAN;
        integer(value, 4);
        order = saved;
        return this;
    }

    CaptureBytes bytes(final byte[] data)
    {
        ensure(data.length);
        System.arraycopy(data, 0, bytes, length, data.length);
        length += data.length;
        return this;
    }

    CaptureBytes zeros(final int count)
    {
        ensure(count);
        length += count;
        return this;
    }

    CaptureBytes padTo4()
    {
        return zeros((4 - (length & 3)) & 3);
    }

    byte[] toArray()
    {
        return Arrays.copyOf(bytes, length);
    }

    Path writeTo(final Path file)
    {
        try
        {
            return Files.write(file, toArray());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private CaptureBytes integer(final long value, final int size)
    {
        ensure(size);
        for (int i = 0; i < size; i++)
        {
            final int shift = order == ByteOrder.BIG_ENDIAN ? 8 * (size - 1 - i) : 8 * i;
            bytes[length + i] = (byte)(value >>> shift);
        }
        length += size;
        return this;
    }

    private void ensure(final int more)
    {
        if (length + more > bytes.length)
        {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
