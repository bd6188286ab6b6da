package io.weir.core.capture;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Read access to a file of any size through one memory-mapped window at a time.
 * A mapping is limited to 2 GiB, so larger files are walked window by window; a record
 * that straddles the end of a window makes the window move to start at that record.
 * Not thread safe: owned by the capture worker.
 */
final class MappedFileWindow implements AutoCloseable
{
    static final long DEFAULT_WINDOW_BYTES = 32L << 20;
    private static final long PAGE_MASK = ~4095L;

    private final FileChannel channel;
    private final long fileSize;
    private final long windowBytes;
    private final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
    private MappedByteBuffer mapped;
    private long windowStart;
    private long windowEnd;

    MappedFileWindow(final Path file, final long windowBytes) throws IOException
    {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.fileSize = channel.size();
        this.windowBytes = windowBytes;
    }

    long fileSize()
    {
        return fileSize;
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * Makes {@code [position, position + length)} readable in {@link #buffer()}.
     * The caller has checked that the range lies inside the file; a range longer than the window
     * (a large pcapng block) gets a mapping of its own length.
     *
     * @return the offset of {@code position} in the buffer
     */
    int map(final long position, final int length) throws IOException
    {
        if (position < windowStart || position + length > windowEnd)
        {
            remap(position, length);
        }
        return (int)(position - windowStart);
    }

    /** True when {@code [position, position + length)} is readable without moving the window. */
    boolean covers(final long position, final int length)
    {
        return position >= windowStart && position + length <= windowEnd;
    }

    private void remap(final long position, final int length) throws IOException
    {
        unmap();
        final long start = position & PAGE_MASK;
        final long end = Math.min(fileSize, Math.max(start + windowBytes, position + length));
        mapped = channel.map(FileChannel.MapMode.READ_ONLY, start, end - start);
        buffer.wrap(mapped);
        windowStart = start;
        windowEnd = end;
    }

    private void unmap()
    {
        if (mapped != null)
        {
            buffer.wrap(0, 0);
            IoUtil.unmap(mapped);
            mapped = null;
            windowStart = 0;
            windowEnd = 0;
        }
    }

    @Override
    public void close()
    {
        unmap();
        try
        {
            channel.close();
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
