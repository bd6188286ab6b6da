package io.weir.plugins.bstats;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.flow.FlowTable;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;

/**
 * ipfixprobe's bstats: in each direction, packets with payload that follow each other by less than
 * a second form a run; a run of at least 3 packets is a burst; the first 15 bursts of each
 * direction are exported with their packets, payload bytes (32-bit, wrapping as ipfixprobe's do),
 * and first and last times. Flows of 3 packets or fewer get no bursts.
 * <p>
 * Per slot and direction the open run lives in 4 longs of the header array, so that a packet
 * touches one cache line (both directions of a slot share one); a run is copied to the bursts
 * array only when it closes as a burst:
 * <pre>
 *  header, per direction: [bursts (low 16 bits) | bit 16 run open | bit 17 no bursts][run start µs]
 *                         [run end µs][run packets (high 32) | run bytes (low 32)]
 *  bursts, per direction: 15 x [start µs][end µs][packets | bytes]
 * </pre>
 * Not thread safe: owned by the capture worker.
 */
public final class BurstStatsPlugin implements ProcessPlugin
{
    static final int MAX_BURSTS = 15;
    static final int MIN_PACKETS = 3;
    static final long MAX_GAP_MICROS = 1_000_000L;

    private static final int HEADER_STRIDE = 8;
    private static final int BURST_LONGS = 3;
    private static final int BURSTS_PER_DIRECTION = MAX_BURSTS * BURST_LONGS;
    private static final int BURSTS_STRIDE = 2 * BURSTS_PER_DIRECTION;
    private static final long COUNT_MASK = 0xFFFF;
    private static final long OPEN = 1L << 16;
    private static final long HIDDEN = 1L << 17;

    private final long[] header;
    private final long[] bursts;

    public BurstStatsPlugin(final int flowSlots)
    {
        this.header = new long[Math.multiplyExact(flowSlots, HEADER_STRIDE)];
        this.bursts = new long[Math.multiplyExact(flowSlots, BURSTS_STRIDE)];
    }

    @Override
    public String name()
    {
        return BurstStatsPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return BurstStatsFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        final int slot = flow.slot();
        final int at = slot * HEADER_STRIDE;
        for (int i = 0; i < HEADER_STRIDE; i++)
        {
            header[at + i] = 0;
        }
        onPacket(slot, flow.forward(), packet);
        return CONTINUE;
    }

    @Override
    public int onUpdate(final FlowContext flow, final PacketView packet)
    {
        onPacket(flow.slot(), flow.forward(), packet);
        return CONTINUE;
    }

    private void onPacket(final int slot, final boolean forward, final PacketView packet)
    {
        final int length = packet.payloadLengthWire() & 0xFFFF;
        final long[] h = header;
        final int at = slot * HEADER_STRIDE + (forward ? 0 : 4);
        final long word = h[at];
        final int count = (int)(word & COUNT_MASK);
        if (length == 0 || count >= MAX_BURSTS)
        {
            return;
        }
        final long now = Math.floorDiv(packet.timestampNs(), 1000L);
        if ((word & OPEN) != 0)
        {
            if (now - h[at + 2] < MAX_GAP_MICROS)
            {
                final long run = h[at + 3];
                h[at + 2] = now;
                h[at + 3] = (((run >>> 32) + 1) << 32) | ((run + length) & 0xFFFF_FFFFL);
                return;
            }
            if ((h[at + 3] >>> 32) >= MIN_PACKETS)
            {
                close(slot, forward, at, count);
                if (count + 1 >= MAX_BURSTS)
                {
                    return;
                }
            }
        }
        else
        {
            h[at] = word | OPEN;
        }
        h[at + 1] = now;
        h[at + 2] = now;
        h[at + 3] = (1L << 32) | length;
    }

    private void close(final int slot, final boolean forward, final int at, final int count)
    {
        final long[] h = header;
        final int to = slot * BURSTS_STRIDE + (forward ? 0 : BURSTS_PER_DIRECTION) + count * BURST_LONGS;
        bursts[to] = h[at + 1];
        bursts[to + 1] = h[at + 2];
        bursts[to + 2] = h[at + 3];
        h[at] = (h[at] & ~COUNT_MASK) | (count + 1);
        h[at + 3] = 0;
    }

    @Override
    public void beforeExport(final FlowContext flow)
    {
        final FlowTable table = flow.table();
        final int slot = flow.slot();
        final int at = slot * HEADER_STRIDE;
        if (table.forwardPackets(slot) + table.reversePackets(slot) <= MIN_PACKETS)
        {
            header[at] |= HIDDEN;
            return;
        }
        for (int direction = 0; direction < 2; direction++)
        {
            final int d = at + direction * 4;
            final int count = (int)(header[d] & COUNT_MASK);
            if (count < MAX_BURSTS && (header[d + 3] >>> 32) >= MIN_PACKETS)
            {
                close(slot, direction == 0, d, count);
            }
        }
    }

    @Override
    public boolean hasData(final int slot)
    {
        return (header[slot * HEADER_STRIDE] & HIDDEN) == 0;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        direction(slot, 0, writer);
        direction(slot, 1, writer);
    }

    private void direction(final int slot, final int direction, final RecordWriter writer)
    {
        final int count = (int)(header[slot * HEADER_STRIDE + direction * 4] & COUNT_MASK);
        final int from = slot * BURSTS_STRIDE + direction * BURSTS_PER_DIRECTION;
        final long[] b = bursts;
        writer.listCount(count);
        for (int i = 0; i < count; i++)
        {
            writer.u32(b[from + i * BURST_LONGS + 2] >>> 32);
        }
        writer.listCount(count);
        for (int i = 0; i < count; i++)
        {
            writer.u32(b[from + i * BURST_LONGS + 2] & 0xFFFF_FFFFL);
        }
        writer.listCount(count);
        for (int i = 0; i < count; i++)
        {
            writer.timeNs(b[from + i * BURST_LONGS] * 1000L);
        }
        writer.listCount(count);
        for (int i = 0; i < count; i++)
        {
            writer.timeNs(b[from + i * BURST_LONGS + 1] * 1000L);
        }
    }
}
