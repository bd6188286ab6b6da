package io.weir.plugins.dnsmessage.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

import io.weir.core.decode.PacketParser;
import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.field.SchemaRegistry;
import io.weir.core.flow.FlowCache;
import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.flow.FlowEndReason;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.pipeline.ExportQueue;
import io.weir.core.pipeline.ExporterAgent;
import io.weir.core.pipeline.FlowRecordEncoder;
import io.weir.core.pipeline.StopSignal;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.RecordCollector;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The pipeline as it would run if a flow's exporter made one record per plugin entry, as
 * ipfixprobe's UniRec output does for plugins that attach several extensions to one flow
 * (passivedns: one per address answer; netbios: one per name). weir's own FlowCache,
 * FlowRecordEncoder and ExporterAgent are used unchanged; only the flow-end callback calls the
 * encoder once per entry, with the plugin told which entry to write.
 */
public final class PerEntryRun
{
    /** Writes one entry of a flow's plugin data. */
    @FunctionalInterface
    public interface EntryWriter
    {
        void write(int slot, int entry, RecordWriter writer);
    }

    private PerEntryRun()
    {
    }

    public static List<CollectedRecord> run(final String capture, final ProcessPlugin plugin,
                                            final IntUnaryOperator entries, final EntryWriter entryWriter)
    {
        final EntryPlugin adapter = new EntryPlugin(plugin, entryWriter);
        final PluginChain chain = new PluginChain(List.of(adapter));
        final StopSignal stop = new StopSignal();
        final ExportQueue queue = new ExportQueue(ExportQueue.DEFAULT_CAPACITY_BYTES);
        final FlowRecordEncoder encoder = new FlowRecordEncoder(queue, stop, chain);
        final FlowCache cache = new FlowCache(FlowCacheConfig.DEFAULT, (table, slot, reason) ->
        {
            final int count = Math.max(1, entries.applyAsInt(slot));
            for (int entry = 0; entry < count; entry++)
            {
                adapter.entry = entry;
                encoder.onFlowEnd(table, slot, reason);
            }
        }, chain);
        final PacketParser parser = new PacketParser();
        final PacketView view = new PacketView();
        for (final CaptureFrames.Frame frame : CaptureFrames.read(capture))
        {
            if (parser.parse(view, new UnsafeBuffer(frame.bytes()), 0, frame.bytes().length, frame.wireLength(),
                frame.timestampNs(), frame.linkType(), 0))
            {
                cache.onPacket(view);
            }
        }
        cache.flushAll(FlowEndReason.FORCED_END);
        if (chain.failures(0) != 0)
        {
            throw new AssertionError("plugin threw", chain.firstFailure(0));
        }

        final RecordCollector collector = new RecordCollector();
        final List<String> problems = new ArrayList<>();
        final ExporterAgent exporter = new ExporterAgent(List.of(queue), List.of(), List.of(collector),
            new SchemaRegistry(chain.fields()), stop, problems::add);
        try
        {
            for (int i = 0; i < 1_000_000; i++)
            {
                exporter.doWork();
            }
            throw new AssertionError("exporter never finished");
        }
        catch (final AgentTerminationException done)
        {
            if (!problems.isEmpty() || encoder.recordsTooLarge() != 0 || encoder.recordsDropped() != 0)
            {
                throw new AssertionError("export problems: " + problems, done);
            }
        }
        return collector.records();
    }

    /** The plugin with its write pointed at one entry. */
    private static final class EntryPlugin implements ProcessPlugin
    {
        private final ProcessPlugin plugin;
        private final EntryWriter entryWriter;
        private int entry;

        EntryPlugin(final ProcessPlugin plugin, final EntryWriter entryWriter)
        {
            this.plugin = plugin;
            this.entryWriter = entryWriter;
        }

        @Override
        public String name()
        {
            return plugin.name();
        }

        @Override
        public List<Field> fields()
        {
            return plugin.fields();
        }

        @Override
        public int beforeCreate(final PacketView packet)
        {
            return plugin.beforeCreate(packet);
        }

        @Override
        public int onCreate(final FlowContext flow, final PacketView packet)
        {
            return plugin.onCreate(flow, packet);
        }

        @Override
        public int beforeUpdate(final FlowContext flow, final PacketView packet)
        {
            return plugin.beforeUpdate(flow, packet);
        }

        @Override
        public int onUpdate(final FlowContext flow, final PacketView packet)
        {
            return plugin.onUpdate(flow, packet);
        }

        @Override
        public void beforeExport(final FlowContext flow)
        {
            plugin.beforeExport(flow);
        }

        @Override
        public boolean hasData(final int slot)
        {
            return plugin.hasData(slot);
        }

        @Override
        public void write(final int slot, final RecordWriter writer)
        {
            entryWriter.write(slot, entry, writer);
        }
    }
}
