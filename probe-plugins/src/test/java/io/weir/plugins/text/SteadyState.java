package io.weir.plugins.text;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.RecordWriter;
import io.weir.core.flow.FlowTable;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.testing.Frames;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Runs a plugin through whole flow lifetimes, over and over in rotating slots, as the cache
 * would call it: the first packet creates the flow, the others update it (a flush with reinsert
 * recreates it), then the flow is exported and its fields written. What it measures is the
 * heap allocated per packet once warmed up.
 */
public final class SteadyState
{
    private static final int SLOTS = 64;

    private SteadyState()
    {
    }

    /** Bytes allocated per packet over {@code flows} flows made of {@code frames} (direction per frame). */
    public static double bytesPerPacket(final ProcessPlugin plugin, final List<byte[]> frames, final boolean[] forward,
                                        final int flows)
    {
        final PacketView[] packets = new PacketView[frames.size()];
        for (int i = 0; i < packets.length; i++)
        {
            packets[i] = Frames.parse(frames.get(i), 1_600_000_000_000_000_000L + i);
        }
        final FlowContext context = new FlowContext(new FlowTable(SLOTS));
        final RecordWriter writer = new RecordWriter();
        final UnsafeBuffer record = new UnsafeBuffer(new byte[1 << 16]);
        final int[] flow = {0};
        final Runnable oneFlow = () ->
        {
            final int slot = flow[0]++ & (SLOTS - 1);
            plugin.beforeCreate(packets[0]);
            plugin.onCreate(context.at(slot, forward[0]), packets[0]);
            for (int i = 1; i < packets.length; i++)
            {
                plugin.beforeCreate(packets[i]);
                final int action = plugin.beforeUpdate(context.at(slot, forward[i]), packets[i]);
                if (action == ProcessPlugin.FLUSH_WITH_REINSERT)
                {
                    export(plugin, context, slot, writer, record);
                    plugin.onCreate(context.at(slot, forward[i]), packets[i]);
                }
                else
                {
                    plugin.onUpdate(context.at(slot, forward[i]), packets[i]);
                }
            }
            export(plugin, context, slot, writer, record);
        };
        final long bytes = AllocationMeter.bytesAllocated(oneFlow, 20_000, flows);
        return (double)bytes / ((long)flows * packets.length);
    }

    private static void export(final ProcessPlugin plugin, final FlowContext context, final int slot,
                               final RecordWriter writer, final UnsafeBuffer record)
    {
        plugin.beforeExport(context.at(slot, true));
        if (plugin.hasData(slot))
        {
            writer.wrap(record, 0, record.capacity());
            plugin.write(slot, writer);
        }
    }
}
