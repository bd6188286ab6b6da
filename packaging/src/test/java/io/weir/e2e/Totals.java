package io.weir.e2e;

import java.util.Map;
import java.util.TreeMap;

/** Packets and IP bytes of one biflow key, both directions together, and its first and last packet times. */
record Totals(long packets, long bytes, long firstMicros, long lastMicros)
{
    static final long NO_TIME = Long.MIN_VALUE;

    static Totals of(final long packets, final long bytes)
    {
        return new Totals(packets, bytes, NO_TIME, NO_TIME);
    }

    Totals plus(final Totals other)
    {
        return new Totals(packets + other.packets, bytes + other.bytes,
            firstMicros == NO_TIME ? other.firstMicros : Math.min(firstMicros, other.firstMicros),
            lastMicros == NO_TIME ? other.lastMicros : Math.max(lastMicros, other.lastMicros));
    }

    /** Per-key totals of flow records (both directions of each record added up). */
    static Map<BiflowKey, Totals> ofFlows(final Iterable<Flow> flows)
    {
        final Map<BiflowKey, Totals> totals = new TreeMap<>();
        for (final Flow flow : flows)
        {
            totals.merge(flow.key(), new Totals(flow.packets() + flow.packetsReverse(), flow.bytes() + flow.bytesReverse(),
                flow.firstMicros(), flow.lastMicros()), Totals::plus);
        }
        return totals;
    }

    /** The same totals without times, for references (tshark) that count packets only. */
    Totals countsOnly()
    {
        return of(packets, bytes);
    }
}
