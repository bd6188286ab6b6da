package io.weir.core.capture;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * pcapng files: sections of either byte order, any number of interfaces with their own link
 * type and timestamp resolution, Enhanced, Simple and (obsolete) Packet Blocks. Other blocks
 * (name resolution, statistics, custom, unknown) are skipped by their length.
 *
 * <pre>
 * every block                                 Enhanced Packet Block body
 * +--------+--------+--------...+--------+    +--------+--------+--------+--------+--------+----...
 * | type   | length | body      | length |    | if id  | ts high| ts low | caplen | wirelen| data, pad, options
 * +--------+--------+--------...+--------+    +--------+--------+--------+--------+--------+----...
 * </pre>
 */
final class PcapngFileReader extends CaptureFileReader
{
    static final int SECTION_HEADER_BLOCK = 0x0A0D0D0A;
    static final int INTERFACE_DESCRIPTION_BLOCK = 1;
    static final int PACKET_BLOCK = 2;
    static final int SIMPLE_PACKET_BLOCK = 3;
    static final int ENHANCED_PACKET_BLOCK = 6;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int MIN_BLOCK_LENGTH = 12;
    static final int MAX_BLOCK_LENGTH = 64 * 1024 * 1024;

    private static final int OPTION_END = 0;
    private static final int OPTION_IF_TSRESOL = 9;
    private static final int OPTION_IF_TSOFFSET = 14;
    private static final int DEFAULT_TSRESOL = 6;

    private final List<PcapngInterface> interfaces = new ArrayList<>();
    private ByteOrder order = ByteOrder.BIG_ENDIAN;
    private boolean snapLengthWarned;

    private PcapngFileReader(final Path file, final MappedFileWindow window, final CaptureProblems problems)
    {
        super(file, window, problems);
    }

    static PcapngFileReader open(final Path file, final MappedFileWindow window, final CaptureProblems problems)
        throws IOException
    {
        if (window.fileSize() < 28)
        {
            problems.unusable(file, "truncated pcapng section header (" + window.fileSize() + " bytes)");
            return null;
        }
        final int offset = window.map(0, 12);
        final int magic = window.buffer().getInt(offset + 8, ByteOrder.BIG_ENDIAN);
        if (magic != BYTE_ORDER_MAGIC && Integer.reverseBytes(magic) != BYTE_ORDER_MAGIC)
        {
            problems.unusable(file, String.format("bad pcapng byte-order magic 0x%08x at offset 8", magic));
            return null;
        }
        return new PcapngFileReader(file, window, problems);
    }

