package io.weir.plugins.vlan;

import java.util.List;

import io.weir.core.field.BasicFields;
import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.PluginRegistry;
import io.weir.core.testing.CollectedRecord;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VlanPluginTest
{
    /**
     * ipfixprobe's VLAN_ID is the basic record's vlanId (IANA 58, in the flow key); the plugin must
     * not add it a second time.
     */
    @Test
    void addsNoFieldBesideTheBasicVlanId() throws Exception
    {
        final VlanPluginFactory factory = new VlanPluginFactory();
        assertTrue(factory.fields().isEmpty());
        assertEquals("VLAN_ID", BasicFields.VLAN_ID.ipfixprobeName());
        assertEquals(58, BasicFields.VLAN_ID.elementId());
        final List<CollectedRecord> records = Golden.run("vlan.pcap",
            factory.create(PluginOptions.parse("vlan"), Golden.flowSlots()));
        for (final CollectedRecord record : records)
        {
            long vlanFields = 0;
            for (final Field field : BasicFields.forIpVersion(4))
            {
                vlanFields += field.elementId() == 58 && record.byName().containsKey(field.name()) ? 1 : 0;
            }
            assertEquals(1, vlanFields);
            assertEquals(record.byName().size(), BasicFields.forIpVersion(4).size());
        }
    }

    @Test
    void isFoundByItsIpfixprobeName()
    {
        final PluginRegistry registry = PluginRegistry.load();
        for (final String name : List.of("basicplus", "idpcontent", "icmp", "vlan", "mpls", "flow_hash", "pstats",
            "phists", "bstats", "nettisa"))
        {
            assertEquals(name, registry.find(name).name(), name);
            assertEquals(name, registry.createChain(List.of(name), 16).plugin(0).name());
        }
    }
}
