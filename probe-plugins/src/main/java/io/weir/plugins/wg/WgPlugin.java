package io.weir.plugins.wg;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;

/**
 * WireGuard detector, as ipfixprobe's wg plugin: a UDP flow whose first packet is a WireGuard
 * message is followed while its packets stay WireGuard messages (the first that is not sets the
 * confidence to 0 and ends the following); a handshake initiation with a new sender index ends
 * the flow before it, and the initiation starts the next flow, same orientation. Other flows cost
 * a protocol check per packet and one byte per slot when created. Not thread safe: owned by the
 * capture worker.
 */
public final class WgPlugin implements ProcessPlugin
{
    private static final int UDP = 17;

    private final WgFlows flows;

    public WgPlugin(final int flowSlots)
    {
        this.flows = new WgFlows(flowSlots);
    }

    @Override
    public String name()
    {
        return WgPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return WgFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        final int slot = flow.slot();
        flows.reset(slot);
        if (packet.protocol() == UDP && flows.onPayload(slot, packet.buffer(), packet.payloadOffset(),
            packet.payloadLength(), flow.forward(), true) == WgFlows.MESSAGE)
        {
            flows.track(slot);
        }
        return CONTINUE;
    }

    @Override
    public int beforeUpdate(final FlowContext flow, final PacketView packet)
    {
        if (packet.protocol() != UDP)
        {
            return CONTINUE;
        }
        final int slot = flow.slot();
        if (flows.confidence(slot) == 0)
        {
            return CONTINUE;
        }
        final int result = flows.onPayload(slot, packet.buffer(), packet.payloadOffset(), packet.payloadLength(),
            flow.forward(), false);
        if (result == WgFlows.NEW_SESSION)
        {
            return FLUSH_WITH_REINSERT;
        }
        if (result == WgFlows.NOT_WIREGUARD)
        {
            flows.notWireGuard(slot);
        }
        return CONTINUE;
    }

    @Override
    public boolean hasData(final int slot)
    {
        return flows.tracked(slot);
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        writer.u8(flows.confidence(slot))
            .u32(flows.sourcePeer(slot) & 0xFFFF_FFFFL)
            .u32(flows.destinationPeer(slot) & 0xFFFF_FFFFL);
    }
}
