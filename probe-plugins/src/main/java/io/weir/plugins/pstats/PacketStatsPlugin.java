package io.weir.plugins.pstats;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.flow.FlowTable;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;

/**
 * ipfixprobe's pstats: length (payload on the wire), time, direction and TCP flags of the first
 * packets of a flow, packets without payload left out unless {@code includezeros}, TCP
 * retransmissions left out with {@code skipdup}. A flow of one packet that carries SYN (a scan)
 * gets no lists. All state is allocated with the plugin, per slot: the number of entries (in a
 * dense int array, so that the count a packet reads is usually cached), the time of the flow's first
 * packet, {@code count} entries of one long each, and with {@code skipdup} the previous sequence,
 * acknowledgement, length and flags of each direction. An entry:
 * <pre>
 *   63                            25 24          9 8       1 0
 *  +-------------------------------+-------------+---------+---+
 *  | time - first, µs (signed)     | length      | flags   |rev|
 *  +-------------------------------+-------------+---------+---+
 * </pre>
 * so that a listed packet writes one long next to the ones before it.
 * Not thread safe: owned by the capture worker.
 */
public final class PacketStatsPlugin implements ProcessPlugin
{
    private static final int TCP_SYN = 0x02;
    private static final int PROTOCOL_TCP = 6;
    private static final int HIDDEN = 1 << 31;
    private static final int TIME_SHIFT = 25;
    private static final long TIME_LIMIT = (1L << 38) - 1;
    private static final long SEQUENCE_WRAP = -4252017623L;
    private static final int DUPLICATE_STRIDE = 3;
    private static final int LENGTH_FLAGS = 2;

    private final int[] counts;
    private final long[] firstMicros;
    private final long[] entries;
    private final long[] previous;
    private final int count;
    private final boolean includeZeros;
    private final boolean skipDuplicates;

    public PacketStatsPlugin(final int flowSlots, final int count, final boolean includeZeros,
                             final boolean skipDuplicates)
    {
        this.count = count;
        this.includeZeros = includeZeros;
        this.skipDuplicates = skipDuplicates;
        this.counts = new int[flowSlots];
        this.firstMicros = new long[flowSlots];
        this.entries = new long[Math.multiplyExact(flowSlots, count)];
        this.previous = skipDuplicates ? new long[Math.multiplyExact(flowSlots, DUPLICATE_STRIDE)] : null;
    }

    @Override
    public String name()
    {
        return PacketStatsPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return PacketStatsFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        final int slot = flow.slot();
        counts[slot] = 0;
        firstMicros[slot] = Math.floorDiv(packet.timestampNs(), 1000L);
        if (skipDuplicates)
        {
            final int at = slot * DUPLICATE_STRIDE;
            previous[at] = 0;
            previous[at + 1] = 0;
            previous[at + LENGTH_FLAGS] = 0;
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
        final int listed = counts[slot];
        if (skipDuplicates && isDuplicate(slot, forward, packet, listed))
        {
            return;
        }
        final int length = packet.payloadLengthWire() & 0xFFFF;
        if (listed >= count || (length == 0 && !includeZeros))
        {
            return;
        }
        long time = Math.floorDiv(packet.timestampNs(), 1000L) - firstMicros[slot];
        if (time > TIME_LIMIT)
        {
            time = TIME_LIMIT;
        }
        else if (time < -TIME_LIMIT)
        {
            time = -TIME_LIMIT;
        }
        entries[slot * count + listed] = (time << TIME_SHIFT) | ((long)length << 9)
            | ((packet.tcpFlags() & 0xFFL) << 1) | (forward ? 0 : 1);
        counts[slot] = listed + 1;
    }

    /**
     * ipfixprobe's skipdup test: a TCP packet whose sequence and acknowledgement numbers did not
     * advance past the previous packet's in its direction, with the same captured payload length and
     * flags, is a retransmission. Every packet that is not one becomes the direction's previous.
     */
    private boolean isDuplicate(final int slot, final boolean forward, final PacketView packet, final int listed)
    {
        final long[] p = previous;
        final int at = slot * DUPLICATE_STRIDE;
        final int direction = forward ? 0 : 1;
        final long last = p[at + direction];
        final int shift = direction << 5;
        final int lengthFlags = (int)(p[at + LENGTH_FLAGS] >>> shift);
        final long sequence = packet.tcpSequence() & 0xFFFF_FFFFL;
        final long acknowledgement = packet.tcpAcknowledgement() & 0xFFFF_FFFFL;
        final int current = (packet.payloadLength() & 0xFFFF) | ((packet.tcpFlags() & 0xFF) << 16);
        if (packet.protocol() == PROTOCOL_TCP && listed != 0 && current == lengthFlags
            && notAdvanced(sequence, last >>> 32) && notAdvanced(acknowledgement, last & 0xFFFF_FFFFL))
        {
            return true;
        }
        p[at + direction] = (sequence << 32) | acknowledgement;
        p[at + LENGTH_FLAGS] = (p[at + LENGTH_FLAGS] & ~(0xFFFF_FFFFL << shift)) | ((current & 0xFFFF_FFFFL) << shift);
        return false;
    }

    private static boolean notAdvanced(final long current, final long previous)
    {
        return current <= previous && current - previous >= SEQUENCE_WRAP;
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
            counts[slot] |= HIDDEN;
        }
    }

    @Override
    public boolean hasData(final int slot)
    {
        return (counts[slot] & HIDDEN) == 0;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        final long[] e = entries;
        final int listed = counts[slot] & ~HIDDEN;
        final int first = slot * count;
        final long base = firstMicros[slot];
        writer.listCount(listed);
        for (int i = 0; i < listed; i++)
        {
            writer.u16((int)(e[first + i] >>> 9) & 0xFFFF);
        }
        writer.listCount(listed);
        for (int i = 0; i < listed; i++)
        {
            writer.timeNs((base + (e[first + i] >> TIME_SHIFT)) * 1000L);
        }
        writer.listCount(listed);
        for (int i = 0; i < listed; i++)
        {
            writer.u8((int)(e[first + i] >>> 1) & 0xFF);
        }
        writer.listCount(listed);
        for (int i = 0; i < listed; i++)
        {
            writer.u8((e[first + i] & 1) == 0 ? 1 : -1);
        }
    }
}
