package io.weir.plugins.smtp;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.plugins.text.FlowStatePool;

/**
 * ipfixprobe's smtp plugin: commands and reply codes of TCP connections to or from port 25
 * (a packet from port 25 is the server's). Other traffic costs a protocol and port check.
 * Not thread safe: owned by the capture worker.
 */
public final class SmtpPlugin implements ProcessPlugin
{
    public static final int SMTP_PORT = 25;
    private static final int TCP = 6;

    private final FlowStatePool<SmtpFlow> flows;
    private final SmtpParser parser = new SmtpParser();

    public SmtpPlugin(final int flowSlots)
    {
        this.flows = new FlowStatePool<>(flowSlots, SmtpFlow::new);
    }

    @Override
    public String name()
    {
        return SmtpPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return SmtpFields.ALL;
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
        if (isSmtp(packet))
        {
            final SmtpFlow state = flows.acquire(flow.slot());
            state.reset();
            read(state, packet);
        }
        return CONTINUE;
    }

    @Override
    public int beforeUpdate(final FlowContext flow, final PacketView packet)
    {
        if (isSmtp(packet))
        {
            SmtpFlow state = flows.get(flow.slot());
            if (state == null)
            {
                state = flows.acquire(flow.slot());
                state.reset();
            }
            read(state, packet);
        }
        return CONTINUE;
    }

    @Override
    public void beforeExport(final FlowContext flow)
    {
        flows.releaseAfterExport(flow.slot());
    }

    @Override
    public boolean hasData(final int slot)
    {
        final SmtpFlow state = flows.get(slot);
        return state != null && state.hasData;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        final SmtpFlow state = flows.get(slot);
        if (state == null)
        {
            return;
        }
        writer.u32(state.commandFlags);
        writer.u32(state.mailCount);
        writer.u32(state.rcptCount);
        writer.u32(state.statusFlags);
        writer.u32(state.code2xx);
        writer.u32(state.code3xx);
        writer.u32(state.code4xx);
        writer.u32(state.code5xx);
        state.domain.write(writer);
        state.firstSender.write(writer);
        state.firstRecipient.write(writer);
    }

    /** The state of the flow in this slot, or null: for tests. */
    public SmtpFlow flowState(final int slot)
    {
        return flows.get(slot);
    }

    private void read(final SmtpFlow state, final PacketView packet)
    {
        if (packet.payloadLength() == 0)
        {
            return;
        }
        if (packet.sourcePort() == SMTP_PORT)
        {
            parser.onServer(state, packet.buffer(), packet.payloadOffset(), packet.payloadLength());
        }
        else
        {
            parser.onClient(state, packet.buffer(), packet.payloadOffset(), packet.payloadLength());
        }
    }

    private static boolean isSmtp(final PacketView packet)
    {
        return packet.protocol() == TCP && (packet.sourcePort() == SMTP_PORT || packet.destinationPort() == SMTP_PORT);
    }
}
