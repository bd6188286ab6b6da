package io.weir.plugins.basicplus;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;

/**
 * ipfixprobe's basicplus: per direction the IP flags, TCP window and MSS of the direction's first
 * packet, the highest TTL, and the OR of the TCP option kinds; the IP length of the flow's first
 * packet if it is a bare SYN. Every flow carries these fields. Per slot four longs:
 * <pre>
 *  [options forward][options reverse]
 *  [ttl fwd 8 | ttl rev 8 | flags fwd 8 | flags rev 8 | window fwd 16 | window rev 16]
 *  [mss fwd 16 | mss rev 16 | SYN size 16 | bit 48: reverse seen]
 * </pre>
 * Not thread safe: owned by the capture worker.
 */
public final class BasicPlusPlugin implements ProcessPlugin
{
    private static final int STRIDE = 4;
    private static final int OPTIONS = 0;
    private static final int IP = 2;
    private static final int TCP = 3;
    private static final int BARE_SYN = 0x02;
    private static final long REVERSE_SEEN = 1L << 48;

    private final long[] state;

    public BasicPlusPlugin(final int flowSlots)
    {
        this.state = new long[Math.multiplyExact(flowSlots, STRIDE)];
    }

    @Override
    public String name()
    {
        return BasicPlusPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return BasicPlusFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        final long[] s = state;
        final int at = flow.slot() * STRIDE;
        s[at + OPTIONS] = 0;
        s[at + OPTIONS + 1] = 0;
        s[at + IP] = 0;
        s[at + TCP] = packet.tcpFlags() == BARE_SYN ? (long)(packet.ipLength() & 0xFFFF) << 32 : 0;
        first(at, flow.forward() ? 0 : 1, packet);
        return CONTINUE;
    }

    @Override
    public int onUpdate(final FlowContext flow, final PacketView packet)
    {
        final long[] s = state;
        final int at = flow.slot() * STRIDE;
        final int direction = flow.forward() ? 0 : 1;
        final int ttlShift = 56 - (direction << 3);
        final long ip = s[at + IP];
        if (packet.ttl() > ((ip >>> ttlShift) & 0xFF))
        {
            s[at + IP] = (ip & ~(0xFFL << ttlShift)) | ((long)packet.ttl() << ttlShift);
        }
        if (direction == 1 && (s[at + TCP] & REVERSE_SEEN) == 0)
        {
            first(at, 1, packet);
        }
        else
        {
            s[at + OPTIONS + direction] |= packet.tcpOptions();
        }
        return CONTINUE;
    }

    /** The first packet of a direction: its values replace the direction's. */
    private void first(final int at, final int direction, final PacketView packet)
    {
        final long[] s = state;
        final int ttlShift = 56 - (direction << 3);
        final int flagsShift = 40 - (direction << 3);
        final int windowShift = 16 - (direction << 4);
        final long keep = ~((0xFFL << ttlShift) | (0xFFL << flagsShift) | (0xFFFFL << windowShift));
        s[at + IP] = (s[at + IP] & keep) | ((long)(packet.ttl() & 0xFF) << ttlShift)
            | ((long)(packet.ipFlags() & 0xFF) << flagsShift) | ((long)(packet.tcpWindow() & 0xFFFF) << windowShift);
        final int mssShift = 16 - (direction << 4);
        s[at + TCP] = (s[at + TCP] & ~(0xFFFFL << mssShift)) | ((long)(packet.tcpMss() & 0xFFFF) << mssShift)
            | (direction == 1 ? REVERSE_SEEN : 0);
        s[at + OPTIONS + direction] |= packet.tcpOptions();
    }

    @Override
    public boolean hasData(final int slot)
    {
        return true;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        final long[] s = state;
        final int at = slot * STRIDE;
        final long ip = s[at + IP];
        final long tcp = s[at + TCP];
        writer.u8((int)(ip >>> 56) & 0xFF)
            .u8((int)(ip >>> 48) & 0xFF)
            .u8((int)(ip >>> 40) & 0xFF)
            .u8((int)(ip >>> 32) & 0xFF)
            .u16((int)(ip >>> 16) & 0xFFFF)
            .u16((int)ip & 0xFFFF)
            .u64(s[at + OPTIONS])
            .u64(s[at + OPTIONS + 1])
            .u32((tcp >>> 16) & 0xFFFF)
            .u32(tcp & 0xFFFF)
            .u16((int)(tcp >>> 32) & 0xFFFF);
    }
}