    @Override
    protected int readRecords(final PacketHandler handler, final int maxPackets) throws IOException
    {
        final long fileSize = window.fileSize();
        final UnsafeBuffer buffer = window.buffer();
        int delivered = 0;
        while (delivered < maxPackets)
        {
            final long blockStart = position;
            final long remaining = fileSize - blockStart;
            if (remaining < MIN_BLOCK_LENGTH)
            {
                if (remaining > 0)
                {
                    recordLost();
                    warn(blockStart, "truncated block header (" + remaining + " bytes) at end of file");
                }
                return stop(delivered);
            }
            if (delivered > 0 && !window.covers(blockStart, MIN_BLOCK_LENGTH))
            {
                return delivered;
            }
            int offset = window.map(blockStart, MIN_BLOCK_LENGTH);
            final int type = buffer.getInt(offset, order);
            if (type == SECTION_HEADER_BLOCK || Integer.reverseBytes(type) == SECTION_HEADER_BLOCK)
            {
                final int magic = buffer.getInt(offset + 8, ByteOrder.BIG_ENDIAN);
                if (magic == BYTE_ORDER_MAGIC)
                {
                    order = ByteOrder.BIG_ENDIAN;
                }
                else if (Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC)
                {
                    order = ByteOrder.LITTLE_ENDIAN;
                }
                else
                {
                    warn(blockStart, String.format(
                        "section header with bad byte-order magic 0x%08x: the rest of the file is skipped", magic));
                    return stop(delivered);
                }
            }
            final long blockLength = buffer.getInt(offset + 4, order) & 0xFFFF_FFFFL;
            if (blockLength < MIN_BLOCK_LENGTH || (blockLength & 3) != 0 || blockLength > MAX_BLOCK_LENGTH)
            {
                recordLost();
                warn(blockStart, "block length " + blockLength + " is invalid: the rest of the file is skipped");
                return stop(delivered);
            }
            if (blockLength > remaining)
            {
                recordLost();
                warn(blockStart, "truncated block: length " + blockLength + " but only " + remaining
                    + " bytes left in the file");
                return stop(delivered);
            }
            if (delivered > 0 && !window.covers(blockStart, (int)blockLength))
            {
                return delivered;
            }
            offset = window.map(blockStart, (int)blockLength);
            final long trailingLength = buffer.getInt(offset + (int)blockLength - 4, order) & 0xFFFF_FFFFL;
            if (trailingLength != blockLength)
            {
                recordLost();
                warn(blockStart, "block length " + blockLength + " does not match its trailing length "
                    + trailingLength + ": the rest of the file is skipped");
                return stop(delivered);
            }
            position = blockStart + blockLength;
            final int bodyOffset = offset + 8;
            final int bodyLength = (int)blockLength - MIN_BLOCK_LENGTH;
            switch (type == SECTION_HEADER_BLOCK || Integer.reverseBytes(type) == SECTION_HEADER_BLOCK
                ? SECTION_HEADER_BLOCK : type)
            {
                case SECTION_HEADER_BLOCK:
                    onSectionHeader(buffer, bodyOffset, bodyLength, blockStart);
                    break;
                case INTERFACE_DESCRIPTION_BLOCK:
                    onInterfaceDescription(buffer, bodyOffset, bodyLength, blockStart);
                    break;
                case ENHANCED_PACKET_BLOCK:
                    delivered += onEnhancedPacket(handler, buffer, bodyOffset, bodyLength, blockStart);
                    break;
                case PACKET_BLOCK:
                    delivered += onObsoletePacket(handler, buffer, bodyOffset, bodyLength, blockStart);
                    break;
                case SIMPLE_PACKET_BLOCK:
                    delivered += onSimplePacket(handler, buffer, bodyOffset, bodyLength, blockStart);
                    break;
                default:
                    break;
            }
        }
        return delivered;
    }

    private void onSectionHeader(final UnsafeBuffer buffer, final int body, final int bodyLength, final long blockStart)
    {
        interfaces.clear();
        if (bodyLength < 16)
        {
            warn(blockStart, "section header block too short (" + bodyLength + " byte body)");
            return;
        }
        final int major = buffer.getShort(body + 4, order) & 0xFFFF;
        if (major != 1)
        {
            warn(blockStart, "pcapng section version " + major + " is not 1; reading it as version 1");
        }
    }

    private void onInterfaceDescription(
        final UnsafeBuffer buffer, final int body, final int bodyLength, final long blockStart)
    {
        if (bodyLength < 8)
        {
            warn(blockStart, "interface description block too short (" + bodyLength + " byte body)");
            interfaces.add(new PcapngInterface(-1, 0, DEFAULT_TSRESOL, 0));
            return;
        }
        final int linkType = buffer.getShort(body, order) & 0xFFFF;
        final int snapLength = buffer.getInt(body + 4, order);
        int tsresol = DEFAULT_TSRESOL;
        long tsoffset = 0;
        int option = body + 8;
        final int end = body + bodyLength;
        while (option + 4 <= end)
        {
            final int code = buffer.getShort(option, order) & 0xFFFF;
            final int length = buffer.getShort(option + 2, order) & 0xFFFF;
            if (code == OPTION_END || option + 4 + length > end)
            {
                break;
            }
            if (code == OPTION_IF_TSRESOL && length >= 1)
            {
                tsresol = buffer.getByte(option + 4) & 0xFF;
            }
            else if (code == OPTION_IF_TSOFFSET && length >= 8)
            {
                tsoffset = buffer.getLong(option + 4, order);
            }
            option += 4 + ((length + 3) & ~3);
        }
        interfaces.add(new PcapngInterface(linkType, snapLength, tsresol, tsoffset));
    }

