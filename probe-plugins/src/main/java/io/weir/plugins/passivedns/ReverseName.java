package io.weir.plugins.passivedns;

import io.weir.plugins.dnsmessage.Bytes;
import io.weir.plugins.dnsmessage.DnsName;

/**
 * The address a reverse-lookup name stands for: {@code d.c.b.a.in-addr.arpa} gives a.b.c.d,
 * and 32 hex nibbles, lowest first, under {@code ip6.arpa} give an IPv6 address. As ipfixprobe,
 * the suffix is found case-insensitively at its first occurrence, which must end the name.
 * Not thread safe: owned by the capture worker.
 */
final class ReverseName
{
    private static final byte[] IN_ADDR_ARPA = Bytes.ascii(".in-addr.arpa");
    private static final byte[] IP6_ARPA = Bytes.ascii(".ip6.arpa");
    private static final int IPV6_NIBBLES = 32;

    private final byte[] lower = new byte[1024];

    /**
     * @return 4 or 16, the address length written to {@code address}, or 0 when the name is not
     *         a complete reverse name
     */
    int parse(final DnsName name, final byte[] address)
    {
        int length = Math.min(name.length(), lower.length);
        final byte[] text = name.bytes();
        for (int i = 0; i < length; i++)
        {
            final byte b = text[i];
            lower[i] = b >= 'A' && b <= 'Z' ? (byte)(b + ('a' - 'A')) : b;
        }
        if (length > 0 && lower[length - 1] == '.')
        {
            length--;
        }
        final int v4 = Bytes.indexOf(lower, 0, length, IN_ADDR_ARPA);
        if (v4 >= 0)
        {
            return v4 + IN_ADDR_ARPA.length == length && ipv4(v4, address) ? 4 : 0;
        }
        final int v6 = Bytes.indexOf(lower, 0, length, IP6_ARPA);
        if (v6 >= 0)
        {
            return v6 + IP6_ARPA.length == length && ipv6(v6, address) ? 16 : 0;
        }
        return 0;
    }

    /** Four decimal labels 0..255, the first being the address's last byte. */
    private boolean ipv4(final int end, final byte[] address)
    {
        int octets = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= end; i++)
        {
            if (i == end || lower[i] == '.')
            {
                if (digits == 0 || octets == 4)
                {
                    return false;
                }
                address[3 - octets] = (byte)value;
                octets++;
                value = 0;
                digits = 0;
                continue;
            }
            final int b = lower[i];
            if (b < '0' || b > '9' || digits == 3)
            {
                return false;
            }
            value = value * 10 + (b - '0');
            digits++;
            if (value > 255)
            {
                return false;
            }
        }
        return octets == 4;
    }

    /** 32 single hex digit labels, the first being the low nibble of the address's last byte. */
    private boolean ipv6(final int end, final byte[] address)
    {
        if (end != 2 * IPV6_NIBBLES - 1)
        {
            return false;
        }
        for (int nibble = 0; nibble < IPV6_NIBBLES; nibble++)
        {
            final int at = 2 * nibble;
            if (at + 1 < end && lower[at + 1] != '.')
            {
                return false;
            }
            final int value = Character.digit(lower[at], 16);
            if (value < 0)
            {
                return false;
            }
            final int index = 15 - nibble / 2;
            if ((nibble & 1) == 0)
            {
                address[index] = (byte)value;
            }
            else
            {
                address[index] = (byte)((address[index] & 0x0F) | (value << 4));
            }
        }
        return true;
    }
}
