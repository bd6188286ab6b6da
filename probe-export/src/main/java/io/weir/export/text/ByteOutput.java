package io.weir.export.text;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A growable byte buffer in front of an output stream, for writing text without building
 * Strings: values are appended as ASCII/UTF-8 bytes and the buffer goes out in large writes.
 * Not thread safe: owned by the exporter thread.
 */
public final class ByteOutput
{
    private static final int FLUSH_THRESHOLD = 64 * 1024;

    private final OutputStream out;
    private byte[] buffer = new byte[FLUSH_THRESHOLD * 2];
    private int position;

    public ByteOutput(final OutputStream out)
    {
        this.out = out;
    }

    void ensure(final int bytes)
    {
        if (position + bytes > buffer.length)
        {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + bytes));
        }
    }

    public ByteOutput put(final byte b)
    {
        ensure(1);
        buffer[position++] = b;
        return this;
    }

    public ByteOutput put(final char c)
    {
        return put((byte)c);
    }

    public ByteOutput put(final byte[] bytes)
    {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
        return this;
    }

    /** Appends an ASCII string (callers pass only ASCII). */
    public ByteOutput ascii(final String text)
    {
        final int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++)
        {
            buffer[position++] = (byte)text.charAt(i);
        }
        return this;
    }

    public ByteOutput spaces(final int count)
    {
        ensure(Math.max(0, count));
        for (int i = 0; i < count; i++)
        {
            buffer[position++] = ' ';
        }
        return this;
    }

    int position()
    {
        return position;
    }

    byte[] array()
    {
        return buffer;
    }

    void advance(final int bytes)
    {
        position += bytes;
    }

    /** Inserts spaces at {@code from} so that the text written since then is right-aligned in {@code width}. */
    void alignRight(final int from, final int width)
    {
        final int written = position - from;
        if (written >= width)
        {
            return;
        }
        final int pad = width - written;
        ensure(pad);
        System.arraycopy(buffer, from, buffer, from + pad, written);
        java.util.Arrays.fill(buffer, from, from + pad, (byte)' ');
        position += pad;
    }

    /** Pads with spaces so that the text written since {@code from} is at least {@code width} long. */
    void alignLeft(final int from, final int width)
    {
        spaces(width - (position - from));
    }

    /** Writes the buffer out once it is large; called between records. */
    public void flushIfFull() throws IOException
    {
        if (position >= FLUSH_THRESHOLD)
        {
            flush();
        }
    }

    public void flush() throws IOException
    {
        if (position > 0)
        {
            out.write(buffer, 0, position);
            position = 0;
        }
        out.flush();
    }

    public void close() throws IOException
    {
        try
        {
            flush();
        }
        finally
        {
            out.close();
        }
    }
}
