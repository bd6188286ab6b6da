package io.weir.core.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Matches ipfixprobe's reference records against weir's, as multisets, on a set of fields
 * (by ipfixprobe name). Floating point values compare to the six decimals the references print.
 */
public final class ReferenceMatch
{
    private final List<Map<String, String>> missing = new ArrayList<>();
    private final List<CollectedRecord> unmatched;
    private final Collection<String> fields;

    private ReferenceMatch(final Collection<String> fields, final List<CollectedRecord> actual)
    {
        this.fields = fields;
        this.unmatched = new ArrayList<>(actual);
    }

    public static ReferenceMatch of(final IpfixprobeReference reference, final Collection<String> fields,
                                    final List<CollectedRecord> actual)
    {
        final ReferenceMatch match = new ReferenceMatch(fields, actual);
        for (final Map<String, String> expected : reference.records())
        {
            boolean found = false;
            for (int i = 0; i < match.unmatched.size(); i++)
            {
                if (match.equal(expected, match.unmatched.get(i).byIpfixprobeName(), reference.types()))
                {
                    match.unmatched.remove(i);
                    found = true;
                    break;
                }
            }
            if (!found)
            {
                match.missing.add(expected);
            }
        }
        return match;
    }

    private boolean equal(final Map<String, String> expected, final Map<String, String> actual,
                          final Map<String, String> types)
    {
        for (final String field : fields)
        {
            final String want = expected.get(field);
            final String got = actual.get(field);
            if (want == null)
            {
                throw new AssertionError("reference has no field " + field);
            }
            if (!same(want, got, types.get(field)))
            {
                return false;
            }
        }
        return true;
    }

    private static boolean same(final String want, final String got, final String type)
    {
        if (got == null)
        {
            return want.isEmpty() || want.equals("[]");
        }
        if ("float".equals(type) || "double".equals(type))
        {
            return Math.abs(Double.parseDouble(want) - Double.parseDouble(got)) <= 0.0000015 * Math.max(1, Math.abs(Double.parseDouble(want)));
        }
        return want.equals(got);
    }

    /** Reference records weir did not produce. */
    public List<Map<String, String>> missing()
    {
        return missing;
    }

    /** weir's records that matched no reference record. */
    public List<CollectedRecord> extra()
    {
        return unmatched;
    }

    /** A readable account of the differences, for assertion messages. */
    public String report()
    {
        final StringBuilder out = new StringBuilder();
        out.append(missing.size()).append(" missing, ").append(unmatched.size()).append(" extra\n");
        for (final Map<String, String> record : missing)
        {
            out.append("missing: ").append(select(record)).append('\n');
        }
        for (final CollectedRecord record : unmatched)
        {
            out.append("extra:   ").append(select(record.byIpfixprobeName())).append('\n');
        }
        return out.toString();
    }

    private String select(final Map<String, String> record)
    {
        final StringBuilder out = new StringBuilder();
        for (final String field : fields)
        {
            out.append(field).append('=').append(record.get(field)).append(' ');
        }
        return out.toString();
    }
}
