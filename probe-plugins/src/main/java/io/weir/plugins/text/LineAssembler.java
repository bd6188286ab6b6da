package io.weir.plugins.text;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Cuts the segments of a text stream into lines (ended by LF; a CR before it stays in the line).
 * A line that ends inside a segment is handed out straight from the packet's buffer; the
 * unfinished tail of a segment is kept in a carry array and completed by the next segment, so
 * a line split across segments comes out whole. The carry has a fixed capacity: a longer split
 * line comes out cut at it and marked {@link #lineTruncated()}.
 * <pre>
 *  lines.wrap(buffer, offset, length);
 *  while (lines.next()) { use lineBuffer(), lineOffset(), lineLength() }
 * </pre>
 * Not thread safe: owned by the capture worker.
 */
public final class LineAssembler
{
    private final byte[] carry;
    private final UnsafeBuffer carryBuffer;
    private int carryLength;
    private boolean carryTruncated;
    private boolean lineFromCarry;

    private DirectBuffer segment;
    private int position;
    private int end;

    private DirectBuffer lineBuffer;
    private int lineOffset;
    private int lineLength;
    private boolean lineTruncated;

    public LineAssembler(final int carryCapacity)
    {
        this.carry = new byte[carryCapacity];
        this.carryBuffer = new UnsafeBuffer(carry);
    }

    /** Forgets any partial line. */
    public void reset()
    {
        carryLength = 0;
        carryTruncated = false;
        lineFromCarry = false;
        segment = null;
        position = 0;
        end = 0;
    }

    /** Starts on the next segment of the stream. */
    public void wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        segment = buffer;
        position = offset;
        end = offset + Math.max(0, length);
    }

    /**
     * Moves to the next complete line. Returns false when the rest of the segment holds no line
     * end: that rest is carried over to the next segment.
     */
    public boolean next()
    {
        if (lineFromCarry)
        {
            lineFromCarry = false;
            carryLength = 0;
            carryTruncated = false;
        }
        if (position >= end)
        {
            return false;
        }
        final int lineEnd = Ascii.indexOf(segment, position, end, Ascii.LF);
        if (lineEnd < 0)
        {
            keep(position, end - position);
            position = end;
            return false;
        }
        if (carryLength > 0 || carryTruncated)
        {
            keep(position, lineEnd - position);
            lineBuffer = carryBuffer;
            lineOffset = 0;
            lineLength = carryLength;
            lineTruncated = carryTruncated;
            lineFromCarry = true;
        }
        else
        {
            lineBuffer = segment;
            lineOffset = position;
            lineLength = lineEnd - position;
            lineTruncated = false;
        }
        position = lineEnd + 1;
        return true;
    }

    private void keep(final int offset, final int length)
    {
        final int n = Math.min(length, carry.length - carryLength);
        if (n > 0)
        {
            segment.getBytes(offset, carry, carryLength, n);
            carryLength += n;
        }
        if (n < length)
        {
            carryTruncated = true;
        }
    }

    /** The buffer index after the last line handed out from the current segment. */
    public int position()
    {
        return position;
    }

    /** Whether an unfinished line waits for the next segment. */
    public boolean hasPartialLine()
    {
        return !lineFromCarry && (carryLength > 0 || carryTruncated);
    }

    public DirectBuffer lineBuffer()
    {
        return lineBuffer;
    }

    public int lineOffset()
    {
        return lineOffset;
    }

    /** The line's length without its LF (a CR before the LF is included). */
    public int lineLength()
    {
        return lineLength;
    }

    /** True when the line was longer than the carry and only its beginning is here. */
    public boolean lineTruncated()
    {
        return lineTruncated;
    }
}
