package io.weir.plugins.nettisa;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the nettisa plugin: {@code -p nettisa} (no options). */
public final class NettisaPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "nettisa";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "NetTiSA flow statistics of payload lengths and packet times";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return NettisaFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new NettisaPlugin(flowSlots);
    }
}
