package io.weir.plugins.mpls;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the mpls plugin: {@code -p mpls} (no options). */
public final class MplsPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "mpls";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "top MPLS label stack section (label, traffic class, bottom of stack) of each MPLS flow";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return MplsFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new MplsPlugin(flowSlots);
    }
}
