package io.weir.core.capture;

import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Writes pcapng files block by block for tests (draft-ietf-opsawg-pcapng layouts), in the byte
 * order of the current section. Lengths can be given wrong on purpose.
 */
final class PcapngBytes
{
    static final int SECTION_HEADER = 0x0A0D0D0A;
    static final int INTERFACE_DESCRIPTION = 1;
    static final int OBSOLETE_PACKET = 2;
    static final int SIMPLE_PACKET = 3;
    static final int NAME_RESOLUTION = 4;
    static final int INTERFACE_STATISTICS = 5;
    static final int ENHANCED_PACKET = 6;
    static final int CUSTOM = 0x00000BAD;
    static final int CUSTOM_DO_NOT_COPY = 0x40000BAD;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;

    static final int OPTION_END = 0;
    static final int OPTION_COMMENT = 1;
    static final int OPTION_IF_NAME = 2;
    static final int OPTION_IF_TSRESOL = 9;
    static final int OPTION_IF_TSOFFSET = 14;

    private final CaptureBytes out;

    private PcapngBytes(final ByteOrder order)
    {
        out = new CaptureBytes(order);
    }

    /** A file that starts with a section header block in {@code order}. */
    static PcapngBytes file(final ByteOrder order)
    {
        return new PcapngBytes(order).section(order);
    }

    /** Starts a new section (a section header block) in {@code order}. */
    PcapngBytes section(final ByteOrder order)
    {
        out.order(order);
        final CaptureBytes body = body().int32(BYTE_ORDER_MAGIC).int16(1).int16(0).int64(-1L);
        return block(SECTION_HEADER, body.toArray());
    }

    /** Encodes one option (code, length, value, padding) in the current byte order. */
    byte[] option(final int code, final byte[] value)
    {
        return body().int16(code).int16(value.length).bytes(value).padTo4().toArray();
    }

    byte[] tsresol(final int value)
    {
        return option(OPTION_IF_TSRESOL, new byte[]{(byte)value});
    }

    byte[] tsoffset(final long seconds)
    {
        return option(OPTION_IF_TSOFFSET, body().int64(seconds).toArray());
    }

    /** An interface description block; options, if any, are followed by opt_endofopt. */
    PcapngBytes interfaceDescription(final int linkType, final int snapLength, final byte[]... options)
    {
        final CaptureBytes body = body().int16(linkType).int16(0).int32(snapLength);
        for (final byte[] option : options)
        {
            body.bytes(option);
        }
        if (options.length > 0)
        {
            body.int16(OPTION_END).int16(0);
        }
        return block(INTERFACE_DESCRIPTION, body.toArray());
    }

    PcapngBytes enhancedPacket(final int interfaceId, final long timestamp, final byte[] data)
    {
        return enhancedPacket(interfaceId, timestamp, data.length, data.length, data);
    }

    /** An enhanced packet block with the given header fields; {@code data} is padded to 4 bytes. */
    PcapngBytes enhancedPacket(
        final int interfaceId, final long timestamp, final int capturedLength, final int wireLength,
        final byte[] data, final byte[]... options)
    {
        final CaptureBytes body = body().int32(interfaceId).int32(timestamp >>> 32).int32(timestamp)
            .int32(capturedLength).int32(wireLength).bytes(data).padTo4();
        for (final byte[] option : options)
        {
            body.bytes(option);
        }
        if (options.length > 0)
        {
            body.int16(OPTION_END).int16(0);
        }
        return block(ENHANCED_PACKET, body.toArray());
    }

    /** The obsolete packet block (type 2): 16-bit interface id and drops count. */
    PcapngBytes obsoletePacket(
        final int interfaceId, final int drops, final long timestamp, final int capturedLength,
        final int wireLength, final byte[] data)
    {
        final CaptureBytes body = body().int16(interfaceId).int16(drops).int32(timestamp >>> 32).int32(timestamp)
            .int32(capturedLength).int32(wireLength).bytes(data).padTo4();
        return block(OBSOLETE_PACKET, body.toArray());
    }

    PcapngBytes simplePacket(final int wireLength, final byte[] data)
    {
        return block(SIMPLE_PACKET, body().int32(wireLength).bytes(data).padTo4().toArray());
    }

    /** A block with a correct length: type, length, body padded to 4 bytes, length. */
    PcapngBytes block(final int type, final byte[] body)
    {
        final int padded = (body.length + 3) & ~3;
        return block(type, 12 + padded, body, 12 + padded);
    }

    /** A block exactly as given: the lengths need not match the body. */
    PcapngBytes block(final int type, final int length, final byte[] body, final int trailingLength)
    {
        out.int32(type).int32(length).bytes(body).padTo4().int32(trailingLength);
        return this;
    }

    /** Raw bytes, for truncated blocks. */
    PcapngBytes bytes(final byte[] data)
    {
        out.bytes(data);
        return this;
    }

    /** A body writer in the current section's byte order. */
    CaptureBytes body()
    {
        return new CaptureBytes(out.order());
    }

    /** Offset the next block will start at. */
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
