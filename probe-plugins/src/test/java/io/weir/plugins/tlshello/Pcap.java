package io.weir.plugins.tlshello;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes classic little/big-endian microsecond pcap files for tests that edit captures. */
public final class Pcap
{
    /** One captured frame. */
    public record Frame(long seconds, long micros, int wireLength, byte[] data)
    {
        public Frame withData(final byte[] newData)
        {
            return new Frame(seconds, micros, wireLength - data.length + newData.length, newData);
        }
    }

    private final int linkType;
    private final List<Frame> frames;

    public Pcap(final int linkType, final List<Frame> frames)
    {
        this.linkType = linkType;
        this.frames = frames;
    }

    public static Pcap read(final Path file) throws IOException
    {
        final ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
        final int magic = in.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic == 0xa1b2c3d4)
        {
            in.order(ByteOrder.LITTLE_ENDIAN);
        }
        else if (Integer.reverseBytes(magic) == 0xa1b2c3d4)
        {
            in.order(ByteOrder.BIG_ENDIAN);
        }
        else
        {
            throw new IOException(file + ": not a microsecond pcap file");
        }
        final int linkType = in.getInt(20);
        in.position(24);
        final List<Frame> frames = new ArrayList<>();
        while (in.remaining() >= 16)
        {
            final long seconds = in.getInt() & 0xFFFFFFFFL;
            final long micros = in.getInt() & 0xFFFFFFFFL;
            final int captured = in.getInt();
            final int wire = in.getInt();
            final byte[] data = new byte[captured];
            in.get(data);
            frames.add(new Frame(seconds, micros, wire, data));
        }
        return new Pcap(linkType, frames);
    }

    public List<Frame> frames()
    {
        return frames;
    }

    public int linkType()
    {
        return linkType;
    }

    public void write(final Path file) throws IOException
    {
        int size = 24;
        for (final Frame frame : frames)
        {
            size += 16 + frame.data().length;
        }
        final ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0xa1b2c3d4).putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(262144).putInt(linkType);
        for (final Frame frame : frames)
        {
            out.putInt((int)frame.seconds()).putInt((int)frame.micros()).putInt(frame.data().length)
                .putInt(Math.max(frame.wireLength(), frame.data().length)).put(frame.data());
        }
        Files.write(file, out.array());
    }

    /** Offset of the TCP/UDP payload in an Ethernet + IPv4/IPv6 frame without extension headers or VLANs. */
    public static int payloadOffset(final byte[] frame)
    {
        final int etherType = ((frame[12] & 0xFF) << 8) | (frame[13] & 0xFF);
        final int l3 = 14;
        final int protocol;
        final int l4;
        if (etherType == 0x0800)
        {
            protocol = frame[l3 + 9] & 0xFF;
            l4 = l3 + (frame[l3] & 0x0F) * 4;
        }
        else if (etherType == 0x86dd)
        {
            protocol = frame[l3 + 6] & 0xFF;
            l4 = l3 + 40;
        }
        else
        {
            throw new IllegalArgumentException("not IPv4/IPv6 over Ethernet: 0x" + Integer.toHexString(etherType));
        }
        if (protocol == 6)
        {
            return l4 + ((frame[l4 + 12] & 0xF0) >>> 4) * 4;
        }
        if (protocol == 17)
        {
            return l4 + 8;
        }
        throw new IllegalArgumentException("not TCP/UDP: " + protocol);
    }

    /** Payload length as the IP header gives it (frames may carry Ethernet padding). */
    public static int payloadLength(final byte[] frame)
    {
        final int etherType = ((frame[12] & 0xFF) << 8) | (frame[13] & 0xFF);
        final int ipEnd = etherType == 0x0800
            ? 14 + (((frame[16] & 0xFF) << 8) | (frame[17] & 0xFF))
            : 14 + 40 + (((frame[18] & 0xFF) << 8) | (frame[19] & 0xFF));
        return Math.min(ipEnd, frame.length) - payloadOffset(frame);
    }
}
