package io.weir.plugins.dnssd;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.plugins.dnsmessage.TextBuffer;

/**
 * ipfixprobe's dnssd plugin: packets to or from port 5353 are read as mDNS / DNS-SD messages;
 * a flow carries the plugin's fields once one of its messages was read, and later messages add
 * to them. Not thread safe: one instance per capture worker.
 */
final class DnsSdPlugin implements ProcessPlugin
{
    static final int PORT = 5353;
    /** Longest DNSSD_RESPONSES value; only whole entries are written. */
    static final int RESPONSES_CAPACITY = 8192;
    private static final int TCP = 6;

    private final DnsSdFlowState[] states;
    private final DnsSdParser parser;
    private final TextBuffer responses = new TextBuffer(RESPONSES_CAPACITY);
    private final TextBuffer entry = new TextBuffer(RESPONSES_CAPACITY);

    DnsSdPlugin(final int flowSlots, final TxtFilter txtFilter)
    {
        this.states = new DnsSdFlowState[flowSlots];
        this.parser = new DnsSdParser(txtFilter);
    }

    @Override
    public String name()
    {
        return DnsSdPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return DnsSdFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        final DnsSdFlowState state = states[flow.slot()];
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
        final int slot = flow.slot();
        DnsSdFlowState state = states[slot];
        if (state == null)
        {
            state = new DnsSdFlowState();
            states[slot] = state;
        }
        final boolean parsed = parser.parse(packet.buffer(), packet.payloadOffset(), packet.payloadLength(),
            packet.protocol() == TCP, state);
        if (parsed)
        {
            state.present = true;
        }
        else if (!state.present)
        {
            state.clear();
        }
        return CONTINUE;
    }

    @Override
    public boolean hasData(final int slot)
    {
        final DnsSdFlowState state = states[slot];
        return state != null && state.present;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        final DnsSdFlowState state = states[slot];
        responses.clear();
        for (int i = 0; i < state.responseCount; i++)
        {
            entry.clear();
            state.responses[i].render(entry);
            if (entry.cut() || responses.length() + entry.length() > responses.capacity())
            {
                break;
            }
            responses.append(entry);
        }
        writer.bytes(state.queries.bytes(), 0, state.queries.length())
            .bytes(responses.bytes(), 0, responses.length());
    }
}
