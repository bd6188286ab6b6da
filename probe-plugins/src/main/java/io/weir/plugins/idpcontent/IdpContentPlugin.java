package io.weir.plugins.idpcontent;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * ipfixprobe's idpcontent: the first {@value #CONTENT_BYTES} captured payload bytes of the first
 * packet with payload in each direction. Every flow carries both fields, empty for a direction
 * without data. Per slot 200 bytes and two lengths (-1 until the direction's data is seen), so
 * that a packet after the first data of its direction only reads one short.
 * Not thread safe: owned by the capture worker.
 */
public final class IdpContentPlugin implements ProcessPlugin
{
    public static final int CONTENT_BYTES = 100;

    private static final int SLOT_BYTES = 2 * CONTENT_BYTES;

    private final UnsafeBuffer contents;
    private final short[] lengths;

    public IdpContentPlugin(final int flowSlots)
    {
        this.contents = new UnsafeBuffer(new byte[Math.multiplyExact(flowSlots, SLOT_BYTES)]);
        this.lengths = new short[Math.multiplyExact(flowSlots, 2)];
    }

    @Override
    public String name()
    {
        return IdpContentPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return IdpContentFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        final int slot = flow.slot();
        lengths[slot << 1] = -1;
        lengths[(slot << 1) + 1] = -1;
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
        final int direction = forward ? 0 : 1;
        final int index = (slot << 1) + direction;
        if (lengths[index] >= 0 || packet.payloadLength() <= 0)
        {
            return;
        }
        final int length = Math.min(CONTENT_BYTES, packet.payloadLength());
        contents.putBytes(slot * SLOT_BYTES + direction * CONTENT_BYTES, packet.buffer(), packet.payloadOffset(), length);
        lengths[index] = (short)length;
    }

    @Override
    public boolean hasData(final int slot)
    {
        return true;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        final int at = slot * SLOT_BYTES;
        writer.bytes(contents, at, Math.max(0, lengths[slot << 1]));
        writer.bytes(contents, at + CONTENT_BYTES, Math.max(0, lengths[(slot << 1) + 1]));
    }
}
