package io.weir.export.ipfix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class IpfixTimeTest
{
    private static final Instant NTP_EPOCH = Instant.parse("1900-01-01T00:00:00Z");

    @Test
    void ntpSecondsCountFrom1900() throws Exception
    {
        final Instant when = Instant.parse("2016-10-28T17:01:54.5Z");
        final long epochNanos = when.getEpochSecond() * 1_000_000_000L + when.getNano();
        final long ntp = IpfixTime.ntpMicros(epochNanos);
        assertEquals(Duration.between(NTP_EPOCH, when).getSeconds(), ntp >>> 32);
        assertEquals(0x8000_0000L, ntp & 0xFFFF_FFFFL, "half a second is fraction 2^31");
        assertEquals(0, ntp & 0x7FF, "RFC 7011: the low 11 fraction bits of microseconds are zero");
    }

    @Test
    void microsAndNanosReadBackExactly()
    {
        final SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++)
        {
            final long ns = random.nextLong(0, 4_000_000_000L * 1_000_000_000L / 2);
            assertEquals(ns - ns % 1000, IpfixTime.fromNtpMicros(IpfixTime.ntpMicros(ns)));
            assertEquals(ns, IpfixTime.fromNtpNanos(IpfixTime.ntpNanos(ns)));
            assertEquals(0, IpfixTime.ntpMicros(ns) & 0x7FF);
        }
    }
}
