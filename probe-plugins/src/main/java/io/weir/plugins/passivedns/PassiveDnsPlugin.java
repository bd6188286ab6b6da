package io.weir.plugins.passivedns;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;

/**
 * ipfixprobe's passivedns plugin: every packet from port 53 ends its flow (with the packet), and
 * a DNS response in it gives one entry per address record. ipfixprobe's UniRec output makes one
 * record per entry (the flow's fields repeated); weir's record carries the first entry, and
 * {@link #recordCount}/{@link #write(int, int, RecordWriter)} give all of them, ready for a
 * flow exporter that makes one record per entry. Not thread safe: one instance per capture worker.
 */
final class PassiveDnsPlugin implements ProcessPlugin
{
    static final int PORT = 53;
    private static final int TCP = 6;

    private final PassiveDnsFlowState[] states;
    private final PassiveDnsParser parser = new PassiveDnsParser();

    PassiveDnsPlugin(final int flowSlots)
    {
        this.states = new PassiveDnsFlowState[flowSlots];
    }

    @Override
    public String name()
    {
        return PassiveDnsPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return PassiveDnsFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        final PassiveDnsFlowState state = states[flow.slot()];
        if (state != null)
        {
            state.clear();
        }
        return inspect(flow.slot(), packet);
    }

    @Override
    public int onUpdate(final FlowContext flow, final PacketView packet)
    {
        return inspect(flow.slot(), packet);
    }

    private int inspect(final int slot, final PacketView packet)
    {
        if (packet.sourcePort() != PORT)
        {
            return CONTINUE;
        }
        PassiveDnsFlowState state = states[slot];
        if (state == null)
        {
            state = new PassiveDnsFlowState();
            states[slot] = state;
        }
        parser.parse(packet.buffer(), packet.payloadOffset(), packet.payloadLength(), packet.protocol() == TCP, state);
        return FLUSH;
    }

    @Override
    public boolean hasData(final int slot)
    {
        return recordCount(slot) > 0;
    }

    /** Entries of the flow in this slot: ipfixprobe makes a record of each. */
    public int recordCount(final int slot)
    {
        final PassiveDnsFlowState state = states[slot];
        return state == null ? 0 : state.count;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        write(slot, 0, writer);
    }

    /** Writes entry {@code record} (0 .. {@link #recordCount} - 1) of the flow in this slot. */
    public void write(final int slot, final int record, final RecordWriter writer)
    {
        final PassiveDnsFlowState state = states[slot];
        writer.u16(state.ids[record])
            .u32(state.ttls[record])
            .u16(state.types[record])
            .bytes(state.addresses[record], 0, state.addressLengths[record])
            .bytes(state.names[record].bytes(), 0, state.names[record].length());
    }
}
