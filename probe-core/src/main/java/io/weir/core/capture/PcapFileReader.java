package io.weir.core.capture;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Classic libpcap files: microsecond and nanosecond magic, either byte order.
 *
 * <pre>
 * file header (24 bytes)                      record header (16 bytes) + data
 * +--------+-----+-----+--------+--------+     +--------+--------+--------+--------+------...
 * | magic  |major|minor| zone   |sigfigs |     | ts_sec | ts_frac| caplen | wirelen| data
 * +--------+-----+-----+--------+--------+     +--------+--------+--------+--------+------...
 * | snaplen| linktype (low 16 bits)      |
 * +--------+-----------------------------+
 * </pre>
 */
final class PcapFileReader extends CaptureFileReader
{
    static final int FILE_HEADER_LENGTH = 24;
    static final int RECORD_HEADER_LENGTH = 16;

    private final ByteOrder order;
    private final long fractionToNanos;
    private final int snapLength;
    private final int linkType;
    private boolean snapLengthWarned;

    private PcapFileReader(
        final Path file, final MappedFileWindow window, final CaptureProblems problems,
        final ByteOrder order, final boolean nanos, final int snapLength, final int linkType)
    {
        super(file, window, problems);
        this.order = order;
        this.fractionToNanos = nanos ? 1 : 1000;
        this.snapLength = snapLength;
        this.linkType = linkType;
        this.position = FILE_HEADER_LENGTH;
    }

    static PcapFileReader open(
        final Path file, final MappedFileWindow window, final CaptureProblems problems,
        final ByteOrder order, final boolean nanos) throws IOException
    {
        if (window.fileSize() < FILE_HEADER_LENGTH)
        {
            problems.unusable(file, "truncated pcap file header (" + window.fileSize() + " of 24 bytes)");
            return null;
        }
        final int offset = window.map(0, FILE_HEADER_LENGTH);
        final UnsafeBuffer buffer = window.buffer();
        final int major = buffer.getShort(offset + 4, order) & 0xFFFF;
        if (major != 2)
        {
            problems.unusable(file, "unsupported pcap version " + major + "." + (buffer.getShort(offset + 6, order) & 0xFFFF));
            return null;
        }
        final int snapLength = buffer.getInt(offset + 16, order);
        final int linkType = buffer.getInt(offset + 20, order) & 0xFFFF;
        return new PcapFileReader(file, window, problems, order, nanos, snapLength, linkType);
    }

    @Override
    protected int readRecords(final PacketHandler handler, final int maxPackets) throws IOException
    {
        final long fileSize = window.fileSize();
        final UnsafeBuffer buffer = window.buffer();
        int delivered = 0;
        while (delivered < maxPackets)
        {
            final long recordStart = position;
            final long remaining = fileSize - recordStart;
            if (remaining < RECORD_HEADER_LENGTH)
            {
                if (remaining > 0)
                {
                    recordLost();
                    warn(recordStart, "truncated record header (" + remaining + " of 16 bytes) at end of file");
                }
                return stop(delivered);
            }
            if (delivered > 0 && !window.covers(recordStart, RECORD_HEADER_LENGTH))
            {
                return delivered;
            }
            int offset = window.map(recordStart, RECORD_HEADER_LENGTH);
            final long seconds = buffer.getInt(offset, order) & 0xFFFF_FFFFL;
            final long fraction = buffer.getInt(offset + 4, order) & 0xFFFF_FFFFL;
            final int capturedLength = buffer.getInt(offset + 8, order);
            final int wireLength = buffer.getInt(offset + 12, order);

            if (capturedLength < 0 || capturedLength > MAX_CAPTURE_LENGTH)
            {
                recordLost();
                warn(recordStart, "record caplen " + Integer.toUnsignedString(capturedLength) + " is larger than "
                    + MAX_CAPTURE_LENGTH + ": the file is corrupt from here, the rest is skipped");
                return stop(delivered);
            }
            if (capturedLength > remaining - RECORD_HEADER_LENGTH)
            {
                recordLost();
                warn(recordStart, "truncated record: caplen " + capturedLength + " but only "
                    + (remaining - RECORD_HEADER_LENGTH) + " bytes left in the file");
                return stop(delivered);
            }
            if (snapLength > 0 && capturedLength > snapLength && !snapLengthWarned)
            {
                snapLengthWarned = true;
                warn(recordStart, "record caplen " + capturedLength + " exceeds the snap length "
                    + snapLength + " in the file header; records like it are read in full");
            }

            if (delivered > 0 && !window.covers(recordStart, RECORD_HEADER_LENGTH + capturedLength))
            {
                return delivered;
            }
            offset = window.map(recordStart, RECORD_HEADER_LENGTH + capturedLength);
            position = recordStart + RECORD_HEADER_LENGTH + capturedLength;
            handler.onPacket(buffer, offset + RECORD_HEADER_LENGTH, capturedLength,
                Math.max(wireLength, capturedLength), seconds * 1_000_000_000L + fraction * fractionToNanos,
                linkType, 0);
            delivered++;
        }
        return delivered;
    }

    @Override
    public String format()
    {
        return fractionToNanos == 1 ? "pcap (ns)" : "pcap";
    }

    int linkType()
    {
        return linkType;
    }
}
