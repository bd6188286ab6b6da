package io.weir.core.capture;

/**
 * What a pcapng Interface Description Block says about the packets of one interface:
 * link type, snap length and how to turn its timestamps into nanoseconds.
 */
final class PcapngInterface
{
    final int linkType;
    final int snapLength;
    private final boolean binary;
    private final int exponent;
    private final long offsetNs;
    private final long decimalMultiplier;
    private final long decimalDivisor;

    /**
     * @param tsresol  the if_tsresol option byte (6 when absent): high bit set means 2^-n, else 10^-n
     * @param tsoffsetSeconds the if_tsoffset option (0 when absent)
     */
    PcapngInterface(final int linkType, final int snapLength, final int tsresol, final long tsoffsetSeconds)
    {
        this.linkType = linkType;
        this.snapLength = snapLength;
        this.binary = (tsresol & 0x80) != 0;
        this.exponent = tsresol & 0x7F;
        this.offsetNs = tsoffsetSeconds * 1_000_000_000L;
        if (!binary && exponent <= 9)
        {
            decimalMultiplier = pow10(9 - exponent);
            decimalDivisor = 1;
        }
        else if (!binary)
        {
            decimalMultiplier = 1;
            decimalDivisor = exponent - 9 >= 19 ? Long.MAX_VALUE : pow10(exponent - 9);
        }
        else
        {
            decimalMultiplier = 0;
            decimalDivisor = 0;
        }
    }

    private static long pow10(final int n)
    {
        long value = 1;
        for (int i = 0; i < n; i++)
        {
            value *= 10;
        }
        return value;
    }

    /** Converts a raw 64-bit timestamp (units of the interface's resolution) to epoch nanoseconds. */
    long toNanos(final long units)
    {
        if (!binary)
        {
            return (decimalDivisor == 1 ? units * decimalMultiplier : Long.divideUnsigned(units, decimalDivisor)) + offsetNs;
        }
        if (exponent == 0)
        {
            return units * 1_000_000_000L + offsetNs;
        }
        final int shift = Math.min(exponent, 63);
        final long seconds = units >>> shift;
        long fraction = units & ((1L << shift) - 1);
        int fractionBits = shift;
        if (fractionBits > 30)
        {
            fraction >>>= fractionBits - 30;
            fractionBits = 30;
        }
        return seconds * 1_000_000_000L + ((fraction * 1_000_000_000L) >>> fractionBits) + offsetNs;
    }
}
