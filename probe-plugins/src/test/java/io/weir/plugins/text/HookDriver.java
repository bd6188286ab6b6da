package io.weir.plugins.text;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.flow.FlowTable;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.testing.Frames;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Calls a plugin's hooks the way the flow cache does, for one slot at a time, and keeps the
 * plugin fields of each flow that ends (by ipfixprobe name): what a test needs to look at one
 * decision (a flush, a field) without a whole pipeline.
 */
public final class HookDriver
{
    private final ProcessPlugin plugin;
    private final FlowContext context = new FlowContext(new FlowTable(16));
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[1 << 16]);
    private final RecordWriter writer = new RecordWriter();
    private final List<Map<String, String>> exported = new ArrayList<>();
    private long timeNs = 1_600_000_000_000_000_000L;

    public HookDriver(final ProcessPlugin plugin)
    {
        this.plugin = plugin;
    }

    /** A packet that creates the flow in {@code slot}: returns onCreate's result. */
    public int create(final int slot, final boolean forward, final byte[] frame)
    {
        final var packet = Frames.parse(frame, timeNs++);
        plugin.beforeCreate(packet);
        return plugin.onCreate(context.at(slot, forward), packet);
    }

    /**
     * A packet of the existing flow in {@code slot}: returns beforeUpdate's result; when that is a
     * flush with reinsert, the flow ends and the next starts with the packet, as in the cache.
     */
    public int update(final int slot, final boolean forward, final byte[] frame)
    {
        final var packet = Frames.parse(frame, timeNs++);
        plugin.beforeCreate(packet);
        final int action = plugin.beforeUpdate(context.at(slot, forward), packet);
        if (action == ProcessPlugin.FLUSH_WITH_REINSERT)
        {
            export(slot);
            plugin.onCreate(context.at(slot, forward), packet);
        }
        else if ((action & ProcessPlugin.FLUSH) == 0)
        {
            plugin.onUpdate(context.at(slot, forward), packet);
        }
        return action;
    }

    /** The flow in {@code slot} ends: its plugin fields, if any, are kept in {@link #exported()}. */
    public void export(final int slot)
    {
        plugin.beforeExport(context.at(slot, true));
        if (plugin.hasData(slot))
        {
            writer.wrap(record, 0, record.capacity());
            plugin.write(slot, writer);
            exported.add(decode(writer.length()));
        }
    }

    /** The plugin fields of the flows ended so far, oldest first. */
    public List<Map<String, String>> exported()
    {
        return exported;
    }

    /** The fields of the last flow ended. */
    public Map<String, String> last()
    {
        if (exported.isEmpty())
        {
            throw new AssertionError("no flow with " + plugin.name() + " data was exported");
        }
        return exported.get(exported.size() - 1);
    }

    private Map<String, String> decode(final int length)
    {
        final Map<String, String> fields = new LinkedHashMap<>();
        int at = 0;
        for (final Field field : plugin.fields())
        {
            switch (field.type())
            {
                case STRING ->
                {
                    final int n = record.getShort(at, ByteOrder.BIG_ENDIAN) & 0xFFFF;
                    final byte[] bytes = new byte[n];
                    record.getBytes(at + 2, bytes);
                    fields.put(field.ipfixprobeName(), Captured.text(bytes));
                    at += 2 + n;
                }
                case UNSIGNED16 ->
                {
                    fields.put(field.ipfixprobeName(), Integer.toString(record.getShort(at, ByteOrder.BIG_ENDIAN) & 0xFFFF));
                    at += 2;
                }
                case UNSIGNED32 ->
                {
                    fields.put(field.ipfixprobeName(), Long.toString(record.getInt(at, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL));
                    at += 4;
                }
                default -> throw new AssertionError("no decoding for " + field);
            }
        }
        if (at != length)
        {
            throw new AssertionError("record of " + length + " bytes, fields take " + at);
        }
        return fields;
    }
}
