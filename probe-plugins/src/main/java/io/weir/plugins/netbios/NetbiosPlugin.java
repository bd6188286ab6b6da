package io.weir.plugins.netbios;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;

/**
 * ipfixprobe's netbios plugin: each packet to or from port 137 that carries a NetBIOS name
 * query, registration or release adds an entry (name, suffix) to its flow. ipfixprobe's UniRec
 * output makes one record per entry (the flow's fields repeated); weir's record carries the first
 * entry, and {@link #recordCount}/{@link #write(int, int, RecordWriter)} give all of them, ready
 * for a flow exporter that makes one record per entry. Not thread safe: one per capture worker.
 */
final class NetbiosPlugin implements ProcessPlugin
{
    static final int PORT = 137;

    private final NetbiosFlowState[] states;
    private final NetbiosNameParser parser = new NetbiosNameParser();

    NetbiosPlugin(final int flowSlots)
    {
        this.states = new NetbiosFlowState[flowSlots];
    }

    @Override
    public String name()
    {
        return NetbiosPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return NetbiosFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        final NetbiosFlowState state = states[flow.slot()];
        if (state != null)
        {
            state.clear();
        }
        return onUpdate(flow, packet);
    }

    @Override
    public int onUpdate(final FlowContext flow, final PacketView packet)
    {
        if (packet.sourcePort() != PORT && packet.destinationPort() != PORT)
        {
            return CONTINUE;
        }
        NetbiosFlowState state = states[flow.slot()];
        if (state == null)
        {
            state = new NetbiosFlowState();
            states[flow.slot()] = state;
        }
        parser.parse(packet.buffer(), packet.payloadOffset(), packet.payloadLength(), state);
        return CONTINUE;
    }

    @Override
    public boolean hasData(final int slot)
    {
        return recordCount(slot) > 0;
    }

    /** Entries of the flow in this slot: ipfixprobe makes a record of each. */
    public int recordCount(final int slot)
    {
        final NetbiosFlowState state = states[slot];
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
        final NetbiosFlowState state = states[slot];
        writer.u8(state.suffixes[record])
            .bytes(state.names, record * NetbiosFlowState.NAME_LENGTH, NetbiosFlowState.NAME_LENGTH);
    }
}
