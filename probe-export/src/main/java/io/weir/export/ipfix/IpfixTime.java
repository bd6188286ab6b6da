package io.weir.export.ipfix;

/**
 * Conversions between weir's epoch nanoseconds and the IPFIX time encodings (RFC 7011
 * section 6.1.7-6.1.9): seconds, milliseconds, and the 64-bit NTP form (seconds since 1900,
 * 32-bit binary fraction) of dateTimeMicroseconds and dateTimeNanoseconds. Fractions are
 * rounded up so that reading them back by truncation gives the exact micro- or nanosecond;
 * for microseconds the lowest 11 fraction bits are zero, as RFC 7011 says.
 */
public final class IpfixTime
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private IpfixTime()
    {
    }

    public static long ntpMicros(final long epochNanos)
    {
        final long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        final long micros = Math.floorMod(epochNanos, NANOS_PER_SECOND) / 1000;
        final long fraction21 = (micros * (1L << 21) + MICROS_PER_SECOND - 1) / MICROS_PER_SECOND;
        return ((seconds + IpfixDescriptor.NTP_EPOCH_OFFSET_SECONDS) << 32) | (fraction21 << 11);
    }

    public static long ntpNanos(final long epochNanos)
    {
        final long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        final long nanos = Math.floorMod(epochNanos, NANOS_PER_SECOND);
        final long fraction = ((nanos << 32) + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
        return ((seconds + IpfixDescriptor.NTP_EPOCH_OFFSET_SECONDS) << 32) | fraction;
    }

    /** An NTP timestamp as epoch nanoseconds, truncated to the microsecond. */
    public static long fromNtpMicros(final long ntp)
    {
        final long seconds = (ntp >>> 32) - IpfixDescriptor.NTP_EPOCH_OFFSET_SECONDS;
        final long micros = ((ntp & 0xFFFF_FFFFL) * MICROS_PER_SECOND) >>> 32;
        return seconds * NANOS_PER_SECOND + micros * 1000;
    }

    /** An NTP timestamp as epoch nanoseconds. */
    public static long fromNtpNanos(final long ntp)
    {
        final long seconds = (ntp >>> 32) - IpfixDescriptor.NTP_EPOCH_OFFSET_SECONDS;
        final long nanos = ((ntp & 0xFFFF_FFFFL) * NANOS_PER_SECOND) >>> 32;
        return seconds * NANOS_PER_SECOND + nanos;
    }

    public static long millis(final long epochNanos)
    {
        return Math.floorDiv(epochNanos, 1_000_000L);
    }

    public static long seconds(final long epochNanos)
    {
        return Math.floorDiv(epochNanos, NANOS_PER_SECOND);
    }
}
