package io.weir.plugins.ssdp;

import io.weir.plugins.dnsmessage.Bytes;
import io.weir.plugins.dnsmessage.TextBuffer;
import org.agrona.DirectBuffer;

/**
 * Reads SSDP messages (HTTP over UDP) as ipfixprobe does. A NOTIFY (first byte 'N') gives NT
 * values that are URNs, the LOCATION URL's port and SERVER; an M-SEARCH (first byte 'M') gives ST
 * values that are URNs and USER-AGENT. Only lines ended by CRLF count; header names match
 * case-insensitively and are followed directly by ':'; "urn:" and leading white space are removed
 * from values. Each list keeps a value only if it is not already a substring of the list and the
 * list still has room; a zero byte ends the message. Not thread safe: owned by the capture worker.
 */
final class SsdpParser
{
    private static final byte[] NT = Bytes.ascii("nt");
    private static final byte[] ST = Bytes.ascii("st");
    private static final byte[] LOCATION = Bytes.ascii("location");
    private static final byte[] SERVER = Bytes.ascii("server");
    private static final byte[] USER_AGENT = Bytes.ascii("user-agent");
    private static final byte[] URN = Bytes.ascii("urn");

    private final byte[] line = new byte[65536];

    void parse(final DirectBuffer buffer, final int offset, final int length, final int ipVersion,
               final SsdpFlowState state)
    {
        if (length == 0)
        {
            return;
        }
        final byte kind = buffer.getByte(offset);
        if (kind != 'N' && kind != 'M')
        {
            return;
        }
        final int copied = Math.min(length, line.length);
        buffer.getBytes(offset, line, 0, copied);
        int lineStart = 0;
        for (int i = 0; i < copied; i++)
        {
            final byte b = line[i];
            if (b == 0)
            {
                return;
            }
            if (b == '\n' && i > 0 && line[i - 1] == '\r')
            {
                if (kind == 'N')
                {
                    notifyLine(lineStart, i - 1, ipVersion, state);
                }
                else
                {
                    searchLine(lineStart, i - 1, state);
                }
                lineStart = i + 1;
            }
        }
    }

    private void notifyLine(final int start, final int end, final int ipVersion, final SsdpFlowState state)
    {
        int value = headerValue(start, end, NT);
        if (value >= 0)
        {
            urn(value, end, state.nt, SsdpFlowState.URN_LIMIT);
            return;
        }
        value = headerValue(start, end, LOCATION);
        if (value >= 0)
        {
            final int port = locationPort(value, end, ipVersion);
            if (port > 0)
            {
                state.port = port;
            }
            return;
        }
        value = headerValue(start, end, SERVER);
        if (value >= 0)
        {
            append(state.server, SsdpFlowState.TEXT_LIMIT, value, end);
        }
    }

    private void searchLine(final int start, final int end, final SsdpFlowState state)
    {
        int value = headerValue(start, end, ST);
        if (value >= 0)
        {
            urn(value, end, state.st, SsdpFlowState.URN_LIMIT);
            return;
        }
        value = headerValue(start, end, USER_AGENT);
        if (value >= 0)
        {
            append(state.userAgent, SsdpFlowState.TEXT_LIMIT, value, end);
        }
    }

    private void urn(final int value, final int end, final TextBuffer list, final int limit)
    {
        final int urn = headerValue(value, end, URN);
        if (urn >= 0)
        {
            append(list, limit, urn, end);
        }
    }

    /** Where the value starts when the line at {@code start} is "name:" (any case), else -1. */
    private int headerValue(final int start, final int end, final byte[] name)
    {
        if (end - start < name.length + 1 || line[start + name.length] != ':')
        {
            return -1;
        }
        for (int i = 0; i < name.length; i++)
        {
            final int b = line[start + i];
            final int lower = b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
            if (lower != name[i])
            {
                return -1;
            }
        }
        int value = start + name.length + 1;
        while (value < end && isSpace(line[value]))
        {
            value++;
        }
        return value;
    }

    private static boolean isSpace(final byte b)
    {
        return b == ' ' || b == '\t' || b == '\n' || b == 0x0B || b == '\f' || b == '\r';
    }

    private void append(final TextBuffer list, final int limit, final int start, final int end)
    {
        final int valueLength = end - start;
        if (list.length() + valueLength + 1 >= limit)
        {
            return;
        }
        if (Bytes.indexOf(list.bytes(), 0, list.length(), line, start, valueLength) >= 0)
        {
            return;
        }
        list.append(line, start, valueLength).append(';');
    }

    /**
     * The port after the host of a LOCATION URL: the first ':' after the first '.' (IPv4) or ']'
     * (IPv6), read as C's strtol with base 0 does (sign, 0x for hex, leading 0 for octal) and
     * kept to 16 bits; 0 when there is none.
     */
    private int locationPort(final int start, final int end, final int ipVersion)
    {
        final byte hostEnd = (byte)(ipVersion == 6 ? ']' : '.');
        int at = start;
        while (at < end && line[at] != hostEnd)
        {
            at++;
        }
        while (at < end && line[at] != ':')
        {
            at++;
        }
        if (at >= end)
        {
            return 0;
        }
        at++;
        while (at < end && isSpace(line[at]))
        {
            at++;
        }
        boolean negative = false;
        if (at < end && (line[at] == '+' || line[at] == '-'))
        {
            negative = line[at] == '-';
            at++;
        }
        int base = 10;
        if (at < end && line[at] == '0')
        {
            if (at + 2 < end && (line[at + 1] == 'x' || line[at + 1] == 'X') && Character.digit(line[at + 2], 16) >= 0)
            {
                base = 16;
                at += 2;
            }
            else
            {
                base = 8;
            }
        }
        long value = 0;
        int digits = 0;
        while (at < end)
        {
            final int digit = Character.digit(line[at], base);
            if (digit < 0)
            {
                break;
            }
            value = value > (Long.MAX_VALUE - digit) / base ? Long.MAX_VALUE : value * base + digit;
            digits++;
            at++;
        }
        if (digits == 0)
        {
            return 0;
        }
        return (int)((negative ? -value : value) & 0xFFFF);
    }
}
