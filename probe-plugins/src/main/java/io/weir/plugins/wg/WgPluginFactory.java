package io.weir.plugins.wg;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the wg plugin: {@code -p wg} (no options). */
public final class WgPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "wg";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "WireGuard detector: confidence level and the peers' ephemeral indexes";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return WgFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new WgPlugin(flowSlots);
    }
}
