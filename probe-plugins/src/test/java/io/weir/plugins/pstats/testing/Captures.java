package io.weir.plugins.pstats.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.capture.CaptureFileSequence;
import io.weir.core.capture.CaptureProblems;

/** Reads the frames of a capture file (pcap or pcapng) and writes frames as a nanosecond pcap. */
public final class Captures
{
    /** One captured frame. */
    public record Frame(byte[] bytes, int wireLength, long timestampNs, int linkType)
    {
        public Frame withBytes(final byte[] changed)
        {
            return new Frame(changed, Math.max(wireLength, changed.length), timestampNs, linkType);
        }

        public Frame at(final long timeNs)
        {
            return new Frame(bytes, wireLength, timeNs, linkType);
        }
    }

    private Captures()
    {
    }

    public static List<Frame> read(final Path file)
    {
        final List<String> problems = new ArrayList<>();
        final CaptureProblems report = new CaptureProblems()
        {
            @Override
            public void warning(final Path path, final long offset, final String message)
            {
                problems.add(message);
            }

            @Override
            public void unusable(final Path path, final String message)
            {
                problems.add(message);
            }
        };
        final List<Frame> frames = new ArrayList<>();
        try (CaptureFileSequence source = new CaptureFileSequence(List.of(file), report))
        {
            while (source.poll((buffer, offset, captured, wire, timeNs, linkType, interfaceId) ->
            {
                final byte[] bytes = new byte[captured];
                buffer.getBytes(offset, bytes);
                frames.add(new Frame(bytes, wire, timeNs, linkType));
            }, 64) > 0)
            {
                // read until the source is drained
            }
        }
        if (!problems.isEmpty())
        {
            throw new AssertionError(file + ": " + problems);
        }
        return frames;
    }

    /** Writes the frames (all of the first frame's link type) as a pcap with nanosecond times. */
    public static Path write(final List<Frame> frames) throws IOException
    {
        final int linkType = frames.isEmpty() ? 1 : frames.get(0).linkType();
        int size = 24;
        for (final Frame frame : frames)
        {
            size += 16 + frame.bytes().length;
        }
        final ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0xA1B23C4D).putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(262144).putInt(linkType);
        for (final Frame frame : frames)
        {
            out.putInt((int)Math.floorDiv(frame.timestampNs(), 1_000_000_000L));
            out.putInt((int)Math.floorMod(frame.timestampNs(), 1_000_000_000L));
            out.putInt(frame.bytes().length).putInt(Math.max(frame.wireLength(), frame.bytes().length));
            out.put(frame.bytes());
        }
        final Path file = Files.createTempFile("weir-test", ".pcap");
        file.toFile().deleteOnExit();
        Files.write(file, out.array());
        return file;
    }
}
