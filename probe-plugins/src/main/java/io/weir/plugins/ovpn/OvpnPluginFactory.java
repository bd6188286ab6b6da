package io.weir.plugins.ovpn;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the ovpn plugin: {@code -p ovpn} (no options). */
public final class OvpnPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "ovpn";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "OpenVPN detector: confidence level from the handshake and the share of data packets";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return OvpnFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new OvpnPlugin(flowSlots);
    }
}
