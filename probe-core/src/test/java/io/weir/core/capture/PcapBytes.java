package io.weir.core.capture;

import java.nio.ByteOrder;
import java.nio.file.Path;

/** Writes classic libpcap files for tests, header fields exactly as given (also wrong ones). */
final class PcapBytes
{
    static final int MAGIC_MICROSECONDS = 0xA1B2C3D4;
    static final int MAGIC_NANOSECONDS = 0xA1B23C4D;
    static final int FILE_HEADER_BYTES = 24;
    static final int RECORD_HEADER_BYTES = 16;

    private final CaptureBytes out;

    private PcapBytes(final ByteOrder order)
    {
        out = new CaptureBytes(order);
    }

    /** File header with version 2.4. */
    static PcapBytes file(final ByteOrder order, final int magic, final int snapLength, final int linkTypeField)
    {
        return file(order, magic, 2, snapLength, linkTypeField);
    }

    static PcapBytes file(
        final ByteOrder order, final int magic, final int majorVersion, final int snapLength, final int linkTypeField)
    {
        final PcapBytes pcap = new PcapBytes(order);
        pcap.out.int32(magic).int16(majorVersion).int16(4).int32(0).int32(0).int32(snapLength).int32(linkTypeField);
        return pcap;
    }

    /** A record whose caplen and wirelen are the data length. */
    PcapBytes record(final long seconds, final long fraction, final byte[] data)
    {
        return record(seconds, fraction, data.length, data.length, data);
    }

    /** A record header with the given lengths, followed by exactly {@code data} (which may be shorter). */
    PcapBytes record(
        final long seconds, final long fraction, final int capturedLength, final int wireLength, final byte[] data)
    {
        out.int32(seconds).int32(fraction).int32(capturedLength).int32(wireLength).bytes(data);
        return this;
    }

    /** Raw bytes, for truncated records. */
    PcapBytes bytes(final byte[] data)
    {
        out.bytes(data);
        return this;
    }

    /** Offset the next record will start at. */
    long offset()
    {
        return out.length();
    }

    byte[] toArray()
    {
        return out.toArray();
    }

    Path writeTo(final Path file)
    {
        return out.writeTo(file);
    }
}
