package io.weir.plugins.ssdp;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the {@code ssdp} plugin (no options). */
public final class SsdpPluginFactory implements ProcessPluginFactory
{
    static final String NAME = "ssdp";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "SSDP (port 1900): advertised and queried URNs, location port, server, user agents";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return SsdpFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new SsdpPlugin(flowSlots);
    }
}
