package io.weir.plugins.wg.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.IpfixprobeReference;
import io.weir.core.testing.PipelineHarness;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs one plugin through the real pipeline and checks that it never threw. */
public final class PluginRun
{
    private PluginRun()
    {
    }

    /** The cache's number of slots: what the plugin must be made for. */
    public static final int FLOW_SLOTS = FlowCacheConfig.DEFAULT.capacity();

    /** Runs a plugin made for {@link #FLOW_SLOTS} slots over a capture with the default cache. */
    public static List<CollectedRecord> records(final IntFunction<ProcessPlugin> plugin, final Path capture)
        throws InterruptedException
    {
        return records(plugin.apply(FLOW_SLOTS), List.of(capture));
    }

    public static List<CollectedRecord> records(final ProcessPlugin plugin, final List<Path> captures)
        throws InterruptedException
    {
        final PluginChain chain = new PluginChain(List.of(plugin));
        final List<CollectedRecord> records = PipelineHarness.run(captures, FlowCacheConfig.DEFAULT, chain);
        assertEquals(0, chain.failures(0), () -> plugin.name() + " threw: " + chain.firstFailure(0));
        assertEquals(0, chain.oversized(0), () -> plugin.name() + " wrote records too large");
        return records;
    }

    /** The records that carry the field named {@code ipfixprobeName}. */
    public static List<CollectedRecord> with(final List<CollectedRecord> records, final String ipfixprobeName)
    {
        final List<CollectedRecord> selected = new ArrayList<>();
        for (final CollectedRecord record : records)
        {
            if (record.byIpfixprobeName().containsKey(ipfixprobeName))
            {
                selected.add(record);
            }
        }
        return selected;
    }

    /** Every field of the reference except the exporter metadata LINK_BIT_FIELD and DIR_BIT_FIELD. */
    public static List<String> comparedFields(final IpfixprobeReference reference)
    {
        final List<String> fields = new ArrayList<>(reference.types().keySet());
        fields.remove("LINK_BIT_FIELD");
        fields.remove("DIR_BIT_FIELD");
        return fields;
    }
}
