package io.weir.plugins.flowhash;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.flow.FlowTable;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;

/**
 * ipfixprobe's flow_hash: FLOW_ID, the hash ipfixprobe's cache computes for the flow key of the
 * flow's first packet ({@link FlowKeyHash}). weir's own cache hashes differently; this value is
 * computed once per flow, only for export. Per slot one long. Not thread safe: owned by the
 * capture worker.
 */
public final class FlowHashPlugin implements ProcessPlugin
{
    private final long[] hashes;
    private final FlowKeyHash keyHash = new FlowKeyHash();

    public FlowHashPlugin(final int flowSlots)
    {
        this.hashes = new long[flowSlots];
    }

    @Override
    public String name()
    {
        return FlowHashPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return FlowHashFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        final FlowTable table = flow.table();
        final int slot = flow.slot();
        hashes[slot] = table.ipVersion(slot) == 6
            ? keyHash.ipv6(table.sourcePort(slot), table.destinationPort(slot), table.protocol(slot),
                table.sourceHigh(slot), table.sourceLow(slot), table.destinationHigh(slot), table.destinationLow(slot),
                table.vlanId(slot))
            : keyHash.ipv4(table.sourcePort(slot), table.destinationPort(slot), table.protocol(slot),
                table.sourceLow(slot), table.destinationLow(slot), table.vlanId(slot));
        return CONTINUE;
    }

    @Override
    public boolean hasData(final int slot)
    {
        return true;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        writer.u64(hashes[slot]);
    }
}
