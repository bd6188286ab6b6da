package io.weir.core.capture;

/**
 * What a pcapng Interface Description Block says about the packets of one interface:
 * link type, snap length and how to turn its timestamps into nanoseconds.
 */
final class PcapngInterface
{
    private static final long NS_PER_SECOND = 1_000_000_000L;
    /** Decimal exponents above this make any 64-bit timestamp less than a nanosecond. */
    private static final int MAX_DECIMAL_EXPONENT = 9 + 19;

    final int linkType;
    final int snapLength;
    private final boolean binary;
    private final int exponent;
    private final long offsetNs;
    private final long decimalMultiplier;
    /** Unsigned; 0 when every timestamp is below one nanosecond. */
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
        this.offsetNs = tsoffsetSeconds * NS_PER_SECOND;
        if (!binary && exponent <= 9)
        {
            decimalMultiplier = pow10(9 - exponent);
            decimalDivisor = 1;
        }
        else if (!binary)
        {
            decimalMultiplier = 1;
            // 10^19 does not fit a signed long but does fit an unsigned one, which is how it is used.
            decimalDivisor = exponent <= MAX_DECIMAL_EXPONENT ? pow10(exponent - 9) : 0;
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

    /** Converts a raw 64-bit timestamp (units of the interface's resolution) to epoch nanoseconds, truncating. */
    long toNanos(final long units)
    {
        if (!binary)
        {
            if (decimalDivisor == 1)
            {
                return units * decimalMultiplier + offsetNs;
            }
            return (decimalDivisor == 0 ? 0 : Long.divideUnsigned(units, decimalDivisor)) + offsetNs;
        }
        if (exponent == 0)
        {
            return units * NS_PER_SECOND + offsetNs;
        }
        if (exponent < 64)
        {
            final long seconds = units >>> exponent;
            final long fraction = units & ((1L << exponent) - 1);
            // fraction * 10^9 needs up to 93 bits: shift the 128-bit product right by the exponent.
            final long high = Math.multiplyHigh(fraction, NS_PER_SECOND);
            final long low = fraction * NS_PER_SECOND;
            return seconds * NS_PER_SECOND + ((high << (64 - exponent)) | (low >>> exponent)) + offsetNs;
        }
        // Below one second per 2^64 units: only the high half of units * 10^9 (unsigned) matters.
        final long unsignedHigh = Math.multiplyHigh(units, NS_PER_SECOND) + (units < 0 ? NS_PER_SECOND : 0);
        return (unsignedHigh >>> (exponent - 64)) + offsetNs;
    }
}
