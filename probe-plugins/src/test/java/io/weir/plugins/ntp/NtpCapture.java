package io.weir.plugins.ntp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.weir.core.testing.TestData;
import io.weir.plugins.wg.testing.Tshark;

/** The NTP packets of ntp.pcap as tshark dissects them, and independent renderings of their values. */
final class NtpCapture
{
    static final Path CAPTURE = TestData.capture("ntp.pcap");
    static final long NTP_TO_UNIX_SECONDS = 2_208_988_800L;

    private static final DateTimeFormatter TSHARK_DATE =
        DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm:ss.SSSSSSSSS z", Locale.US);
    private static final DateTimeFormatter UNIREC_TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    /** One NTP packet: where it was seen, its payload and tshark's reading of the header. */
    record Packet(String time, String source, String destination, byte[] payload, int leap, int version, int mode,
                  int stratum, int poll, int precision, long rootDelay, long rootDispersion, String referenceIdHex,
                  String[] timestamps)
    {
    }

    private NtpCapture()
    {
    }

    static List<Packet> packets()
    {
        final List<Packet> packets = new ArrayList<>();
        for (final List<String> row : Tshark.fields(CAPTURE, "ntp", "frame.time_epoch", "ip.src", "ip.dst",
            "udp.payload", "ntp.flags.li", "ntp.flags.vn", "ntp.flags.mode", "ntp.stratum", "ntp.ppoll",
            "ntp.precision", "ntp.rootdelay", "ntp.rootdispersion", "ntp.refid", "ntp.reftime", "ntp.org",
            "ntp.rec", "ntp.xmt"))
        {
            final BigDecimal epoch = new BigDecimal(row.get(0));
            final Instant instant = Instant.ofEpochSecond(epoch.longValue(),
                epoch.remainder(BigDecimal.ONE).movePointRight(9).longValue());
            packets.add(new Packet(UNIREC_TIME.format(instant), row.get(1), row.get(2), Tshark.hex(row.get(3)),
                Integer.parseInt(row.get(4)), Integer.parseInt(row.get(5)), Integer.parseInt(row.get(6)),
                Integer.parseInt(row.get(7)), Integer.parseInt(row.get(8)), Integer.parseInt(row.get(9)) & 0xFF,
                Long.parseLong(row.get(10)), Long.parseLong(row.get(11)), row.get(12),
                new String[] {row.get(13), row.get(14), row.get(15), row.get(16)}));
        }
        return packets;
    }

    /** Nanoseconds since 1900 of a timestamp as tshark prints it ("NULL" for zero). */
    static BigInteger tsharkNanosSince1900(final String text)
    {
        if ("NULL".equals(text))
        {
            return BigInteger.ZERO;
        }
        final ZonedDateTime time = ZonedDateTime.parse(text.replaceAll(" +", " "), TSHARK_DATE);
        return BigInteger.valueOf(time.toEpochSecond() + NTP_TO_UNIX_SECONDS).multiply(BigInteger.valueOf(1_000_000_000L))
            .add(BigInteger.valueOf(time.getNano()));
    }

    /** The eight timestamp bytes at {@code offset}, as exact decimal seconds rounded half-even to six places. */
    static String exactText(final byte[] payload, final int offset)
    {
        final long seconds = u32(payload, offset);
        final BigDecimal fraction = new BigDecimal(u32(payload, offset + 4))
            .divide(new BigDecimal(1L << 32), 40, RoundingMode.UNNECESSARY);
        return new BigDecimal(seconds).add(fraction).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * ipfixprobe 5.7's rendering of the same bytes: each byte printed as hex without zero padding,
     * the digits joined and read back as one hex number (seconds after a leading "0"), the fraction
     * printed with glibc's %f (round half even) and its "0" dropped; a fraction that rounds up to 1 loses its carry.
     */
    static String ipfixprobeText(final byte[] payload, final int offset)
    {
        final StringBuilder secondsHex = new StringBuilder("0");
        final StringBuilder fractionHex = new StringBuilder();
        for (int i = 0; i < 4; i++)
        {
            secondsHex.append(Integer.toHexString(payload[offset + i] & 0xFF));
            fractionHex.append(Integer.toHexString(payload[offset + 4 + i] & 0xFF));
        }
        final long seconds = Long.parseLong(secondsHex.toString(), 16) & 0xFFFF_FFFFL;
        final long fraction = Long.parseLong(fractionHex.toString(), 16) & 0xFFFF_FFFFL;
        final String printed = new BigDecimal(fraction).divide(new BigDecimal(1L << 32), 40, RoundingMode.UNNECESSARY)
            .setScale(6, RoundingMode.HALF_EVEN).toPlainString();
        return seconds + printed.substring(printed.indexOf('.'));
    }

    static long u32(final byte[] bytes, final int offset)
    {
        return ((bytes[offset] & 0xFFL) << 24) | ((bytes[offset + 1] & 0xFFL) << 16) | ((bytes[offset + 2] & 0xFFL) << 8)
            | (bytes[offset + 3] & 0xFFL);
    }
}
