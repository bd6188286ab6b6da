package io.weir.plugins.text;

import org.agrona.DirectBuffer;

/**
 * A flyweight over the request line of an HTTP-like protocol, {@code METHOD SP URI SP PROTO/x.y},
 * read the way ipfixprobe reads it: the method runs to the first space, the URI to the next,
 * and the protocol name must follow.
 * Not thread safe: owned by the capture worker.
 */
public final class RequestLine
{
    /** ipfixprobe looks for the space after an unknown method within this many bytes. */
    public static final int MAX_METHOD_LENGTH = 31;

    private int methodOffset;
    private int methodLength;
    private int uriOffset;
    private int uriLength;

    /**
     * Reads a request line (without its LF). A line cut by the line carry is taken as far as it
     * goes: its URI may lack its end and the protocol name.
     *
     * @return false when the line is not a request line of {@code protocol}
     */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length, final boolean truncated,
                        final byte[] protocol)
    {
        final int end = Ascii.withoutCr(buffer, offset, offset + length);
        final int methodEnd = Ascii.indexOf(buffer, offset, end, Ascii.SPACE);
        if (methodEnd < 0)
        {
            return false;
        }
        int uriEnd = Ascii.indexOf(buffer, methodEnd + 1, end, Ascii.SPACE);
        if (uriEnd < 0)
        {
            if (!truncated)
            {
                return false;
            }
            uriEnd = end;
        }
        else if (!Ascii.startsWith(buffer, uriEnd + 1, end - uriEnd - 1, protocol)
            && !(truncated && end - uriEnd - 1 < protocol.length))
        {
            return false;
        }
        methodOffset = offset;
        methodLength = methodEnd - offset;
        uriOffset = methodEnd + 1;
        uriLength = uriEnd - uriOffset;
        return true;
    }

    public int methodOffset()
    {
        return methodOffset;
    }

    public int methodLength()
    {
        return methodLength;
    }

    public int uriOffset()
    {
        return uriOffset;
    }

    public int uriLength()
    {
        return uriLength;
    }

    /**
     * The gate for a payload that may start a request: its first line must be a request line of
     * {@code protocol}, or a beginning of one when the payload ends before the line does. With
     * {@code anyMethod} the method may be any token of upper-case letters, digits, '-' and '_'
     * of at most {@link #MAX_METHOD_LENGTH} bytes; otherwise the caller has matched a known
     * method and anything up to the first space is taken.
     */
    public static boolean looksLike(final DirectBuffer buffer, final int offset, final int length,
                                    final boolean anyMethod, final byte[] protocol)
    {
        final int end = offset + length;
        final int methodEnd;
        if (anyMethod)
        {
            final int limit = Math.min(end, offset + MAX_METHOD_LENGTH);
            int i = offset;
            while (i < limit && isMethodByte(buffer.getByte(i)))
            {
                i++;
            }
            if (i == end)
            {
                return i > offset;
            }
            if (i == offset || buffer.getByte(i) != Ascii.SPACE)
            {
                return false;
            }
            methodEnd = i;
        }
        else
        {
            methodEnd = spaceInLine(buffer, offset, end);
            if (methodEnd < 0)
            {
                return methodEnd == INCOMPLETE;
            }
        }
        final int uriEnd = spaceInLine(buffer, methodEnd + 1, end);
        if (uriEnd < 0)
        {
            return uriEnd == INCOMPLETE;
        }
        final int available = Math.min(end - uriEnd - 1, protocol.length);
        for (int i = 0; i < available; i++)
        {
            if (buffer.getByte(uriEnd + 1 + i) != protocol[i])
            {
                return false;
            }
        }
        return true;
    }

    private static final int NO_SPACE = -1;
    private static final int INCOMPLETE = -2;

    /** The first space in [from, end) before a line end; {@link #NO_SPACE} at a line end, {@link #INCOMPLETE} at the end. */
    private static int spaceInLine(final DirectBuffer buffer, final int from, final int end)
    {
        for (int i = from; i < end; i++)
        {
            final byte value = buffer.getByte(i);
            if (value == Ascii.SPACE)
            {
                return i;
            }
            if (value == Ascii.LF)
            {
                return NO_SPACE;
            }
        }
        return INCOMPLETE;
    }

    /**
     * Whether [offset, offset + length) is a method token the gate accepts without knowing it:
     * 1 to {@link #MAX_METHOD_LENGTH} upper-case letters, digits, '-' and '_'.
     */
    public static boolean isMethodToken(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < 1 || length > MAX_METHOD_LENGTH)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (!isMethodByte(buffer.getByte(offset + i)))
            {
                return false;
            }
        }
        return true;
    }

    private static boolean isMethodByte(final byte value)
    {
        return Ascii.isUpper(value) || Ascii.isDigit(value) || value == '-' || value == '_';
    }
}
