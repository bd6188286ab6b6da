package io.weir.plugins.netbios;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the {@code netbios} plugin (no options). */
public final class NetbiosPluginFactory implements ProcessPluginFactory
{
    static final String NAME = "netbios";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "NetBIOS Name Service (port 137): queried or registered name and its suffix";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return NetbiosFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new NetbiosPlugin(flowSlots);
    }
}
