package io.weir.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The basic fields of one record of weir's NDJSON output that live tests compare. {@code key}
 * is the same for both directions of a biflow; {@code directedKey} keeps which side came first.
 */
record FlowRecord(String key, String directedKey, long packets, long bytes, long packetsReverse, long bytesReverse,
                  long firstMicros, long lastMicros, int endReason)
{
    private static final Pattern MEMBER = Pattern.compile("\"([A-Za-z0-9]+)\":(\"[^\"]*\"|[-0-9]+)");

    static List<FlowRecord> read(final Path ndjson) throws IOException
    {
        final List<FlowRecord> records = new ArrayList<>();
        if (!Files.exists(ndjson))
        {
            return records;
        }
        for (final String line : Files.readAllLines(ndjson, StandardCharsets.UTF_8))
        {
            if (line.endsWith("}"))
            {
                records.add(parse(line));
            }
        }
        return records;
    }

    static FlowRecord parse(final String json)
    {
        final Map<String, String> fields = new TreeMap<>();
        final Matcher member = MEMBER.matcher(json);
        while (member.find())
        {
            final String value = member.group(2);
            fields.put(member.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
        }
        final boolean v6 = fields.containsKey("sourceIPv6Address");
        final String source = fields.get(v6 ? "sourceIPv6Address" : "sourceIPv4Address") + " " + fields.get("sourceTransportPort");
        final String destination = fields.get(v6 ? "destinationIPv6Address" : "destinationIPv4Address") + " "
            + fields.get("destinationTransportPort");
        final String suffix = " proto " + fields.get("protocolIdentifier") + " vlan " + fields.get("vlanId");
        final String key = (source.compareTo(destination) <= 0 ? source + " <-> " + destination
            : destination + " <-> " + source) + suffix;
        return new FlowRecord(key, source + " -> " + destination + suffix,
            Long.parseLong(fields.get("packetDeltaCount")), Long.parseLong(fields.get("octetDeltaCount")),
            Long.parseLong(fields.get("reversePacketDeltaCount")), Long.parseLong(fields.get("reverseOctetDeltaCount")),
            micros(fields.get("flowStartMicroseconds")), micros(fields.get("flowEndMicroseconds")),
            Integer.parseInt(fields.get("flowEndReason")));
    }

    private static long micros(final String rfc3339)
    {
        final java.time.Instant instant = java.time.Instant.parse(rfc3339);
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    /** Packets and bytes of both directions, added up per biflow key over all records. */
    static Map<String, String> totalsByKey(final List<FlowRecord> records)
    {
        final Map<String, long[]> sums = new TreeMap<>();
        for (final FlowRecord record : records)
        {
            final long[] sum = sums.computeIfAbsent(record.key(), k -> new long[2]);
            sum[0] += record.packets() + record.packetsReverse();
            sum[1] += record.bytes() + record.bytesReverse();
        }
        final Map<String, String> text = new TreeMap<>();
        sums.forEach((key, sum) -> text.put(key, sum[0] + " packets, " + sum[1] + " bytes"));
        return text;
    }

    /** The keys whose totals differ between two runs, for an assertion message ("" when none). */
    static String differences(final Map<String, String> expected, final Map<String, String> actual)
    {
        final StringBuilder out = new StringBuilder();
        final java.util.Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (final String key : keys)
        {
            if (!java.util.Objects.equals(expected.get(key), actual.get(key)))
            {
                out.append("  ").append(key).append(": expected ").append(expected.get(key)).append(", got ")
                    .append(actual.get(key)).append('\n');
            }
        }
        return out.toString();
    }

    /** The record without its times: what two runs over the same packets must agree on. */
    String counts()
    {
        return directedKey + ": " + packets + "/" + bytes + " reverse " + packetsReverse + "/" + bytesReverse;
    }
}
