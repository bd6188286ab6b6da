package io.weir.plugins.idpcontent;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the idpcontent plugin: {@code -p idpcontent} (no options). */
public final class IdpContentPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "idpcontent";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "the first " + IdpContentPlugin.CONTENT_BYTES + " payload bytes of the first data packet in each direction";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return IdpContentFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new IdpContentPlugin(flowSlots);
    }
}
