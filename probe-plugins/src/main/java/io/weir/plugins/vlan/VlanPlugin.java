package io.weir.plugins.vlan;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.ProcessPlugin;

/**
 * The vlan plugin: nothing to do, the basic record's vlanId is ipfixprobe's VLAN_ID (see
 * {@link VlanPluginFactory}). Stateless.
 */
public final class VlanPlugin implements ProcessPlugin
{
    @Override
    public String name()
    {
        return VlanPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return List.of();
    }

    @Override
    public boolean hasData(final int slot)
    {
        return false;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
    }
}
