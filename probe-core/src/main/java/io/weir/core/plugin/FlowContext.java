package io.weir.core.plugin;

import io.weir.core.flow.FlowTable;

/**
 * What a plugin hook sees of the flow it is called for: the slot (its key to per-flow state),
 * the direction of the current packet, and the flow's record. One instance, repositioned for
 * every call. Not thread safe: owned by the capture worker.
 */
public final class FlowContext
{
    private final FlowTable table;
    private int slot;
    private boolean forward;

    public FlowContext(final FlowTable table)
    {
        this.table = table;
    }

    public FlowContext at(final int slot, final boolean forward)
    {
        this.slot = slot;
        this.forward = forward;
        return this;
    }

    /** Bit i set when plugin i (below 16) returned {@link ProcessPlugin#DONE} for this flow. */
    int doneMask()
    {
        return table.pluginsDone(slot);
    }

    void done(final int plugin)
    {
        if (plugin < FlowTable.PLUGINS_DONE_BITS)
        {
            table.pluginsDone(slot, table.pluginsDone(slot) | (1 << plugin));
        }
    }

    /** The flow's cache slot: the same for the flow's whole life, reused by other flows afterwards. */
    public int slot()
    {
        return slot;
    }

    /** True when the current packet goes in the direction of the flow's first packet. */
    public boolean forward()
    {
        return forward;
    }

    public FlowTable table()
    {
        return table;
    }

    public long forwardPackets()
    {
        return table.forwardPackets(slot);
    }

    public long reversePackets()
    {
        return table.reversePackets(slot);
    }

    public int sourcePort()
    {
        return table.sourcePort(slot);
    }

    public int destinationPort()
    {
        return table.destinationPort(slot);
    }

    public int protocol()
    {
        return table.protocol(slot);
    }
}
