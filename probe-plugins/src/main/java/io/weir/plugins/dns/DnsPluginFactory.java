package io.weir.plugins.dns;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the {@code dns} plugin (no options). */
public final class DnsPluginFactory implements ProcessPluginFactory
{
    static final String NAME = "dns";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "DNS messages on port 53 (UDP, TCP): id, rcode, first question, first answer, EDNS size and DO";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return DnsFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new DnsPlugin(flowSlots);
    }
}
