package io.weir.plugins.dnsmessage;

import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.MAX_NAME_STEPS;
import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.POINTER_MASK;

/**
 * The name layer: reads a domain name at a position of a message, in place or through
 * compression pointers. Every pointer must point strictly before the lowest position the name
 * has reached so far (the name's start, then each earlier target): real compressors only point
 * back to earlier names, and the rule makes a loop impossible, since the positions visited
 * through pointers strictly decrease. Labels plus pointers are also bounded by
 * {@link DnsMessageDescriptor#MAX_NAME_STEPS}. Stateless.
 */
public final class DnsNameDecoder
{
    private DnsNameDecoder()
    {
    }

    /**
     * Where the name's own bytes end (after its zero byte, or after the pointer that ends it),
     * without following pointers: what a record decoder needs to reach the fields after a name.
     *
     * @return the position after the name, {@link DnsStatus#TRUNCATED} when the message ends inside
     *         it, {@link DnsStatus#MALFORMED} for a reserved label type or too many labels
     */
    public static int skip(final DnsMessage message, final int position)
    {
        final int length = message.length();
        int at = position;
        for (int steps = 0; steps <= MAX_NAME_STEPS; steps++)
        {
            if (at >= length || at < 0)
            {
                return DnsStatus.TRUNCATED;
            }
            final int b = message.u8(at);
            if (b == 0)
            {
                return at + 1;
            }
            if ((b & POINTER_MASK) == POINTER_MASK)
            {
                return at + 2 <= length ? at + 2 : DnsStatus.TRUNCATED;
            }
            if ((b & POINTER_MASK) != 0)
            {
                return DnsStatus.MALFORMED;
            }
            at += 1 + b;
        }
        return DnsStatus.MALFORMED;
    }

    /**
     * Decodes the name at {@code position} into {@code out} (cleared first).
     *
     * @return the position after the name's own bytes (as {@link #skip}), or
     *         {@link DnsStatus#TRUNCATED} when a label or pointer runs past the message (a label must
     *         also leave room for the byte after it), or {@link DnsStatus#MALFORMED} for a pointer
     *         that does not point strictly backwards, a reserved label type, or too many steps.
     *         On failure {@code out} holds what was read so far.
     */
    public static int decode(final DnsMessage message, final int position, final DnsName out)
    {
        out.clear();
        final int length = message.length();
        int at = position;
        int lowest = position;
        int end = -1;
        int steps = 0;
        while (true)
        {
            if (at < 0 || at >= length)
            {
                return DnsStatus.TRUNCATED;
            }
            final int b = message.u8(at);
            if (b == 0)
            {
                return end >= 0 ? end : at + 1;
            }
            if (++steps > MAX_NAME_STEPS)
            {
                return DnsStatus.MALFORMED;
            }
            if ((b & POINTER_MASK) == POINTER_MASK)
            {
                if (at + 2 > length)
                {
                    return DnsStatus.TRUNCATED;
                }
                final int target = ((b & ~POINTER_MASK) << 8) | message.u8(at + 1);
                if (target >= lowest)
                {
                    return DnsStatus.MALFORMED;
                }
                if (end < 0)
                {
                    end = at + 2;
                }
                lowest = target;
                at = target;
                continue;
            }
            if ((b & POINTER_MASK) != 0)
            {
                return DnsStatus.MALFORMED;
            }
            if (at + 1 + b >= length)
            {
                return DnsStatus.TRUNCATED;
            }
            out.appendLabel(message.buffer(), message.offset() + at + 1, b);
            at += 1 + b;
        }
    }
}
