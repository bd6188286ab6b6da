package io.weir.plugins.bstats;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the bstats plugin: {@code -p bstats} (no options, as in ipfixprobe). */
public final class BurstStatsPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "bstats";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "bursts per direction (3+ packets with payload, gaps under 1 s), the first 15 of each";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return BurstStatsFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new BurstStatsPlugin(flowSlots);
    }
}
