package io.weir.core.decode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Capture files for tests: a pcap and pcapng reader that does not depend on weir's capture readers, a writer
 * for handing crafted frames to tshark, and the repository's bundled captures.
 */
final class PcapFiles
{
    private static final int MAGIC_MICROS = 0xA1B2C3D4;
    private static final int MAGIC_NANOS = 0xA1B23C4D;
    private static final int PCAPNG_SECTION_HEADER = 0x0A0D0D0A;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int PCAPNG_INTERFACE = 1;
    private static final int PCAPNG_SIMPLE_PACKET = 3;
    private static final int PCAPNG_ENHANCED_PACKET = 6;

    /** One record: the captured bytes, the length on the wire and the file's link type. */
    record Packet(int number, int linkType, byte[] bytes, int wireLength)
    {
    }

    private PcapFiles()
    {
    }

    static List<Packet> read(final Path file)
    {
        final ByteBuffer in;
        try
        {
            in = ByteBuffer.wrap(Files.readAllBytes(file));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        if (in.order(ByteOrder.BIG_ENDIAN).getInt(0) == PCAPNG_SECTION_HEADER)
        {
            return readPcapng(file, in);
        }
        final int magic = in.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != MAGIC_MICROS && magic != MAGIC_NANOS)
        {
            in.order(ByteOrder.BIG_ENDIAN);
            final int bigMagic = in.getInt(0);
            if (bigMagic != MAGIC_MICROS && bigMagic != MAGIC_NANOS)
            {
                throw new IllegalArgumentException(file + " is neither pcap nor pcapng");
            }
        }
        final int linkType = in.getInt(20) & 0x0FFF_FFFF;
        final List<Packet> packets = new ArrayList<>();
        int position = 24;
        while (position + 16 <= in.limit())
        {
            final int capturedLength = in.getInt(position + 8);
            final int wireLength = in.getInt(position + 12);
            packets.add(new Packet(packets.size() + 1, linkType, slice(file, in, position + 16, capturedLength),
                wireLength));
            position += 16 + capturedLength;
        }
        return packets;
    }

    /** Section header, interface description, enhanced and simple packet blocks; other blocks are passed over. */
    private static List<Packet> readPcapng(final Path file, final ByteBuffer in)
    {
        final List<Packet> packets = new ArrayList<>();
        final List<int[]> interfaces = new ArrayList<>();
        int position = 0;
        while (position + 12 <= in.limit())
        {
            if (in.duplicate().order(ByteOrder.BIG_ENDIAN).getInt(position) == PCAPNG_SECTION_HEADER)
            {
                in.order(ByteOrder.BIG_ENDIAN);
                in.order(in.getInt(position + 8) == BYTE_ORDER_MAGIC ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                interfaces.clear();
            }
            final int blockType = in.getInt(position);
            final int blockLength = in.getInt(position + 4);
            if (blockLength < 12 || position + blockLength > in.limit())
            {
                throw new IllegalArgumentException(file + ": bad block at " + position);
            }
            if (blockType == PCAPNG_INTERFACE)
            {
                interfaces.add(new int[] {in.getShort(position + 8) & 0xFFFF, in.getInt(position + 12)});
            }
            else if (blockType == PCAPNG_ENHANCED_PACKET)
            {
                final int linkType = interfaces.get(in.getInt(position + 8))[0];
                final int capturedLength = in.getInt(position + 20);
                final int wireLength = in.getInt(position + 24);
                packets.add(new Packet(packets.size() + 1, linkType, slice(file, in, position + 28, capturedLength),
                    wireLength));
            }
            else if (blockType == PCAPNG_SIMPLE_PACKET)
            {
                final int[] firstInterface = interfaces.get(0);
                final int wireLength = in.getInt(position + 8);
                final int snapLength = firstInterface[1] == 0 ? Integer.MAX_VALUE : firstInterface[1];
                packets.add(new Packet(packets.size() + 1, firstInterface[0],
                    slice(file, in, position + 12, Math.min(wireLength, snapLength)), wireLength));
            }
            position += blockLength;
        }
        return packets;
    }

    private static byte[] slice(final Path file, final ByteBuffer in, final int start, final int length)
    {
        if (length < 0 || start + length > in.limit())
        {
            throw new IllegalArgumentException(file + ": record at " + start + " runs past the end");
        }
        return Arrays.copyOfRange(in.array(), start, start + length);
    }

    static void write(final Path file, final int linkType, final List<byte[]> frames)
    {
        int size = 24;
        for (final byte[] frame : frames)
        {
            size += 16 + frame.length;
        }
        final ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MAGIC_MICROS).putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(262_144).putInt(linkType);
        int second = 1_700_000_000;
        for (final byte[] frame : frames)
        {
            out.putInt(second++).putInt(0).putInt(frame.length).putInt(frame.length).put(frame);
        }
        try
        {
            Files.write(file, out.array());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** The repository's pcaps/ folder, found from the module's working directory. */
    static Path bundledDirectory()
    {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null)
        {
            final Path candidate = directory.resolve("pcaps");
            if (Files.isDirectory(candidate))
            {
                return candidate;
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException("no pcaps/ folder above " + Path.of("").toAbsolutePath());
    }

    static List<Path> bundledCaptures()
    {
        try (Stream<Path> files = Files.list(bundledDirectory()))
        {
            final List<Path> captures = files.filter(file -> file.toString().endsWith(".pcap")).sorted().toList();
            if (captures.isEmpty())
            {
                throw new IllegalStateException("no captures in " + bundledDirectory());
            }
            return captures;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
