package io.weir.core.capture;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;

/**
 * Reads one capture file (classic pcap or pcapng) from a memory-mapped window, packet by packet,
 * without copying. Bad data never throws: it is reported to {@link CaptureProblems} with the
 * file and byte offset, what was good is delivered, and reading stops where the file stops
 * making sense. Not thread safe: owned by the capture worker.
 */
public abstract class CaptureFileReader implements AutoCloseable
{
    /** Largest captured length weir accepts in a record (libpcap's maximum snapshot length). */
    public static final int MAX_CAPTURE_LENGTH = 262_144;
    /** Printed warnings per file; further ones are only counted. */
    static final int WARNINGS_SHOWN_PER_FILE = 5;

    static final int PCAP_MAGIC_MICROS = 0xA1B2C3D4;
    static final int PCAP_MAGIC_NANOS = 0xA1B23C4D;
    static final int PCAPNG_SECTION_HEADER = 0x0A0D0D0A;

    protected final Path file;
    protected final MappedFileWindow window;
    protected final CaptureProblems problems;
    protected long position;
    private boolean finished;
    private int warnings;
    private long recordsLost;

    protected CaptureFileReader(final Path file, final MappedFileWindow window, final CaptureProblems problems)
    {
        this.file = file;
        this.window = window;
        this.problems = problems;
    }

    /**
     * Opens a capture file, recognising its format from the first bytes.
     *
     * @return the reader, or {@code null} after reporting the file as unusable
     */
    public static CaptureFileReader open(final Path file, final CaptureProblems problems)
    {
        return open(file, problems, MappedFileWindow.DEFAULT_WINDOW_BYTES);
    }

    static CaptureFileReader open(final Path file, final CaptureProblems problems, final long windowBytes)
    {
        if (Files.isDirectory(file))
        {
            problems.unusable(file, "is a directory, not a capture file");
            return null;
        }
        if (Files.exists(file) && !Files.isRegularFile(file))
        {
            // Opening a pipe would wait for a writer, and none of these can be memory-mapped.
            problems.unusable(file, "not a regular file (a pipe, socket or device)");
            return null;
        }
        final MappedFileWindow window;
        try
        {
            window = new MappedFileWindow(file, windowBytes);
        }
        catch (final NoSuchFileException ex)
        {
            problems.unusable(file, "no such file");
            return null;
        }
        catch (final AccessDeniedException ex)
        {
            problems.unusable(file, "permission denied");
            return null;
        }
        catch (final IOException ex)
        {
            problems.unusable(file, "cannot open: " + ex.getMessage());
            return null;
        }

        try
        {
            final CaptureFileReader reader = recognise(file, window, problems);
            if (reader == null)
            {
                window.close();
            }
            return reader;
        }
        catch (final IOException ex)
        {
            window.close();
            problems.unusable(file, "cannot read: " + ex.getMessage());
            return null;
        }
    }

    private static CaptureFileReader recognise(
        final Path file, final MappedFileWindow window, final CaptureProblems problems) throws IOException
    {
        final long size = window.fileSize();
        if (size == 0)
        {
            problems.unusable(file, "empty file (0 bytes), not a pcap or pcapng capture");
            return null;
        }
        if (size < 4)
        {
            problems.unusable(file, "file too short (" + size + " bytes) to be a pcap or pcapng capture");
            return null;
        }
        final int offset = window.map(0, 4);
        final int magicBigEndian = window.buffer().getInt(offset, ByteOrder.BIG_ENDIAN);
        final int magicLittleEndian = Integer.reverseBytes(magicBigEndian);
        if (magicBigEndian == PCAPNG_SECTION_HEADER)
        {
            return PcapngFileReader.open(file, window, problems);
        }
        if (magicBigEndian == PCAP_MAGIC_MICROS || magicBigEndian == PCAP_MAGIC_NANOS)
        {
            return PcapFileReader.open(file, window, problems, ByteOrder.BIG_ENDIAN, magicBigEndian == PCAP_MAGIC_NANOS);
        }
        if (magicLittleEndian == PCAP_MAGIC_MICROS || magicLittleEndian == PCAP_MAGIC_NANOS)
        {
            return PcapFileReader.open(
                file, window, problems, ByteOrder.LITTLE_ENDIAN, magicLittleEndian == PCAP_MAGIC_NANOS);
        }
        problems.unusable(file, String.format(
            "not a pcap or pcapng capture (magic 0x%08x at offset 0)", magicBigEndian));
        return null;
    }

    /**
     * Delivers up to {@code maxPackets} packets.
     *
     * @return packets delivered, or {@link PacketSource#END_OF_INPUT} once the file is done
     */
    public final int read(final PacketHandler handler, final int maxPackets)
    {
        if (finished)
        {
            return PacketSource.END_OF_INPUT;
        }
        try
        {
            final int delivered = readRecords(handler, maxPackets);
            if (delivered < 0)
            {
                finished = true;
            }
            return delivered;
        }
        catch (final IOException ex)
        {
            warn(position, "read error, the rest of the file is skipped: " + ex.getMessage());
            finished = true;
            return PacketSource.END_OF_INPUT;
        }
    }

    /**
     * Reads records from {@link #position}; returns -1 at the end of usable data, or calls
     * {@link #stop(int)} when the data stops making sense.
     */
    protected abstract int readRecords(PacketHandler handler, int maxPackets) throws IOException;

    /**
     * Ends the file after a problem that was just reported: the packets of this batch are still
     * handed out, and the next {@link #read} says end of input instead of meeting (and reporting)
     * the same problem again.
     */
    protected final int stop(final int delivered)
    {
        finished = true;
        return delivered > 0 ? delivered : PacketSource.END_OF_INPUT;
    }

    protected final void warn(final long offset, final String message)
    {
        if (++warnings <= WARNINGS_SHOWN_PER_FILE)
        {
            problems.warning(file, offset, message);
        }
        else if (warnings == WARNINGS_SHOWN_PER_FILE + 1)
        {
            problems.warning(file, offset, "further warnings for this file are counted, not shown");
        }
    }

    /** Counts a record that could not be delivered as a packet. */
    protected final void recordLost()
    {
        recordsLost++;
    }

    public final long recordsLost()
    {
        return recordsLost;
    }

    public final int warnings()
    {
        return warnings;
    }

    public final long position()
    {
        return position;
    }

    public final long size()
    {
        return window.fileSize();
    }

    public final Path file()
    {
        return file;
    }

    /** "pcap" or "pcapng". */
    public abstract String format();

    @Override
    public final void close()
    {
        window.close();
    }
}
