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
 * gets no lists. Each slot owns one run of longs in a single array, allocated with the plugin:
 * <pre>
 *  slot run: [header][base µs][skipdup state: seq/ack dir 0, seq/ack dir 1, length/flags][entry 0..count-1]
 *
 *  header:  count of entries (low 32 bits) | bit 32: no lists for this flow
 *  entry:
 *   63                            25 24          9 8       1 0
 *  +-------------------------------+-------------+---------+---+
 *  | time - base, µs (signed)      | length      | flags   |rev|
 *  +-------------------------------+-------------+---------+---+
 * </pre>
 * so that a packet writes one long next to the ones before it. Not thread safe: owned by the
 * capture worker.
 */
public final class PacketStatsPlugin implements ProcessPlugin
{
    private static final int TCP_SYN = 0x02;
    private static final int PROTOCOL_TCP = 6;
    private static final long HIDDEN = 1L << 32;
    private static final int TIME_SHIFT = 25;
    private static final long TIME_LIMIT = (1L << 38) - 1;
    private static final long SEQUENCE_WRAP = -4252017623L;

    private static final int HEADER = 0;
    private static final int BASE = 1;
    private static final int SEQ_ACK = 2;
    private static final int LENGTH_FLAGS = 4;

    private final long[] state;
    private final int stride;
    private final int entries;
    private final int count;
    private final boolean includeZeros;
    private final boolean skipDuplicates;

    public PacketStatsPlugin(final int flowSlots, final int count, final boolean includeZeros,
                             final boolean skipDuplicates)
    {
        this.count = count;
        this.includeZeros = includeZeros;
        this.skipDuplicates = skipDuplicates;
        this.entries = skipDuplicates ? LENGTH_FLAGS + 1 : SEQ_ACK;
        this.stride = entries + count;
        this.state = new long[Math.multiplyExact(flowSlots, stride)];
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
        final long[] s = state;
        final int at = flow.slot() * stride;
        s[at + HEADER] = 0;
        s[at + BASE] = Math.floorDiv(packet.timestampNs(), 1000L);
        if (skipDuplicates)
        {
            s[at + SEQ_ACK] = 0;
            s[at + SEQ_ACK + 1] = 0;
            s[at + LENGTH_FLAGS] = 0;
        }
        onPacket(at, flow.forward(), packet);
        return CONTINUE;
    }

    @Override
    public int onUpdate(final FlowContext flow, final PacketView packet)
    {
        onPacket(flow.slot() * stride, flow.forward(), packet);
        return CONTINUE;
    }

    private void onPacket(final int at, final boolean forward, final PacketView packet)
    {
        final long[] s = state;
        final int listed = (int)s[at + HEADER];
        if (skipDuplicates && isDuplicate(at, forward, packet, listed))
        {
            return;
        }
        final int length = packet.payloadLengthWire() & 0xFFFF;
        if (listed >= count || (length == 0 && !includeZeros))
        {
            return;
        }
        long time = Math.floorDiv(packet.timestampNs(), 1000L) - s[at + BASE];
        if (time > TIME_LIMIT)
        {
            time = TIME_LIMIT;
        }
        else if (time < -TIME_LIMIT)
        {
            time = -TIME_LIMIT;
        }
        s[at + entries + listed] = (time << TIME_SHIFT) | ((long)length << 9) | ((packet.tcpFlags() & 0xFFL) << 1)
            | (forward ? 0 : 1);
        s[at + HEADER] = listed + 1;
    }

    /**
     * ipfixprobe's skipdup test: a TCP packet whose sequence and acknowledgement numbers did not
     * advance past the previous packet's in its direction, with the same captured payload length and
     * flags, is a retransmission. Every packet that is not one becomes the direction's previous.
     */
    private boolean isDuplicate(final int at, final boolean forward, final PacketView packet, final int listed)
    {
        final long[] s = state;
        final int direction = forward ? 0 : 1;
        final long previous = s[at + SEQ_ACK + direction];
        final int lengthFlags = (int)(s[at + LENGTH_FLAGS] >>> (direction << 5));
        final long sequence = packet.tcpSequence() & 0xFFFF_FFFFL;
        final long acknowledgement = packet.tcpAcknowledgement() & 0xFFFF_FFFFL;
        final int current = (packet.payloadLength() & 0xFFFF) | ((packet.tcpFlags() & 0xFF) << 16);
        if (packet.protocol() == PROTOCOL_TCP && listed != 0 && current == lengthFlags
            && notAdvanced(sequence, previous >>> 32) && notAdvanced(acknowledgement, previous & 0xFFFF_FFFFL))
        {
            return true;
        }
        s[at + SEQ_ACK + direction] = (sequence << 32) | acknowledgement;
        final int shift = direction << 5;
        s[at + LENGTH_FLAGS] = (s[at + LENGTH_FLAGS] & ~(0xFFFF_FFFFL << shift)) | ((current & 0xFFFF_FFFFL) << shift);
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
            state[slot * stride + HEADER] |= HIDDEN;
        }
    }

    @Override
    public boolean hasData(final int slot)
    {
        return (state[slot * stride + HEADER] & HIDDEN) == 0;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        final long[] s = state;
        final int at = slot * stride;
        final int listed = (int)s[at + HEADER];
        final int first = at + entries;
        final long base = s[at + BASE];
        writer.listCount(listed);
        for (int i = 0; i < listed; i++)
        {
            writer.u16((int)(s[first + i] >>> 9) & 0xFFFF);
        }
        writer.listCount(listed);
        for (int i = 0; i < listed; i++)
        {
            writer.timeNs((base + (s[first + i] >> TIME_SHIFT)) * 1000L);
        }
        writer.listCount(listed);
        for (int i = 0; i < listed; i++)
        {
            writer.u8((int)(s[first + i] >>> 1) & 0xFF);
        }
        writer.listCount(listed);
        for (int i = 0; i < listed; i++)
        {
            writer.u8((s[first + i] & 1) == 0 ? 1 : -1);
        }
    }
}
