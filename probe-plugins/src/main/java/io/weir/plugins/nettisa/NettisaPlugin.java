package io.weir.plugins.nettisa;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.flow.FlowTable;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;

/**
 * ipfixprobe's nettisa: running statistics of the payload lengths (on the wire) and times (µs)
 * of every packet of a flow, finished when the flow ends; flows of one packet get none. The
 * arithmetic is done as ipfixprobe does it, in 32-bit floats where it keeps floats and with its
 * integer mean in the standard deviation, so that the values agree to the printed precision
 * ({@link NettisaStatistics}). Per slot: 11 floats, 2 ints, 3 longs in three arrays.
 * Not thread safe: owned by the capture worker.
 */
public final class NettisaPlugin implements ProcessPlugin
{
    private final NettisaStatistics statistics;

    public NettisaPlugin(final int flowSlots)
    {
        this.statistics = new NettisaStatistics(flowSlots);
    }

    @Override
    public String name()
    {
        return NettisaPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return NettisaFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        final int slot = flow.slot();
        final long timeMicros = Math.floorDiv(packet.timestampNs(), 1000L);
        statistics.reset(slot, timeMicros);
        onPacket(flow, packet, timeMicros);
        return CONTINUE;
    }

    @Override
    public int onUpdate(final FlowContext flow, final PacketView packet)
    {
        onPacket(flow, packet, Math.floorDiv(packet.timestampNs(), 1000L));
        return CONTINUE;
    }

    private void onPacket(final FlowContext flow, final PacketView packet, final long timeMicros)
    {
        final FlowTable table = flow.table();
        final int slot = flow.slot();
        final long packets = table.forwardPackets(slot) + table.reversePackets(slot);
        statistics.add(slot, packets, packet.payloadLengthWire() & 0xFFFF, packet.wireLength() & 0xFFFF,
            timeMicros);
    }

    @Override
    public void beforeExport(final FlowContext flow)
    {
        final FlowTable table = flow.table();
        final int slot = flow.slot();
        statistics.finish(slot, table.forwardPackets(slot) + table.reversePackets(slot));
    }

    @Override
    public boolean hasData(final int slot)
    {
        return statistics.finished(slot);
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        final NettisaStatistics s = statistics;
        writer.f32(s.mean(slot))
            .u16(s.min(slot))
            .u16(s.max(slot))
            .f32(s.standardDeviation(slot))
            .f32(s.kurtosis(slot))
            .f32(s.rootMeanSquare(slot))
            .f32(s.averageDispersion(slot))
            .f32(s.meanScaledTime(slot))
            .f32(s.meanDifftimes(slot))
            .f32(s.minDifftimes(slot))
            .f32(s.maxDifftimes(slot))
            .f32(s.timeDistribution(slot))
            .f32(s.switchingRatio(slot));
    }
}
