package io.weir.plugins.text;

import org.agrona.DirectBuffer;

/**
 * The status line of an HTTP-like protocol, {@code PROTO/x.y SP CODE SP REASON}, read the way
 * ipfixprobe reads it: the code is C's {@code atoi} of what follows the first space, and a
 * line whose code is not positive is not a status line.
 */
public final class StatusLine
{
    private StatusLine()
    {
    }

    /** The status code of a status line (without its LF), or 0 when it is not one. */
    public static int code(final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = Ascii.withoutCr(buffer, offset, offset + length);
        final int space = Ascii.indexOf(buffer, offset, end, Ascii.SPACE);
        if (space < 0)
        {
            return 0;
        }
        int codeEnd = Ascii.indexOf(buffer, space + 1, end, Ascii.SPACE);
        if (codeEnd < 0)
        {
            codeEnd = end;
        }
        return Math.max(0, Ascii.leadingNumber(buffer, space + 1, codeEnd));
    }

    /**
     * The gate for a payload that may start a response, once its first bytes are the protocol
     * name: its first line must have a positive code, or the payload must end before the code does.
     */
    public static boolean looksLike(final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        int i = offset;
        while (i < end && buffer.getByte(i) != Ascii.SPACE)
        {
            if (buffer.getByte(i) == Ascii.LF)
            {
                return false;
            }
            i++;
        }
        if (i == end)
        {
            return true;
        }
        i++;
        while (i < end && Ascii.isDigit(buffer.getByte(i)))
        {
            i++;
        }
        if (i == end)
        {
            return true;
        }
        final int lf = Ascii.indexOf(buffer, i, end, Ascii.LF);
        return code(buffer, offset, (lf < 0 ? end : lf) - offset) > 0;
    }
}
