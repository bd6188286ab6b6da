package io.weir.core.flow;

import static io.weir.core.testing.Frames.parse;
import static io.weir.core.testing.Frames.seconds;
import static io.weir.core.testing.Frames.udp4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.ProcessPlugin;
import org.junit.jupiter.api.Test;

class FlowCachePluginTest
{
    private static final long T0 = seconds(1_600_000_000);

    /** Answers each hook with what the test sets, and records the calls. */
    private static final class ScriptedPlugin implements ProcessPlugin
    {
        final List<String> calls = new ArrayList<>();
        IntSupplier onCreate = () -> CONTINUE;
        IntSupplier beforeUpdate = () -> CONTINUE;
        IntSupplier onUpdate = () -> CONTINUE;

        @Override
        public String name()
        {
            return "scripted";
        }

        @Override
        public List<Field> fields()
        {
            return List.of();
        }

        @Override
        public int onCreate(final FlowContext flow, final PacketView packet)
        {
            calls.add("create " + packet.payloadLength() + (flow.forward() ? " fwd" : " rev"));
            return onCreate.getAsInt();
        }

        @Override
        public int beforeUpdate(final FlowContext flow, final PacketView packet)
        {
            calls.add("beforeUpdate " + packet.payloadLength());
            return beforeUpdate.getAsInt();
        }

        @Override
        public int onUpdate(final FlowContext flow, final PacketView packet)
        {
            calls.add("update " + packet.payloadLength());
            return onUpdate.getAsInt();
        }

        @Override
        public void beforeExport(final FlowContext flow)
        {
            calls.add("export");
        }

        @Override
        public boolean hasData(final int slot)
        {
            return false;
        }

        @Override
        public void write(final int slot, final RecordWriter writer)
        {
        }
    }

    private final RecordingExport export = new RecordingExport();
    private final ScriptedPlugin plugin = new ScriptedPlugin();
    private final FlowCache cache = new FlowCache(FlowCacheConfig.DEFAULT, export, new PluginChain(List.of(plugin)));

    private void put(final byte[] frame, final double atSeconds)
    {
        cache.onPacket(parse(frame, T0 + seconds(atSeconds)));
    }

    @Test
    void flushOnCreateExportsTheSinglePacketFlow()
    {
        plugin.onCreate = () -> ProcessPlugin.FLUSH;
        put(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 10), 0);

        assertEquals(1, export.ended.size());
        assertEquals(1, export.ended.get(0).forwardPackets());
        assertEquals(FlowEndReason.FORCED_END, export.ended.get(0).reason());
        assertEquals(List.of("create 10 fwd", "export"), plugin.calls);
    }

    @Test
    void flushWithReinsertBeforeUpdateStartsTheNextFlowWithThePacketAndKeepsOrientation()
    {
        put(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 10), 0);
        plugin.beforeUpdate = () -> ProcessPlugin.FLUSH_WITH_REINSERT;
        put(udp4("10.0.0.1", 53, "10.0.0.2", 1000, 20), 1);
        plugin.beforeUpdate = () -> ProcessPlugin.CONTINUE;
        cache.flushAll(FlowEndReason.FORCED_END);

        assertEquals(2, export.ended.size());
        final RecordingExport.Ended first = export.ended.get(0);
        final RecordingExport.Ended second = export.ended.get(1);
        assertEquals(1, first.forwardPackets());
        assertEquals(0, first.reversePackets());
        assertEquals(1000, second.sourcePort(), "the continuation keeps the first flow's orientation");
        assertEquals(0, second.forwardPackets());
        assertEquals(1, second.reversePackets());
        assertEquals(T0 + seconds(1), second.firstNs());
        assertEquals(List.of("create 10 fwd", "beforeUpdate 20", "export", "create 20 rev", "export"), plugin.calls);
    }

    @Test
    void plainFlushBeforeUpdateEndsTheFlowWithoutThePacketWhichStartsAFreshFlow()
    {
        put(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 10), 0);
        plugin.beforeUpdate = () -> ProcessPlugin.FLUSH;
        put(udp4("10.0.0.1", 53, "10.0.0.2", 1000, 20), 1);
        cache.flushAll(FlowEndReason.FORCED_END);

        assertEquals(2, export.ended.size());
        assertEquals(1, export.ended.get(0).forwardPackets());
        assertEquals(53, export.ended.get(1).sourcePort(), "a fresh flow is oriented by its first packet");
        assertEquals(1, export.ended.get(1).forwardPackets());
    }

    @Test
    void flushAfterUpdateEndsTheFlowWithThePacket()
    {
        put(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 10), 0);
        plugin.onUpdate = () -> ProcessPlugin.FLUSH;
        put(udp4("10.0.0.1", 53, "10.0.0.2", 1000, 20), 1);

        assertEquals(1, export.ended.size());
        assertEquals(1, export.ended.get(0).forwardPackets());
        assertEquals(1, export.ended.get(0).reversePackets());
    }

    @Test
    void aThrowingPluginIsCountedAndTheFlowGoesOn()
    {
        plugin.onCreate = () ->
        {
            throw new IllegalStateException("boom");
        };
        final PluginChain chain = new PluginChain(List.of(plugin));
        final FlowCache throwing = new FlowCache(FlowCacheConfig.DEFAULT, export, chain);
        throwing.onPacket(parse(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 10), T0));
        throwing.flushAll(FlowEndReason.FORCED_END);

        assertEquals(1, export.ended.size());
        assertEquals(1, chain.failures(0));
        assertTrue(chain.firstFailure(0).getMessage().contains("boom"));
    }

    @Test
    void aPluginThatIsDoneGetsNoMorePacketsOfTheFlowButStillExports()
    {
        plugin.onCreate = () -> ProcessPlugin.DONE;
        put(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 10), 0);
        put(udp4("10.0.0.1", 53, "10.0.0.2", 1000, 20), 1);
        put(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 30), 2);
        cache.flushAll(FlowEndReason.FORCED_END);
        plugin.onCreate = () -> ProcessPlugin.CONTINUE;
        put(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 40), 3);
        put(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 50), 4);

        assertEquals(List.of("create 10 fwd", "export", "create 40 fwd", "beforeUpdate 50", "update 50"), plugin.calls,
            "no per-packet calls after DONE; a new flow in the slot starts afresh");
        assertEquals(3, export.ended.get(0).forwardPackets() + export.ended.get(0).reversePackets());
    }

    @Test
    void doneFromOnUpdateStopsTheFollowingPackets()
    {
        put(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 10), 0);
        plugin.onUpdate = () -> ProcessPlugin.DONE;
        put(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 20), 1);
        put(udp4("10.0.0.2", 1000, "10.0.0.1", 53, 30), 2);

        assertEquals(List.of("create 10 fwd", "beforeUpdate 20", "update 20"), plugin.calls);
    }
}
