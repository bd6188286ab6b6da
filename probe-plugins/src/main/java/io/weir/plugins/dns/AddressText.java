package io.weir.plugins.dns;

import io.weir.plugins.dnsmessage.DnsMessage;
import io.weir.plugins.dnsmessage.TextBuffer;

/**
 * IP addresses as text the way ipfixprobe prints A and AAAA data: dotted decimal (inet_ntoa), and
 * IPv6 as glibc's inet_ntop does it: lowercase hex groups, the first longest run of at least two
 * zero groups as "::", and the last 32 bits in dotted form for IPv4-compatible (::a.b.c.d) and
 * IPv4-mapped (::ffff:a.b.c.d) addresses.
 */
final class AddressText
{
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    private AddressText()
    {
    }

    static void ipv4(final DnsMessage message, final int position, final TextBuffer out)
    {
        for (int i = 0; i < 4; i++)
        {
            if (i > 0)
            {
                out.append('.');
            }
            out.appendDecimal(message.u8(position + i));
        }
    }

    static void ipv6(final DnsMessage message, final int position, final TextBuffer out)
    {
        int bestBase = -1;
        int bestLength = 0;
        int base = -1;
        int length = 0;
        for (int i = 0; i < 8; i++)
        {
            if (message.u16(position + 2 * i) == 0)
            {
                if (base < 0)
                {
                    base = i;
                    length = 1;
                }
                else
                {
                    length++;
                }
            }
            else if (base >= 0)
            {
                if (bestBase < 0 || length > bestLength)
                {
                    bestBase = base;
                    bestLength = length;
                }
                base = -1;
            }
        }
        if (base >= 0 && (bestBase < 0 || length > bestLength))
        {
            bestBase = base;
            bestLength = length;
        }
        if (bestBase >= 0 && bestLength < 2)
        {
            bestBase = -1;
        }
        for (int i = 0; i < 8; i++)
        {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLength)
            {
                if (i == bestBase)
                {
                    out.append(':');
                }
                continue;
            }
            if (i != 0)
            {
                out.append(':');
            }
            if (i == 6 && bestBase == 0
                && (bestLength == 6 || (bestLength == 5 && message.u16(position + 10) == 0xFFFF)))
            {
                ipv4(message, position + 12, out);
                return;
            }
            hexGroup(message.u16(position + 2 * i), out);
        }
        if (bestBase >= 0 && bestBase + bestLength == 8)
        {
            out.append(':');
        }
    }

    private static void hexGroup(final int group, final TextBuffer out)
    {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4)
        {
            final int digit = (group >>> shift) & 0xF;
            if (digit != 0 || started || shift == 0)
            {
                out.append(HEX[digit]);
                started = true;
            }
        }
    }
}
