package io.weir.plugins.ssadetector;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the ssadetector plugin: {@code -p ssadetector} (no options). */
public final class SsaDetectorPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "ssadetector";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "tunnel detector: repeated SYN/SYN-ACK/ACK-like payload length patterns inside a flow";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return SsaFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new SsaDetectorPlugin(flowSlots);
    }
}
