package io.weir.plugins.pstats.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.IpfixprobeReference;
import io.weir.core.testing.PipelineHarness;
import io.weir.core.testing.ReferenceMatch;
import io.weir.core.testing.TestData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden runs for the per-flow feature plugins (basicplus, idpcontent, vlan, pstats, phists,
 * bstats, nettisa, ...): one plugin over a bundled capture through the real pipeline, compared
 * with ipfixprobe's reference output on every field but the exporter metadata.
 */
public final class Golden
{
    public static final List<String> NOT_COMPARED = List.of("LINK_BIT_FIELD", "DIR_BIT_FIELD");

    private Golden()
    {
    }

    public static int flowSlots()
    {
        return FlowCacheConfig.DEFAULT.capacity();
    }

    public static List<CollectedRecord> run(final String capture, final ProcessPlugin plugin)
        throws InterruptedException
    {
        return run(TestData.capture(capture), plugin);
    }

    /** Runs the plugin and fails if it threw anywhere. */
    public static List<CollectedRecord> run(final Path capture, final ProcessPlugin plugin)
        throws InterruptedException
    {
        final PluginChain chain = new PluginChain(List.of(plugin));
        final List<CollectedRecord> records = PipelineHarness.run(List.of(capture), FlowCacheConfig.DEFAULT, chain);
        assertEquals(0, chain.failures(0), () -> "plugin threw: " + chain.firstFailure(0));
        assertEquals(0, chain.oversized(0), "records too large for the plugin's fields");
        return records;
    }

    public static List<CollectedRecord> runWithout(final Path capture) throws InterruptedException
    {
        return PipelineHarness.run(List.of(capture), FlowCacheConfig.DEFAULT, PluginChain.none());
    }

    public static IpfixprobeReference reference(final String name) throws IOException
    {
        return IpfixprobeReference.read(TestData.expected(name));
    }

    public static List<String> comparedFields(final IpfixprobeReference reference)
    {
        final List<String> fields = new ArrayList<>(reference.types().keySet());
        fields.removeAll(NOT_COMPARED);
        return fields;
    }

    /** Records carrying the field (ipfixprobe name). */
    public static List<CollectedRecord> carrying(final List<CollectedRecord> records, final String field)
    {
        final List<CollectedRecord> carrying = new ArrayList<>();
        for (final CollectedRecord record : records)
        {
            if (record.byIpfixprobeName().containsKey(field))
            {
                carrying.add(record);
            }
        }
        return carrying;
    }

    /**
     * Every reference record is among weir's records carrying {@code pluginField}, and every one of
     * those matches a reference record.
     */
    public static void assertMatches(final IpfixprobeReference reference, final List<CollectedRecord> records,
                                     final String pluginField)
    {
        final List<CollectedRecord> carrying = carrying(records, pluginField);
        final ReferenceMatch match = ReferenceMatch.of(reference, comparedFields(reference), carrying);
        assertTrue(match.missing().isEmpty() && match.extra().isEmpty(), match::report);
        assertEquals(reference.records().size(), carrying.size());
    }
}
