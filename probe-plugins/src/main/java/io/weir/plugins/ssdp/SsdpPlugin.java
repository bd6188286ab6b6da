package io.weir.plugins.ssdp;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;

/**
 * ipfixprobe's ssdp plugin: a flow whose first packet goes to port 1900 carries SSDP fields
 * (empty when nothing was found), and every packet to port 1900 of it adds what its NOTIFY or
 * M-SEARCH headers say. Packets are read before they are counted, as ipfixprobe's pre_update.
 * Not thread safe: one instance per capture worker.
 */
final class SsdpPlugin implements ProcessPlugin
{
    static final int PORT = 1900;

    private final SsdpFlowState[] states;
    private final SsdpParser parser = new SsdpParser();

    SsdpPlugin(final int flowSlots)
    {
        this.states = new SsdpFlowState[flowSlots];
    }

    @Override
    public String name()
    {
        return SsdpPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return SsdpFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        final SsdpFlowState state = states[flow.slot()];
        if (state != null)
        {
            state.clear();
        }
        inspect(flow, packet);
        return CONTINUE;
    }

    @Override
    public int beforeUpdate(final FlowContext flow, final PacketView packet)
    {
        inspect(flow, packet);
        return CONTINUE;
    }

    private void inspect(final FlowContext flow, final PacketView packet)
    {
        if (packet.destinationPort() != PORT)
        {
            return;
        }
        final int slot = flow.slot();
        SsdpFlowState state = states[slot];
        if (state == null)
        {
            state = new SsdpFlowState();
            states[slot] = state;
        }
        state.present = true;
        parser.parse(packet.buffer(), packet.payloadOffset(), packet.payloadLength(), flow.table().ipVersion(slot),
            state);
    }

    @Override
    public boolean hasData(final int slot)
    {
        final SsdpFlowState state = states[slot];
        return state != null && state.present;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        final SsdpFlowState state = states[slot];
        writer.u16(state.port)
            .bytes(state.nt.bytes(), 0, state.nt.length())
            .bytes(state.userAgent.bytes(), 0, state.userAgent.length())
            .bytes(state.st.bytes(), 0, state.st.length())
            .bytes(state.server.bytes(), 0, state.server.length());
    }
}
