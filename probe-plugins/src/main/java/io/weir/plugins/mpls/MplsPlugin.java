package io.weir.plugins.mpls;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;

/**
 * ipfixprobe's mpls: the top label stack entry of a flow's first packet, exported as its first
 * three bytes (label, traffic class, bottom-of-stack bit; the TTL byte left out). Flows whose
 * first packet has no MPLS header (entry 0) carry no field. Per slot one int, the whole entry.
 * Not thread safe: owned by the capture worker.
 */
public final class MplsPlugin implements ProcessPlugin
{
    static final int SECTION_BYTES = 3;

    private final int[] entries;
    private final byte[] section = new byte[SECTION_BYTES];

    public MplsPlugin(final int flowSlots)
    {
        this.entries = new int[flowSlots];
    }

    @Override
    public String name()
    {
        return MplsPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return MplsFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        entries[flow.slot()] = packet.mplsTopEntry();
        return CONTINUE;
    }

    @Override
    public boolean hasData(final int slot)
    {
        return entries[slot] != 0;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        final int entry = entries[slot];
        section[0] = (byte)(entry >>> 24);
        section[1] = (byte)(entry >>> 16);
        section[2] = (byte)(entry >>> 8);
        writer.bytes(section, 0, SECTION_BYTES);
    }
}
