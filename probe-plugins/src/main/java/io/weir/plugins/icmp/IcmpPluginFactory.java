package io.weir.plugins.icmp;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the icmp plugin: {@code -p icmp} (no options). */
public final class IcmpPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "icmp";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "ICMP and ICMPv6 type and code of each ICMP flow's first packet";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return IcmpFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new IcmpPlugin(flowSlots);
    }
}
