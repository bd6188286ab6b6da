package io.weir.plugins.ntp;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Timestamp and reference id texts, against exact decimal arithmetic (BigDecimal) as the reference. */
class NtpTextTest
{
    private static String timestamp(final long seconds, final long fraction)
    {
        final byte[] out = new byte[NtpText.MAX_LENGTH];
        final int length = NtpText.timestamp((seconds << 32) | fraction, out, 0);
        return new String(out, 0, length, StandardCharsets.US_ASCII);
    }

    private static String exact(final long seconds, final long fraction)
    {
        final byte[] bytes = new byte[8];
        for (int i = 0; i < 4; i++)
        {
            bytes[i] = (byte)(seconds >>> (24 - 8 * i));
            bytes[4 + i] = (byte)(fraction >>> (24 - 8 * i));
        }
        return NtpCapture.exactText(bytes, 0);
    }

    private static String referenceId(final int id, final int stratum)
    {
        final byte[] out = new byte[NtpText.MAX_LENGTH];
        return new String(out, 0, NtpText.referenceId(id, stratum, out, 0), StandardCharsets.US_ASCII);
    }

    @Test
    void zeroIsZeroSecondsAndSixZeroDecimals()
    {
        assertEquals("0.000000", timestamp(0, 0));
    }

    @Test
    void fractionRoundsToTheNearestMicrosecond()
    {
        assertEquals("3669303269.121702", timestamp(0xDAB51FE5L, 0x1F27D8E1L));
        assertEquals(exact(0xDAB51FE5L, 0x1F27D8E1L), timestamp(0xDAB51FE5L, 0x1F27D8E1L));
    }

    @Test
    void exactHalfMicrosecondRoundsToEvenAsPrintfDoes()
    {
        // 2^25 / 2^32 s = 7812.5 us exactly; 3 * 2^25 / 2^32 = 23437.5 us exactly
        assertEquals("1.007812", timestamp(1, 1L << 25));
        assertEquals("1.023438", timestamp(1, 3L << 25));
    }

    @Test
    void fractionRoundingUpToOneSecondCarriesIntoTheSeconds()
    {
        assertEquals("8.000000", timestamp(7, 0xFFFF_FFFFL));
        assertEquals("4294967296.000000", timestamp(0xFFFF_FFFFL, 0xFFFF_FFFFL));
    }

    @Test
    void agreesWithExactArithmeticOnRandomTimestamps()
    {
        final Random random = new Random(123);
        for (int i = 0; i < 100_000; i++)
        {
            final long seconds = random.nextInt() & 0xFFFF_FFFFL;
            final long fraction = random.nextInt() & 0xFFFF_FFFFL;
            assertEquals(exact(seconds, fraction), timestamp(seconds, fraction));
        }
    }

    @Test
    void referenceIdIsDottedDecimal()
    {
        assertEquals("195.113.144.238", referenceId(0xC37190EE, 2));
        assertEquals("0.0.0.0", referenceId(0, 3));
        assertEquals("255.255.255.255", referenceId(-1, 16));
    }

    @Test
    void kissCodesAreNamedOnlyAtStratumZero()
    {
        assertEquals("INIT", referenceId(0x494E4954, 0));
        assertEquals("STEP", referenceId(0x53544550, 0));
        assertEquals("DENY", referenceId(0x44454E59, 0));
        assertEquals("RATE", referenceId(0x52415445, 0));
        assertEquals("73.78.73.84", referenceId(0x494E4954, 1));
        assertEquals("71.80.83.0", referenceId(0x47505300, 0));
    }
}
