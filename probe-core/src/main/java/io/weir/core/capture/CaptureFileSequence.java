package io.weir.core.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Several capture files read in order as one packet stream. A file that cannot be used is
 * reported and skipped; the others are still read. Not thread safe: owned by the capture worker.
 */
public final class CaptureFileSequence implements PacketSource
{
    private final List<Path> files;
    private final CaptureProblems problems;
    /** Sizes taken once, so that the bytes counted as done add up to exactly the total. */
    private final long[] sizes;
    private final long totalBytes;
    private CaptureFileReader current;
    private long currentSize;
    private int nextFile;
    private long bytesDone;
    private int filesRead;
    private int filesUnusable;
    private long recordsLost;

    public CaptureFileSequence(final List<Path> files, final CaptureProblems problems)
    {
        this.files = List.copyOf(files);
        this.problems = problems;
        this.sizes = new long[this.files.size()];
        long total = 0;
        for (int i = 0; i < sizes.length; i++)
        {
            sizes[i] = sizeForProgress(this.files.get(i));
            total += sizes[i];
        }
        this.totalBytes = total;
    }

    /** Size used only for the progress figure; a file that cannot be sized is reported when it is opened. */
    private static long sizeForProgress(final Path file)
    {
        try
        {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        }
        catch (final IOException ex)
        {
            return 0;
        }
    }

    @Override
    public int poll(final PacketHandler handler, final int maxPackets)
    {
        while (true)
        {
            if (current == null && !openNext())
            {
                return END_OF_INPUT;
            }
            final int delivered = current.read(handler, maxPackets);
            if (delivered != END_OF_INPUT)
            {
                return delivered;
            }
            finishCurrent();
        }
    }

    private boolean openNext()
    {
        while (nextFile < files.size())
        {
            final int index = nextFile++;
            current = CaptureFileReader.open(files.get(index), problems);
            if (current != null)
            {
                currentSize = sizes[index];
                return true;
            }
            bytesDone += sizes[index];
            filesUnusable++;
        }
        return false;
    }

    private void finishCurrent()
    {
        bytesDone += currentSize;
        recordsLost += current.recordsLost();
        filesRead++;
        current.close();
        current = null;
    }

    @Override
    public double progress()
    {
        final CaptureFileReader reader = current;
        if (reader == null && nextFile >= files.size())
        {
            return 1.0;
        }
        if (totalBytes == 0)
        {
            return 0.0;
        }
        final long done = bytesDone + (reader != null ? Math.min(reader.position(), currentSize) : 0);
        return Math.min(1.0, (double)done / totalBytes);
    }

    @Override
    public String describe()
    {
        return files.size() == 1 ? "file " + files.get(0) : files.size() + " files";
    }

    public int filesRead()
    {
        return filesRead;
    }

    public int filesUnusable()
    {
        return filesUnusable;
    }

    /** Records that were in the files but could not be delivered (truncated, corrupt). */
    public long recordsLost()
    {
        return recordsLost + (current != null ? current.recordsLost() : 0);
    }

    /** Closes the open file; the stream ends here, the files not yet read are not opened. */
    @Override
    public void close()
    {
        if (current != null)
        {
            finishCurrent();
        }
        nextFile = files.size();
    }
}
