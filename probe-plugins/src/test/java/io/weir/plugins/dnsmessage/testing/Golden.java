package io.weir.plugins.dnsmessage.testing;

import java.util.ArrayList;
import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.IpfixprobeReference;
import io.weir.core.testing.PipelineHarness;
import io.weir.core.testing.ReferenceMatch;
import io.weir.core.testing.TestData;

/**
 * A golden run: the real pipeline over one bundled capture with one plugin, matched against
 * ipfixprobe's reference output on every field except the exporter's LINK_BIT_FIELD and
 * DIR_BIT_FIELD.
 */
public final class Golden
{
    private final IpfixprobeReference reference;
    private final List<CollectedRecord> records;
    private final List<String> fields;
    private final ProcessPlugin plugin;

    private Golden(final IpfixprobeReference reference, final List<CollectedRecord> records, final ProcessPlugin plugin)
    {
        this.reference = reference;
        this.records = records;
        this.plugin = plugin;
        this.fields = new ArrayList<>(reference.types().keySet());
        this.fields.remove("LINK_BIT_FIELD");
        this.fields.remove("DIR_BIT_FIELD");
    }

    public static Golden run(final String capture, final String expected, final ProcessPlugin plugin) throws Exception
    {
        final List<CollectedRecord> records = PipelineHarness.run(TestData.capture(capture),
            new PluginChain(List.of(plugin)));
        return new Golden(IpfixprobeReference.read(TestData.expected(expected)), records, plugin);
    }

    public IpfixprobeReference reference()
    {
        return reference;
    }

    public List<CollectedRecord> records()
    {
        return records;
    }

    /** weir's records that carry the plugin's fields. */
    public List<CollectedRecord> pluginRecords()
    {
        final String key = plugin.fields().get(0).name();
        final List<CollectedRecord> withData = new ArrayList<>();
        for (final CollectedRecord record : records)
        {
            if (record.byName().containsKey(key))
            {
                withData.add(record);
            }
        }
        return withData;
    }

    public List<String> fields()
    {
        return fields;
    }

    public ReferenceMatch match()
    {
        return ReferenceMatch.of(reference, fields, records);
    }

    public ReferenceMatch match(final List<CollectedRecord> actual)
    {
        return ReferenceMatch.of(reference, fields, actual);
    }

    /** The unmatched weir records that carry the plugin's fields: these must not exist. */
    public List<CollectedRecord> unmatchedPluginRecords(final ReferenceMatch match)
    {
        final List<CollectedRecord> unmatched = new ArrayList<>();
        for (final CollectedRecord record : match.extra())
        {
            for (final Field field : plugin.fields())
            {
                if (record.byName().containsKey(field.name()))
                {
                    unmatched.add(record);
                    break;
                }
            }
        }
        return unmatched;
    }

    /**
     * The records with the given string fields as ipfixprobe's reference text shows them: its
     * UniRec-to-text step leaves out every byte outside printable ASCII (0x20..0x7e), e.g. the
     * 0x01 0x02 around NetBIOS's __MSBROWSE__ and the UTF-8 apostrophe of mDNS names. Only for
     * matching; tests assert the real bytes separately.
     */
    public static List<CollectedRecord> asReferenceText(final List<CollectedRecord> records, final String... fields)
    {
        final List<CollectedRecord> shown = new ArrayList<>(records.size());
        for (final CollectedRecord record : records)
        {
            final java.util.Map<String, String> byIpfixprobeName = new java.util.LinkedHashMap<>(record.byIpfixprobeName());
            for (final String field : fields)
            {
                final String value = byIpfixprobeName.get(field);
                if (value != null)
                {
                    byIpfixprobeName.put(field, printable(value));
                }
            }
            shown.add(new CollectedRecord(record.schemaId(), byIpfixprobeName, record.byName()));
        }
        return shown;
    }

    public static String printable(final String value)
    {
        final StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c >= 0x20 && c <= 0x7e)
            {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A message for assertions: the match report limited to what counts. */
    public String report(final ReferenceMatch match)
    {
        return match.missing().size() + " reference records missing, " + unmatchedPluginRecords(match).size()
            + " weir records with " + plugin.name() + " data unmatched\n" + match.report();
    }

    /**
     * For plugins with several entries per flow (answers, names): weir exports one record per flow,
     * as ipfixprobe's IPFIX output does, while its UniRec reference lists one record per entry. The
     * reference entries weir's records did not match must all belong to flows that weir's records did
     * match (same addresses and ports), i.e. only further entries of a flow are absent.
     */
    public static String onlyFurtherEntriesMissing(final ReferenceMatch match, final IpfixprobeReference reference)
    {
        final java.util.Set<String> matchedFlows = new java.util.HashSet<>();
        final List<java.util.Map<String, String>> missing = match.missing();
        for (final java.util.Map<String, String> record : reference.records())
        {
            if (!missing.contains(record))
            {
                matchedFlows.add(flowKey(record));
            }
        }
        final StringBuilder problems = new StringBuilder();
        for (final java.util.Map<String, String> record : missing)
        {
            if (!matchedFlows.contains(flowKey(record)))
            {
                problems.append("flow without any matching record: ").append(flowKey(record)).append('\n');
            }
        }
        return problems.toString();
    }

    private static String flowKey(final java.util.Map<String, String> record)
    {
        return record.get("SRC_IP") + ":" + record.get("SRC_PORT") + " > " + record.get("DST_IP") + ":"
            + record.get("DST_PORT") + " " + record.get("PROTOCOL") + " " + record.get("TIME_FIRST");
    }
}
