package io.weir.plugins.dns;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;

/**
 * ipfixprobe's dns plugin: every packet to or from port 53 that parses as a DNS message ends
 * its flow at once with that message's facts, so each DNS message is a record of its own
 * (a query and its response are two records). Packets that do not parse leave the flow alone.
 * Not thread safe: one instance per capture worker.
 */
final class DnsPlugin implements ProcessPlugin
{
    static final int PORT = 53;
    private static final int TCP = 6;

    private final DnsFlowState[] states;
    private final DnsMessageParser parser = new DnsMessageParser();

    DnsPlugin(final int flowSlots)
    {
        this.states = new DnsFlowState[flowSlots];
    }

    @Override
    public String name()
    {
        return DnsPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return DnsFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        final DnsFlowState state = states[flow.slot()];
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
        if (packet.sourcePort() != PORT && packet.destinationPort() != PORT)
        {
            return CONTINUE;
        }
        DnsFlowState state = states[slot];
        if (state == null)
        {
            state = new DnsFlowState();
            states[slot] = state;
        }
        final boolean hadData = state.present;
        final boolean parsed = parser.parse(packet.buffer(), packet.payloadOffset(), packet.payloadLength(),
            packet.protocol() == TCP, state);
        if (!parsed && !hadData)
        {
            state.clear();
            return CONTINUE;
        }
        state.present = true;
        return FLUSH;
    }

    @Override
    public boolean hasData(final int slot)
    {
        final DnsFlowState state = states[slot];
        return state != null && state.present;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        final DnsFlowState state = states[slot];
        writer.u16(state.answers)
            .u8(state.rcode)
            .u16(state.questionType)
            .u16(state.questionClass)
            .u32(state.ttl)
            .u16(state.rdata.length())
            .u16(state.payloadSize)
            .u8(state.dnssecOk)
            .u16(state.id)
            .bytes(state.name.bytes(), 0, state.name.length())
            .bytes(state.rdata.bytes(), 0, state.rdata.length());
    }
}
