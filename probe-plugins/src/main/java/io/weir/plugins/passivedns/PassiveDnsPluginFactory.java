package io.weir.plugins.passivedns;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the {@code passivedns} plugin (no options). */
public final class PassiveDnsPluginFactory implements ProcessPluginFactory
{
    static final String NAME = "passivedns";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "Passive DNS: name and address of A, AAAA and PTR answers in DNS responses";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return PassiveDnsFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new PassiveDnsPlugin(flowSlots);
    }
}
