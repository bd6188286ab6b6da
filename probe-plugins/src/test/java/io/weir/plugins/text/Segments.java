package io.weir.plugins.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** TCP segments made from a real frame's headers: one direction of a stream, with sequence numbers. */
public final class Segments
{
    private final Frame template;
    private int sequence;

    public Segments(final Frame template)
    {
        this.template = template;
        this.sequence = template.tcpSequence();
    }

    /** The next segment carrying {@code payload}. */
    public byte[] next(final byte[] payload)
    {
        final byte[] frame = new Frame(template.withPayload(payload)).withSequence(sequence);
        sequence += payload.length;
        return frame;
    }

    /** A segment at an explicit sequence number (for retransmissions and gaps); does not move the stream. */
    public byte[] at(final int sequenceNumber, final byte[] payload)
    {
        return new Frame(template.withPayload(payload)).withSequence(sequenceNumber);
    }

    public int sequence()
    {
        return sequence;
    }

    /** The payload cut at the given positions. */
    public static List<byte[]> split(final byte[] payload, final int... at)
    {
        final List<byte[]> parts = new ArrayList<>();
        int from = 0;
        for (final int position : at)
        {
            parts.add(Arrays.copyOfRange(payload, from, position));
            from = position;
        }
        parts.add(Arrays.copyOfRange(payload, from, payload.length));
        return parts;
    }
}
