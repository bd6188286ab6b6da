package io.weir.core.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PcapngInterfaceTest
{
    private static final BigInteger NS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    /** floor(units * 10^9 / base^exponent) + offset * 10^9, with units unsigned. */
    private static long reference(final long units, final int base, final int exponent, final long offsetSeconds)
    {
        BigInteger unsigned = BigInteger.valueOf(units);
        if (units < 0)
        {
            unsigned = unsigned.add(TWO_TO_64);
        }
        final BigInteger nanos = unsigned.multiply(NS_PER_SECOND).divide(BigInteger.valueOf(base).pow(exponent));
        return nanos.add(BigInteger.valueOf(offsetSeconds).multiply(NS_PER_SECOND)).longValueExact();
    }

    private static long unitsBelow(final SplittableRandom random, final BigInteger bound)
    {
        return new BigInteger(64, new java.util.Random(random.nextLong())).mod(bound).longValue();
    }

    @Test
    void decimalResolutionsUpToNanosecondsAreExact()
    {
        final SplittableRandom random = new SplittableRandom(1);
        for (int exponent = 0; exponent <= 9; exponent++)
        {
            final PcapngInterface ifc = new PcapngInterface(1, 0, exponent, 0);
            // Timestamps of up to year 2262 (the range of epoch nanoseconds in a long).
            final BigInteger limit = BigInteger.valueOf(Long.MAX_VALUE / 1_000_000_000L).multiply(BigInteger.TEN.pow(exponent));
            for (int i = 0; i < 10_000; i++)
            {
                final long units = unitsBelow(random, limit);
                assertEquals(reference(units, 10, exponent, 0), ifc.toNanos(units), "10^-" + exponent + " units " + units);
            }
        }
    }

    @Test
    void decimalResolutionsFinerThanNanosecondsTruncate()
    {
        final SplittableRandom random = new SplittableRandom(2);
        for (int exponent = 10; exponent <= 127; exponent++)
        {
            final PcapngInterface ifc = new PcapngInterface(1, 0, exponent, 0);
            for (int i = 0; i < 2_000; i++)
            {
                final long units = i == 0 ? -1L : random.nextLong();
                assertEquals(reference(units, 10, exponent, 0), ifc.toNanos(units),
                    "10^-" + exponent + " units " + Long.toUnsignedString(units));
            }
        }
    }

    @Test
    void binaryResolutionsTruncateToTheNanosecond()
    {
        final SplittableRandom random = new SplittableRandom(3);
        for (int exponent = 0; exponent <= 127; exponent++)
        {
            final PcapngInterface ifc = new PcapngInterface(1, 0, 0x80 | exponent, 0);
            final BigInteger limit = BigInteger.valueOf(Long.MAX_VALUE / 1_000_000_000L).shiftLeft(exponent).min(TWO_TO_64);
            for (int i = 0; i < 2_000; i++)
            {
                final long units = i == 0 ? limit.subtract(BigInteger.ONE).longValue() : unitsBelow(random, limit);
                assertEquals(reference(units, 2, exponent, 0), ifc.toNanos(units),
                    "2^-" + exponent + " units " + Long.toUnsignedString(units));
            }
        }
    }

    @Test
    void binaryFractionIsNotRoundedBeforeScaling()
    {
        // 2^-31 s units: 3 units are 1.397 ns, so 1; dropping the lowest fraction bit first gives 0.
        final PcapngInterface ifc = new PcapngInterface(1, 0, 0x80 | 31, 0);
        assertEquals(1, ifc.toNanos(3));
        assertEquals(7 * 1_000_000_000L + 1, ifc.toNanos((7L << 31) | 3));
        assertEquals(1_000_000_000L, ifc.toNanos(1L << 31));
    }

    @Test
    void decimalResolutionOfTenToTheMinus28IsBelowANanosecondPerUnit()
    {
        final PcapngInterface ifc = new PcapngInterface(1, 0, 28, 0);
        assertEquals(1, ifc.toNanos(-1L));
        assertEquals(0, new PcapngInterface(1, 0, 29, 0).toNanos(-1L));
    }

    @Test
    void offsetIsAddedInSeconds()
    {
        final SplittableRandom random = new SplittableRandom(4);
        for (final int tsresol : new int[]{6, 9, 3, 0x80 | 20})
        {
            final long offset = random.nextLong(-1_000_000_000L, 1_000_000_000L);
            final PcapngInterface ifc = new PcapngInterface(1, 0, tsresol, offset);
            final int base = (tsresol & 0x80) != 0 ? 2 : 10;
            final long units = 1_700_000_000L * (base == 2 ? 1L << 20 : (long)Math.pow(10, tsresol)) + 12345;
            assertEquals(reference(units, base, tsresol & 0x7F, offset), ifc.toNanos(units), "tsresol " + tsresol);
        }
    }

    @Test
    void keepsLinkTypeAndSnapLength()
    {
        final PcapngInterface ifc = new PcapngInterface(276, 9000, 6, 0);
        assertEquals(276, ifc.linkType);
        assertEquals(9000, ifc.snapLength);
    }
}
