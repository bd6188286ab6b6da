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
 * are 32-bit unsigned and stop at their maximum. Each slot owns 4 ints of a dense array and 32
 * of another:
 * <pre>
 *  marks:    [flags: bit 0 seen forward, bit 1 seen reverse, bit 2 no histograms][last ms fwd][last ms rev][unused]
 *  counters: [forward sizes 0..7][forward times 0..7][reverse sizes 0..7][reverse times 0..7]
 * </pre>
 * Times are kept as the low 32 bits of epoch milliseconds (as ipfixprobe keeps them); differences
 * are exact for gaps under 24 days. Not thread safe: owned by the capture worker.
 */
public final class PacketHistogramPlugin implements ProcessPlugin
{
    static final int BINS = 8;

    private static final int TCP_SYN = 0x02;
    private static final int MARKS = 4;
    private static final int FLAGS = 0;
    private static final int LAST = 1;
    private static final int COUNTERS = 4 * BINS;
    private static final int HIDDEN = 4;

    private final int[] marks;
    private final int[] counters;
    private final boolean includeZeros;

    public PacketHistogramPlugin(final int flowSlots, final boolean includeZeros)
    {
        this.marks = new int[Math.multiplyExact(flowSlots, MARKS)];
        this.counters = new int[Math.multiplyExact(flowSlots, COUNTERS)];
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
        Arrays.fill(marks, slot * MARKS, (slot + 1) * MARKS, 0);
        Arrays.fill(counters, slot * COUNTERS, (slot + 1) * COUNTERS, 0);
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
        final int[] m = marks;
        final int[] c = counters;
        final int at = slot * MARKS;
        final int direction = forward ? 0 : 1;
        final int from = slot * COUNTERS + (direction << 4);
        increment(c, from + bin(length));
        final int nowMs = (int)Math.floorDiv(packet.timestampNs(), 1_000_000L);
        final int seen = 1 << direction;
        if ((m[at + FLAGS] & seen) == 0)
        {
            m[at + FLAGS] |= seen;
        }
        else
        {
            increment(c, from + BINS + bin(Math.max(0, nowMs - m[at + LAST + direction])));
        }
        m[at + LAST + direction] = nowMs;
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

    private static void increment(final int[] s, final int index)
    {
        if (s[index] != -1)
        {
            s[index]++;
        }
    }

    @Override
    public void beforeExport(final FlowContext flow)
    {
        final FlowTable table = flow.table();
        final int slot = flow.slot();
        final long packets = table.forwardPackets(slot) + table.reversePackets(slot);
        final int flags = table.forwardTcpFlags(slot) | table.reverseTcpFlags(slot);
        if (packets <= 1 && (flags & TCP_SYN) != 0)
        {
            marks[slot * MARKS + FLAGS] |= HIDDEN;
        }
    }

    @Override
    public boolean hasData(final int slot)
    {
        return (marks[slot * MARKS + FLAGS] & HIDDEN) == 0;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        final int from = slot * COUNTERS;
        list(writer, from);
        list(writer, from + 2 * BINS);
        list(writer, from + BINS);
        list(writer, from + 3 * BINS);
    }

    private void list(final RecordWriter writer, final int from)
    {
        writer.listCount(BINS);
        for (int i = 0; i < BINS; i++)
        {
            writer.u32(counters[from + i] & 0xFFFF_FFFFL);
        }
    }
}
