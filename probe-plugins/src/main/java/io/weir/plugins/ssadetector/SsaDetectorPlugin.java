package io.weir.plugins.ssadetector;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;

/**
 * SYN/SYN-ACK/ACK tunnel detector, as ipfixprobe's ssadetector plugin (see {@link SsaFlows}): looks
 * only at payload lengths, and only from a flow's 30th packet on; flows of more than 30 packets get
 * the level, 0 or 1. Per-flow tables come from a pool and go back when the flow ends. A new flow
 * needs no set-up: the end of the slot's previous flow left its state clear. Not thread safe: owned
 * by the capture worker.
 */
public final class SsaDetectorPlugin implements ProcessPlugin
{
    private static final long NANOS_PER_MICRO = 1000L;
    private static final int INITIAL_BLOCKS = 64;

    private final SynTablePool pool = new SynTablePool(INITIAL_BLOCKS, SsaFlows.MAX_BLOCKS);
    private final SsaFlows flows;

    public SsaDetectorPlugin(final int flowSlots)
    {
        this.flows = new SsaFlows(flowSlots, pool);
    }

    @Override
    public String name()
    {
        return SsaDetectorPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return SsaFields.ALL;
    }

    @Override
    public int onUpdate(final FlowContext flow, final PacketView packet)
    {
        final long packets = flow.forwardPackets() + flow.reversePackets();
        if (packets >= SsaFlows.FIRST_EXAMINED_PACKET)
        {
            flows.onPacket(flow.slot(), packets, packet.payloadLength(), flow.forward() ? 0 : 1,
                Math.floorDiv(packet.timestampNs(), NANOS_PER_MICRO));
        }
        return CONTINUE;
    }

    @Override
    public void beforeExport(final FlowContext flow)
    {
        flows.onEnd(flow.slot(), flow.forwardPackets() + flow.reversePackets());
    }

    @Override
    public boolean hasData(final int slot)
    {
        return flows.exported(slot);
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        writer.u8(flows.level(slot));
    }

    /** Detector blocks lent to flows that have not ended. */
    public int blocksLent()
    {
        return pool.lent();
    }
}