    private int onEnhancedPacket(
        final PacketHandler handler, final UnsafeBuffer buffer, final int body, final int bodyLength,
        final long blockStart)
    {
        if (bodyLength < 20)
        {
            return lost(blockStart, "enhanced packet block too short (" + bodyLength + " byte body)");
        }
        final int interfaceId = buffer.getInt(body, order);
        final long timestamp = ((buffer.getInt(body + 4, order) & 0xFFFF_FFFFL) << 32)
            | (buffer.getInt(body + 8, order) & 0xFFFF_FFFFL);
        final int capturedLength = buffer.getInt(body + 12, order);
        final int wireLength = buffer.getInt(body + 16, order);
        return deliver(handler, buffer, body + 20, bodyLength - 20, interfaceId, timestamp,
            capturedLength, wireLength, blockStart);
    }

    private int onObsoletePacket(
        final PacketHandler handler, final UnsafeBuffer buffer, final int body, final int bodyLength,
        final long blockStart)
    {
        if (bodyLength < 20)
        {
            return lost(blockStart, "packet block too short (" + bodyLength + " byte body)");
        }
        final int interfaceId = buffer.getShort(body, order) & 0xFFFF;
        final long timestamp = ((buffer.getInt(body + 4, order) & 0xFFFF_FFFFL) << 32)
            | (buffer.getInt(body + 8, order) & 0xFFFF_FFFFL);
        final int capturedLength = buffer.getInt(body + 12, order);
        final int wireLength = buffer.getInt(body + 16, order);
        return deliver(handler, buffer, body + 20, bodyLength - 20, interfaceId, timestamp,
            capturedLength, wireLength, blockStart);
    }

    private int onSimplePacket(
        final PacketHandler handler, final UnsafeBuffer buffer, final int body, final int bodyLength,
        final long blockStart)
    {
        if (bodyLength < 4)
        {
            return lost(blockStart, "simple packet block too short (" + bodyLength + " byte body)");
        }
        if (interfaces.isEmpty())
        {
            return lost(blockStart, "simple packet block before any interface description block");
        }
        final PcapngInterface ifc = interfaces.get(0);
        final int wireLength = buffer.getInt(body, order);
        int capturedLength = Math.min(bodyLength - 4, wireLength < 0 ? Integer.MAX_VALUE : wireLength);
        if (ifc.snapLength > 0)
        {
            capturedLength = Math.min(capturedLength, ifc.snapLength);
        }
        // A simple packet block carries no timestamp.
        handler.onPacket(buffer, body + 4, capturedLength, Math.max(wireLength, capturedLength), 0L, ifc.linkType, 0);
        return 1;
    }

    private int deliver(
        final PacketHandler handler, final UnsafeBuffer buffer, final int data, final int space,
        final int interfaceId, final long timestamp, final int capturedLength, final int wireLength,
        final long blockStart)
    {
        if (interfaceId < 0 || interfaceId >= interfaces.size())
        {
            return lost(blockStart, "packet for interface " + Integer.toUnsignedString(interfaceId)
                + " but only " + interfaces.size() + " interface(s) described");
        }
        if (capturedLength < 0 || capturedLength > space)
        {
            return lost(blockStart, "packet caplen " + Integer.toUnsignedString(capturedLength)
                + " exceeds its block (" + space + " bytes)");
        }
        final PcapngInterface ifc = interfaces.get(interfaceId);
        if (ifc.snapLength > 0 && capturedLength > ifc.snapLength && !snapLengthWarned)
        {
            snapLengthWarned = true;
            warn(blockStart, "packet caplen " + capturedLength + " exceeds the interface snap length "
                + ifc.snapLength + "; packets like it are read in full");
        }
        handler.onPacket(buffer, data, capturedLength, Math.max(wireLength, capturedLength),
            ifc.toNanos(timestamp), ifc.linkType, interfaceId);
        return 1;
    }

    private int lost(final long blockStart, final String message)
    {
        recordLost();
        warn(blockStart, message + "; block skipped");
        return 0;
    }

    @Override
    public String format()
    {
        return "pcapng";
    }
}
