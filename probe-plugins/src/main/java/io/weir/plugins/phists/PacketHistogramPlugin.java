package io.weir.plugins.phists;

import java.util.Arrays;
import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.flow.FlowTable;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;

/**
 * ipfixprobe's phists: per direction, a histogram of payload sizes (on the wire) and one of the
 * times between consecutive packets in milliseconds, each in 8 bins: 0-15, 16-31, 32-63, ...,
 * 512-1023, 1024 and more. Packets without payload are not counted (not even as a time mark)
 * unless {@code includezeros}. A flow of one packet that carries SYN gets no histograms. Counters
 * are 32-bit unsigned and stop at their maximum.
 * <p>
 * A packet touches 20 bytes of its slot (and one byte of a dense flag array), so that the per-slot
 * state a packet reads stays small: each counter's low 8 bits live next to the direction's last
 * time, and the rest (in units of 256) in a 32-int block per slot that is written only when a low
 * byte wraps, and zeroed only then for a new flow:
 * <pre>
 *  flags (1 byte per slot):  bit 0 seen forward | bit 1 seen reverse | bit 2 high parts in use | bit 3 no histograms
 *  low (40 bytes per slot):  [last ms fwd (4)][fwd sizes 0..7][fwd times 0..7][last ms rev (4)][rev sizes][rev times]
 *  high (32 ints per slot):  [fwd sizes][fwd times][rev sizes][rev times], counts of 256
 * </pre>
 * Times are kept as the low 32 bits of epoch milliseconds (as ipfixprobe keeps them); differences
 * are exact for gaps under 24 days. Not thread safe: owned by the capture worker.
 */
public final class PacketHistogramPlugin implements ProcessPlugin
{
    static final int BINS = 8;

    private static final int TCP_SYN = 0x02;
    private static final int SEEN_FORWARD = 1;
    private static final int HIGH_IN_USE = 4;
    private static final int HIDDEN = 8;
    private static final int DIRECTION_BYTES = 4 + 2 * BINS;
    private static final int SLOT_BYTES = 2 * DIRECTION_BYTES;
    private static final int HIGH_INTS = 4 * BINS;
    private static final long COUNTER_MAX = 0xFFFF_FFFFL;

    private final byte[] flags;
    private final byte[] low;
    private final int[] high;
    private final boolean includeZeros;

    public PacketHistogramPlugin(final int flowSlots, final boolean includeZeros)
    {
        this.flags = new byte[flowSlots];
        this.low = new byte[Math.multiplyExact(flowSlots, SLOT_BYTES)];
        this.high = new int[Math.multiplyExact(flowSlots, HIGH_INTS)];
        this.includeZeros = includeZeros;
    }

    @Override
    public String name()
    {
        return PacketHistogramPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return PacketHistogramFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        final int slot = flow.slot();
        flags[slot] = 0;
        Arrays.fill(low, slot * SLOT_BYTES, (slot + 1) * SLOT_BYTES, (byte)0);
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
        if (length == 0 && !includeZeros)
        {
            return;
        }
        final int direction = forward ? 0 : 1;
        final int at = slot * SLOT_BYTES + direction * DIRECTION_BYTES;
        final int counter = direction * 2 * BINS;
        increment(slot, at + 4, counter, bin(length));
        final int nowMs = (int)Math.floorDiv(packet.timestampNs(), 1_000_000L);
        final int seen = SEEN_FORWARD << direction;
        if ((flags[slot] & seen) == 0)
        {
            flags[slot] |= (byte)seen;
        }
        else
        {
            increment(slot, at + 4 + BINS, counter + BINS, bin(Math.max(0, nowMs - lastMs(at))));
        }
        low[at] = (byte)(nowMs >>> 24);
        low[at + 1] = (byte)(nowMs >>> 16);
        low[at + 2] = (byte)(nowMs >>> 8);
        low[at + 3] = (byte)nowMs;
    }

    private int lastMs(final int at)
    {
        final byte[] b = low;
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    /** The bin of a non-negative value: 0 for 0..15, then one per power of two, 7 for 1024 and more. */
    static int bin(final int value)
    {
        if (value < 16)
        {
            return 0;
        }
        if (value > 1023)
        {
            return BINS - 1;
        }
        return 28 - Integer.numberOfLeadingZeros(value);
    }

    private void increment(final int slot, final int lowBins, final int highBins, final int bin)
    {
        final int index = lowBins + bin;
        final byte value = (byte)(low[index] + 1);
        low[index] = value;
        if (value == 0)
        {
            if ((flags[slot] & HIGH_IN_USE) == 0)
            {
                flags[slot] |= HIGH_IN_USE;
                Arrays.fill(high, slot * HIGH_INTS, (slot + 1) * HIGH_INTS, 0);
            }
            final int h = slot * HIGH_INTS + highBins + bin;
            if (high[h] != -1)
            {
                high[h]++;
            }
        }
    }

    @Override
    public void beforeExport(final FlowContext flow)
    {
        final FlowTable table = flow.table();
        final int slot = flow.slot();
        final long packets = table.forwardPackets(slot) + table.reversePackets(slot);
        final int tcpFlags = table.forwardTcpFlags(slot) | table.reverseTcpFlags(slot);
        if (packets <= 1 && (tcpFlags & TCP_SYN) != 0)
        {
            flags[slot] |= HIDDEN;
        }
    }

    @Override
    public boolean hasData(final int slot)
    {
        return (flags[slot] & HIDDEN) == 0;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        list(writer, slot, 0, 0);
        list(writer, slot, 1, 0);
        list(writer, slot, 0, BINS);
        list(writer, slot, 1, BINS);
    }

    private void list(final RecordWriter writer, final int slot, final int direction, final int histogram)
    {
        final boolean highInUse = (flags[slot] & HIGH_IN_USE) != 0;
        final int lowBins = slot * SLOT_BYTES + direction * DIRECTION_BYTES + 4 + histogram;
        final int highBins = slot * HIGH_INTS + direction * 2 * BINS + histogram;
        writer.listCount(BINS);
        for (int i = 0; i < BINS; i++)
        {
            final long count = (low[lowBins + i] & 0xFFL) + (highInUse ? (high[highBins + i] & COUNTER_MAX) << 8 : 0);
            writer.u32(Math.min(count, COUNTER_MAX));
        }
    }
}
