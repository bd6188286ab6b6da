package io.weir.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counting equal records: what one list has more of than another. */
final class Multiset
{
    private Multiset()
    {
    }

    static <T> Map<T, Integer> of(final Iterable<T> items)
    {
        final Map<T, Integer> counts = new LinkedHashMap<>();
        for (final T item : items)
        {
            counts.merge(item, 1, Integer::sum);
        }
        return counts;
    }

    /** Items of {@code a} not matched by an equal item of {@code b}, with how many times. */
    static <T> Map<T, Integer> minus(final Iterable<T> a, final Iterable<T> b)
    {
        final Map<T, Integer> counts = of(a);
        for (final T item : b)
        {
            counts.computeIfPresent(item, (key, count) -> count > 1 ? count - 1 : null);
        }
        return counts;
    }

    static <T> String describe(final Map<T, Integer> counts)
    {
        final StringBuilder out = new StringBuilder();
        for (final Map.Entry<T, Integer> entry : counts.entrySet())
        {
            out.append("  ").append(entry.getValue() > 1 ? entry.getValue() + " x " : "").append(entry.getKey()).append('\n');
        }
        return out.toString();
    }
}
