package io.weir.plugins.dnsmessage.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.capture.CaptureFileReader;
import io.weir.core.capture.CaptureProblems;
import io.weir.core.capture.PacketSource;
import io.weir.core.decode.PacketParser;
import io.weir.core.decode.PacketView;
import io.weir.core.testing.TestData;
import org.agrona.concurrent.UnsafeBuffer;

/** The frames of a bundled capture, copied out with weir's own reader, for tests on real bytes. */
public final class CaptureFrames
{
    /** One captured frame: its bytes (a copy), capture time and link type. */
    public record Frame(int number, byte[] bytes, int wireLength, long timestampNs, int linkType)
    {
        /** Parses the frame; fails the test when it is not a flow packet. */
        public PacketView parse()
        {
            return parse(bytes, bytes.length);
        }

        /** Parses the first {@code capturedLength} bytes of {@code frame} as this frame's link type. */
        public PacketView parse(final byte[] frame, final int capturedLength)
        {
            final PacketView view = new PacketView();
            if (!new PacketParser().parse(view, new UnsafeBuffer(frame), 0, capturedLength, wireLength, timestampNs,
                linkType, 0))
            {
                throw new AssertionError("frame " + number + " does not parse: " + view.skipReason());
            }
            return view;
        }

        /** The transport payload as weir's parser sees it. */
        public byte[] payload()
        {
            final PacketView view = parse();
            final byte[] payload = new byte[view.payloadLength()];
            view.buffer().getBytes(view.payloadOffset(), payload);
            return payload;
        }

        /** Offset of the transport payload in {@link #bytes()}. */
        public int payloadOffset()
        {
            return parse().payloadOffset();
        }
    }

    private CaptureFrames()
    {
    }

    public static List<Frame> read(final String capture)
    {
        return read(TestData.capture(capture));
    }

    public static List<Frame> read(final Path file)
    {
        final List<String> problems = new ArrayList<>();
        final CaptureProblems report = new CaptureProblems()
        {
            @Override
            public void warning(final Path path, final long offset, final String message)
            {
                problems.add(offset + ": " + message);
            }

            @Override
            public void unusable(final Path path, final String message)
            {
                problems.add(message);
            }
        };
        final List<Frame> frames = new ArrayList<>();
        try (CaptureFileReader reader = CaptureFileReader.open(file, report))
        {
            if (reader == null)
            {
                throw new AssertionError(file + ": " + problems);
            }
            while (reader.read((buffer, offset, capturedLength, wireLength, timestampNs, linkType, interfaceId) ->
            {
                final byte[] bytes = new byte[capturedLength];
                buffer.getBytes(offset, bytes);
                frames.add(new Frame(frames.size() + 1, bytes, wireLength, timestampNs, linkType));
            }, 64) != PacketSource.END_OF_INPUT)
            {
                if (frames.size() > 1_000_000)
                {
                    throw new AssertionError("reader never ends");
                }
            }
        }
        if (!problems.isEmpty())
        {
            throw new AssertionError(file + ": " + problems);
        }
        return frames;
    }

    /** Frame {@code number} (1-based, as tshark numbers them). */
    public static Frame frame(final String capture, final int number)
    {
        return read(capture).get(number - 1);
    }
}
