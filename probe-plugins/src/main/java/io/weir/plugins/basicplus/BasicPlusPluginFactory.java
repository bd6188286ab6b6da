package io.weir.plugins.basicplus;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the basicplus plugin: {@code -p basicplus} (no options). */
public final class BasicPlusPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "basicplus";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "IP TTL and flags, TCP window, options, MSS and SYN size, in both directions";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return BasicPlusFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new BasicPlusPlugin(flowSlots);
    }
}
