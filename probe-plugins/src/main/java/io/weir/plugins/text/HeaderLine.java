package io.weir.plugins.text;

import org.agrona.DirectBuffer;

/**
 * A flyweight over one {@code Name: value} header line of a text protocol (HTTP, RTSP, SIP):
 * the name is what precedes the first colon (with trailing blanks removed, as SIP allows
 * them), the value what follows it without surrounding blanks and without the line's CR.
 * Not thread safe: owned by the capture worker.
 */
public final class HeaderLine
{
    private DirectBuffer buffer;
    private int nameOffset;
    private int nameLength;
    private int valueOffset;
    private int valueLength;

    /** Splits a line; false when it has no colon. */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        final int colon = Ascii.indexOf(buffer, offset, end, Ascii.COLON);
        if (colon < 0)
        {
            return false;
        }
        this.buffer = buffer;
        int nameEnd = colon;
        while (nameEnd > offset && Ascii.isBlank(buffer.getByte(nameEnd - 1)))
        {
            nameEnd--;
        }
        nameOffset = offset;
        nameLength = nameEnd - offset;
        valueOffset = Ascii.skipBlanks(buffer, colon + 1, end);
        valueLength = Ascii.trimEnd(buffer, valueOffset, end) - valueOffset;
        return true;
    }

    /** Whether the name is {@code lowerCaseName}, ignoring ASCII case. */
    public boolean nameIs(final byte[] lowerCaseName)
    {
        return Ascii.equalsIgnoreCase(buffer, nameOffset, nameLength, lowerCaseName);
    }

    public DirectBuffer buffer()
    {
        return buffer;
    }

    public int valueOffset()
    {
        return valueOffset;
    }

    public int valueLength()
    {
        return valueLength;
    }

    public int valueEnd()
    {
        return valueOffset + valueLength;
    }
}
