package io.weir.plugins.text;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where ipfixprobe's reference is wrong about when a flow started: a flow that a plugin started
 * with flush-and-reinsert gets as TIME_FIRST the last packet time of the flow it replaced
 * (ipfixprobe's cache "reuses" the record), although that packet is not in the flow. weir
 * starts such a flow at its first packet. This finds those records (another record on the
 * same addresses and ports ends exactly when this one starts) and, from tshark's list of the
 * packets, the time of the first packet after that moment: the correct TIME_FIRST.
 */
public final class ContinuationStarts
{
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private final List<Map<String, String>> corrected = new ArrayList<>();
    private final List<Map<String, String>> records = new ArrayList<>();

    private ContinuationStarts()
    {
    }

    /** The reference records with TIME_FIRST corrected where ipfixprobe reports the previous flow's end. */
    public static ContinuationStarts of(final List<Map<String, String>> reference, final Path capture)
        throws IOException, InterruptedException
    {
        final List<String[]> packets = Tshark.fields(capture, "tcp || udp", "frame.time_epoch", "ip.src", "ip.dst",
            "tcp.srcport", "tcp.dstport", "udp.srcport", "udp.dstport");
        final ContinuationStarts starts = new ContinuationStarts();
        for (final Map<String, String> record : reference)
        {
            if (isContinuation(record, reference))
            {
                final Map<String, String> fixed = new LinkedHashMap<>(record);
                fixed.put("TIME_FIRST", firstPacketAfter(record, packets));
                starts.corrected.add(fixed);
                starts.records.add(fixed);
            }
            else
            {
                starts.records.add(record);
            }
        }
        return starts;
    }

    private static boolean isContinuation(final Map<String, String> record, final List<Map<String, String>> reference)
    {
        for (final Map<String, String> other : reference)
        {
            if (other != record && sameFlowKey(other, record) && other.get("TIME_LAST").equals(record.get("TIME_FIRST")))
            {
                return true;
            }
        }
        return false;
    }

    private static boolean sameFlowKey(final Map<String, String> a, final Map<String, String> b)
    {
        return a.get("SRC_IP").equals(b.get("SRC_IP")) && a.get("DST_IP").equals(b.get("DST_IP"))
            && a.get("SRC_PORT").equals(b.get("SRC_PORT")) && a.get("DST_PORT").equals(b.get("DST_PORT"))
            && a.get("PROTOCOL").equals(b.get("PROTOCOL"));
    }

    private static String firstPacketAfter(final Map<String, String> record, final List<String[]> packets)
    {
        final String after = record.get("TIME_FIRST");
        for (final String[] packet : packets)
        {
            final String time = format(packet[0]);
            final String sourcePort = packet[3].isEmpty() ? packet[5] : packet[3];
            final String destinationPort = packet[4].isEmpty() ? packet[6] : packet[4];
            final boolean forward = packet[1].equals(record.get("SRC_IP")) && packet[2].equals(record.get("DST_IP"))
                && sourcePort.equals(record.get("SRC_PORT")) && destinationPort.equals(record.get("DST_PORT"));
            final boolean reverse = packet[2].equals(record.get("SRC_IP")) && packet[1].equals(record.get("DST_IP"))
                && destinationPort.equals(record.get("SRC_PORT")) && sourcePort.equals(record.get("DST_PORT"));
            if ((forward || reverse) && time.compareTo(after) > 0)
            {
                return time;
            }
        }
        throw new AssertionError("tshark lists no packet of " + record + " after " + after);
    }

    /** tshark's epoch seconds as the references print times. */
    static String format(final String epochSeconds)
    {
        final BigDecimal seconds = new BigDecimal(epochSeconds);
        final long whole = seconds.longValue();
        final long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return TIME.format(Instant.ofEpochSecond(whole, nanos));
    }

    /** The records whose TIME_FIRST was corrected. */
    public List<Map<String, String>> corrected()
    {
        return corrected;
    }

    /** All reference records, corrected ones included. */
    public List<Map<String, String>> records()
    {
        return records;
    }
}
