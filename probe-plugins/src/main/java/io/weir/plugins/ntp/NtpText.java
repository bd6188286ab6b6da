package io.weir.plugins.ntp;

/**
 * NTP values as ipfixprobe prints them: timestamps as {@code SECONDS.MICROS} (seconds since 1900, the
 * fraction rounded to six decimals as printf's {@code %f} rounds it), reference ids as dotted decimal
 * or, at stratum 0, the kiss codes INIT, STEP, DENY and RATE by name. Writes into a caller's array.
 */
final class NtpText
{
    /** Longest text: "4294967296.000000" (the rounding may carry into a 33rd seconds bit). */
    static final int MAX_LENGTH = 17;

    private static final int INIT = ('I' << 24) | ('N' << 16) | ('I' << 8) | 'T';
    private static final int STEP = ('S' << 24) | ('T' << 16) | ('E' << 8) | 'P';
    private static final int DENY = ('D' << 24) | ('E' << 16) | ('N' << 8) | 'Y';
    private static final int RATE = ('R' << 24) | ('A' << 16) | ('T' << 8) | 'E';
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long HALF = 1L << 31;

    private NtpText()
    {
    }

    /**
     * Writes a 64-bit NTP timestamp at {@code at}.
     *
     * @return the number of bytes written
     */
    static int timestamp(final long ntp, final byte[] out, final int at)
    {
        long seconds = ntp >>> 32;
        final long scaled = (ntp & 0xFFFF_FFFFL) * MICROS_PER_SECOND;
        long micros = scaled >>> 32;
        final long rest = scaled & 0xFFFF_FFFFL;
        if (rest > HALF || (rest == HALF && (micros & 1) == 1))
        {
            micros++;
        }
        if (micros == MICROS_PER_SECOND)
        {
            seconds++;
            micros = 0;
        }
        int position = decimal(seconds, out, at);
        out[position++] = '.';
        for (int divisor = 100_000; divisor > 0; divisor /= 10)
        {
            out[position++] = (byte)('0' + (micros / divisor) % 10);
        }
        return position - at;
    }

    /**
     * Writes a reference id (the four bytes as a big-endian int) at {@code at}.
     *
     * @return the number of bytes written
     */
    static int referenceId(final int id, final int stratum, final byte[] out, final int at)
    {
        if (stratum == 0 && (id == INIT || id == STEP || id == DENY || id == RATE))
        {
            for (int i = 0; i < 4; i++)
            {
                out[at + i] = (byte)(id >>> (24 - 8 * i));
            }
            return 4;
        }
        int position = at;
        for (int i = 0; i < 4; i++)
        {
            if (i > 0)
            {
                out[position++] = '.';
            }
            position = decimal((id >>> (24 - 8 * i)) & 0xFF, out, position);
        }
        return position - at;
    }

    private static int decimal(final long value, final byte[] out, final int at)
    {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10)
        {
            digits++;
        }
        long rest = value;
        for (int i = at + digits - 1; i >= at; i--)
        {
            out[i] = (byte)('0' + rest % 10);
            rest /= 10;
        }
        return at + digits;
    }
}
