package io.weir.plugins.vlan;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/**
 * Makes the vlan plugin: {@code -p vlan}, accepted for ipfixprobe compatibility. ipfixprobe's vlan
 * plugin exports VLAN_ID, the outer VLAN id of the flow's first packet; in ipfixprobe and in weir
 * that id is part of the flow key, so every packet of a flow has it, and weir's basic record
 * already carries it (vlanId, IANA 58). The plugin therefore adds no field of its own: adding one
 * would put the same element into the record twice.
 */
public final class VlanPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "vlan";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "VLAN_ID: already in every record as vlanId (part of the flow key); accepted for compatibility";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return List.of();
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new VlanPlugin();
    }
}
