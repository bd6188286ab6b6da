package io.weir.core.decode;

import java.util.Map;
import java.util.TreeMap;

import org.agrona.collections.Long2LongCounterMap;

/**
 * Packets skipped by the parser, by reason, with the link types and EtherTypes behind the
 * "unsupported link type" and "not IP" counts. Not thread safe: owned by the capture worker;
 * read by other threads only after the worker has stopped.
 */
public final class ParseCounters
{
    private final long[] skipped = new long[SkipReason.values().length];
    private final Long2LongCounterMap linkTypes = new Long2LongCounterMap(0);
    private final Long2LongCounterMap etherTypes = new Long2LongCounterMap(0);

    public void onSkipped(final PacketView view)
    {
        final SkipReason reason = view.skipReason();
        skipped[reason.ordinal()]++;
        if (reason == SkipReason.UNSUPPORTED_LINK_TYPE)
        {
            linkTypes.incrementAndGet(view.linkType());
        }
        else if (reason == SkipReason.NON_IP)
        {
            etherTypes.incrementAndGet(view.etherType());
        }
    }

    public long skipped(final SkipReason reason)
    {
        return skipped[reason.ordinal()];
    }

    public long skippedTotal()
    {
        long total = 0;
        for (final long count : skipped)
        {
            total += count;
        }
        return total;
    }

    /** Unsupported link types seen, with their packet counts, in ascending order. */
    public Map<Integer, Long> unsupportedLinkTypes()
    {
        return toMap(linkTypes);
    }

    /** Non-IP EtherTypes (after VLAN/MPLS/PPPoE) seen, with their packet counts, in ascending order. */
    public Map<Integer, Long> nonIpEtherTypes()
    {
        return toMap(etherTypes);
    }

    private static Map<Integer, Long> toMap(final Long2LongCounterMap counts)
    {
        final Map<Integer, Long> map = new TreeMap<>();
        counts.forEach((key, value) -> map.put((int)key, value));
        return map;
    }

    /** Adds another worker's counts (used to total several workers). */
    public void add(final ParseCounters other)
    {
        for (int i = 0; i < skipped.length; i++)
        {
            skipped[i] += other.skipped[i];
        }
        other.linkTypes.forEach((key, value) -> linkTypes.getAndAdd(key, value));
        other.etherTypes.forEach((key, value) -> etherTypes.getAndAdd(key, value));
    }
}
