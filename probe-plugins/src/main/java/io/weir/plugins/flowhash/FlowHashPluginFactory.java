package io.weir.plugins.flowhash;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the flow_hash plugin: {@code -p flow_hash} (no options). */
public final class FlowHashPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "flow_hash";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "FLOW_ID: ipfixprobe's flow hash, XXH64 of the flow key of the flow's first packet";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return FlowHashFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new FlowHashPlugin(flowSlots);
    }
}
