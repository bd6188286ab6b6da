package io.weir.core.plugin;

import java.util.ArrayList;
import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;

/**
 * The active plugins of one worker, called in order for each hook, their results combined.
 * A plugin that throws is counted (and its first failure kept for the summary); the packet and
 * the flow go on as if it had returned {@link ProcessPlugin#CONTINUE}. Plugin i owns bit i of a
 * record's plugin mask. Each hook is called only on the plugins that implement it (found once,
 * when the chain is made), so an unused hook costs nothing per packet; and the per-packet hooks skip
 * the plugins that said {@link ProcessPlugin#DONE} for the flow (the first 16 plugins: their bits
 * sit in the flow record the cache has loaded anyway).
 * Not thread safe: owned by the capture worker.
 */
public final class PluginChain
{
    /** Plugins per chain: bit i of a 32-bit record mask belongs to plugin i. */
    public static final int MAX_PLUGINS = 30;

    private final ProcessPlugin[] plugins;
    private final long[] failures;
    private final RuntimeException[] firstFailures;
    private final long[] oversized;
    /** Per hook, the indexes of the plugins that override it. */
    private final int[] beforeCreateUsers;
    private final int[] onCreateUsers;
    private final int[] beforeUpdateUsers;
    private final int[] onUpdateUsers;
    private final int[] beforeExportUsers;

    public PluginChain(final List<ProcessPlugin> plugins)
    {
        if (plugins.size() > MAX_PLUGINS)
        {
            throw new IllegalArgumentException("at most " + MAX_PLUGINS + " plugins, got " + plugins.size());
        }
        this.plugins = plugins.toArray(new ProcessPlugin[0]);
        this.failures = new long[plugins.size()];
        this.firstFailures = new RuntimeException[plugins.size()];
        this.oversized = new long[plugins.size()];
        this.beforeCreateUsers = users("beforeCreate", PacketView.class);
        this.onCreateUsers = users("onCreate", FlowContext.class, PacketView.class);
        this.beforeUpdateUsers = users("beforeUpdate", FlowContext.class, PacketView.class);
        this.onUpdateUsers = users("onUpdate", FlowContext.class, PacketView.class);
        this.beforeExportUsers = users("beforeExport", FlowContext.class);
    }

    private int[] users(final String hook, final Class<?>... parameters)
    {
        final List<Integer> users = new ArrayList<>();
        for (int i = 0; i < plugins.length; i++)
        {
            try
            {
                if (plugins[i].getClass().getMethod(hook, parameters).getDeclaringClass() != ProcessPlugin.class)
                {
                    users.add(i);
                }
            }
            catch (final NoSuchMethodException ex)
            {
                throw new IllegalStateException("ProcessPlugin has no hook " + hook, ex);
            }
        }
        return users.stream().mapToInt(Integer::intValue).toArray();
    }

    public static PluginChain none()
    {
        return new PluginChain(List.of());
    }

    public boolean isEmpty()
    {
        return plugins.length == 0;
    }

    public int size()
    {
        return plugins.length;
    }

    public ProcessPlugin plugin(final int index)
    {
        return plugins[index];
    }

    /** Each plugin's fields, in plugin order: what a schema registry needs. */
    public List<List<Field>> fields()
    {
        final List<List<Field>> fields = new ArrayList<>(plugins.length);
        for (final ProcessPlugin plugin : plugins)
        {
            fields.add(plugin.fields());
        }
        return fields;
    }

    public int beforeCreate(final PacketView packet)
    {
        int result = 0;
        for (final int i : beforeCreateUsers)
        {
            try
            {
                result |= plugins[i].beforeCreate(packet);
            }
            catch (final RuntimeException ex)
            {
                failed(i, ex);
            }
        }
        return result;
    }

    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        int result = 0;
        for (final int i : onCreateUsers)
        {
            try
            {
                final int action = plugins[i].onCreate(flow, packet);
                if ((action & ProcessPlugin.DONE) != 0)
                {
                    flow.done(i);
                }
                result |= action;
            }
            catch (final RuntimeException ex)
            {
                failed(i, ex);
            }
        }
        return result;
    }

    public int beforeUpdate(final FlowContext flow, final PacketView packet)
    {
        int result = 0;
        final int done = flow.doneMask();
        for (final int i : beforeUpdateUsers)
        {
            if ((done & (1 << i)) != 0)
            {
                continue;
            }
            try
            {
                final int action = plugins[i].beforeUpdate(flow, packet);
                if ((action & ProcessPlugin.DONE) != 0)
                {
                    flow.done(i);
                }
                result |= action;
            }
            catch (final RuntimeException ex)
            {
                failed(i, ex);
            }
        }
        return result;
    }

    public int onUpdate(final FlowContext flow, final PacketView packet)
    {
        int result = 0;
        final int done = flow.doneMask();
        for (final int i : onUpdateUsers)
        {
            if ((done & (1 << i)) != 0)
            {
                continue;
            }
            try
            {
                final int action = plugins[i].onUpdate(flow, packet);
                if ((action & ProcessPlugin.DONE) != 0)
                {
                    flow.done(i);
                }
                result |= action;
            }
            catch (final RuntimeException ex)
            {
                failed(i, ex);
            }
        }
        return result;
    }

    public void beforeExport(final FlowContext flow)
    {
        for (final int i : beforeExportUsers)
        {
            try
            {
                plugins[i].beforeExport(flow);
            }
            catch (final RuntimeException ex)
            {
                failed(i, ex);
            }
        }
    }

    /** Bit i set when plugin i has fields for the flow in this slot. */
    public int dataMask(final int slot)
    {
        int mask = 0;
        for (int i = 0; i < plugins.length; i++)
        {
            try
            {
                if (plugins[i].hasData(slot))
                {
                    mask |= 1 << i;
                }
            }
            catch (final RuntimeException ex)
            {
                failed(i, ex);
            }
        }
        return mask;
    }

    /**
     * Writes the fields of the plugins in {@code mask}. A plugin that fails or overflows here is
     * rolled back and left out of the record, which keeps the others.
     *
     * @return the plugins whose fields were written
     */
    public int write(final int slot, final int mask, final RecordWriter writer)
    {
        int written = mask;
        for (int i = 0; i < plugins.length; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                final int mark = writer.length();
                try
                {
                    plugins[i].write(slot, writer);
                }
                catch (final RuntimeException ex)
                {
                    failed(i, ex);
                    writer.rewind(mark);
                }
                if (writer.overflowed())
                {
                    writer.rewind(mark);
                    oversized[i]++;
                }
                if (writer.length() == mark)
                {
                    written &= ~(1 << i);
                }
            }
        }
        return written;
    }

    private void failed(final int plugin, final RuntimeException ex)
    {
        if (failures[plugin]++ == 0)
        {
            firstFailures[plugin] = ex;
        }
    }

    /** Times plugin i threw. */
    public long failures(final int plugin)
    {
        return failures[plugin];
    }

    /** Records in which plugin i's fields did not fit and were left out. */
    public long oversized(final int plugin)
    {
        return oversized[plugin];
    }

    /** The first exception plugin i threw, or null. */
    public RuntimeException firstFailure(final int plugin)
    {
        return firstFailures[plugin];
    }
}
