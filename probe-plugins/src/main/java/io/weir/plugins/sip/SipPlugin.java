package io.weir.plugins.sip;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.plugins.text.FlowStatePool;

/**
 * ipfixprobe's sip plugin: every SIP message (recognised by its first bytes, on any TCP or UDP
 * port) is a flow of its own. A message on an existing flow ends it and starts the next one with
 * that packet ({@link #FLUSH_WITH_REINSERT}); the new flow reads the message. Other payloads
 * cost a length check and, from 64 bytes up, one read of their first four bytes.
 * Not thread safe: owned by the capture worker.
 */
public final class SipPlugin implements ProcessPlugin
{
    private static final int TCP = 6;
    private static final int UDP = 17;

    private final FlowStatePool<SipFlow> flows;
    private final SipParser parser = new SipParser();

    public SipPlugin(final int flowSlots)
    {
        this.flows = new FlowStatePool<>(flowSlots, SipFlow::new);
    }

    @Override
    public String name()
    {
        return SipPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return SipFields.ALL;
    }

    @Override
    public int beforeCreate(final PacketView packet)
    {
        flows.releasePending();
        return CONTINUE;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        flows.releasePending();
        flows.release(flow.slot());
        final int type = messageType(packet);
        if (type != SipMessage.INVALID)
        {
            parser.parse(flows.acquire(flow.slot()), type, packet.buffer(), packet.payloadOffset(),
                packet.payloadLength());
        }
        return CONTINUE;
    }

    @Override
    public int beforeUpdate(final FlowContext flow, final PacketView packet)
    {
        return messageType(packet) != SipMessage.INVALID ? FLUSH_WITH_REINSERT : CONTINUE;
    }

    @Override
    public void beforeExport(final FlowContext flow)
    {
        flows.releaseAfterExport(flow.slot());
    }

    @Override
    public boolean hasData(final int slot)
    {
        final SipFlow state = flows.get(slot);
        return state != null && state.messageType != SipMessage.INVALID;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        final SipFlow state = flows.get(slot);
        if (state == null)
        {
            return;
        }
        writer.u16(state.messageType);
        writer.u16(state.statusCode);
        state.cseq.write(writer);
        state.callingParty.write(writer);
        state.calledParty.write(writer);
        state.callId.write(writer);
        state.userAgent.write(writer);
        state.requestUri.write(writer);
        state.via.write(writer);
    }

    /** The state of the flow in this slot, or null: for tests. */
    public SipFlow flowState(final int slot)
    {
        return flows.get(slot);
    }

    private static int messageType(final PacketView packet)
    {
        if (packet.payloadLength() < SipMessage.MIN_LENGTH)
        {
            return SipMessage.INVALID;
        }
        final int protocol = packet.protocol();
        if (protocol != TCP && protocol != UDP)
        {
            return SipMessage.INVALID;
        }
        return SipMessage.type(packet.buffer(), packet.payloadOffset(), packet.payloadLength());
    }
}
