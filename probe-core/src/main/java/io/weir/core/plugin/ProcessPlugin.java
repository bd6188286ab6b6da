package io.weir.core.plugin;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;

/**
 * A processing plugin: looks at the packets of flows it cares about and adds fields to their
 * records. The hooks follow ipfixprobe's lifecycle; each returns {@link #CONTINUE} or
 * {@link #FLUSH}, optionally with {@link #REINSERT}:
 * <ul>
 * <li>{@link #beforeCreate} — a packet is about to be looked up (rarely needed);</li>
 * <li>{@link #onCreate} — a flow was just created from this packet (ipfixprobe post_create). This is
 *     where a plugin decides whether the flow is its business and must reset its state for the slot.
 *     FLUSH ends the flow right away (with this one packet);</li>
 * <li>{@link #beforeUpdate} — a packet of an existing flow, before it is counted (pre_update).
 *     FLUSH ends the flow without this packet; the packet then starts the next flow, which keeps
 *     the flow's orientation when REINSERT is set (ipfixprobe's FLUSH_WITH_REINSERT), e.g. the next
 *     HTTP request on a keep-alive connection;</li>
 * <li>{@link #onUpdate} — after the packet was counted (post_update); FLUSH ends the flow with it;</li>
 * <li>{@link #beforeExport} — the flow is ending for any reason: finish computed values.</li>
 * </ul>
 * Adding {@link #DONE} to a result ends the per-packet calls for the rest of the flow.
 * Per-flow state is indexed by the flow's cache slot ({@link FlowContext#slot()}), which stays the
 * same for the flow's whole life; a plugin allocates it up front or lazily and reuses it, never per
 * flow in steady state. A plugin looks at payload only when its gate (port, first bytes) matches,
 * so that it costs next to nothing on other traffic. Hooks must not throw for any packet content;
 * if one does anyway, the chain counts it and the flow goes on.
 * One instance per capture worker: not thread safe.
 */
public interface ProcessPlugin
{
    int CONTINUE = 0;
    int FLUSH = 1;
    int REINSERT = 2;
    int FLUSH_WITH_REINSERT = FLUSH | REINSERT;
    /**
     * With any other result of {@link #onCreate}, {@link #beforeUpdate} or {@link #onUpdate}: this
     * plugin needs no more packets of this flow, so the cache stops calling beforeUpdate and onUpdate
     * for it until the slot holds a new flow; beforeExport, hasData and write are still called. A
     * plugin that is not interested in a flow says so in onCreate and then costs nothing per packet.
     */
    int DONE = 4;

    /** The name used with -p. */
    String name();

    /** The fields this plugin adds to a record, in record order. */
    List<Field> fields();

    default int beforeCreate(final PacketView packet)
    {
        return CONTINUE;
    }

    default int onCreate(final FlowContext flow, final PacketView packet)
    {
        return CONTINUE;
    }

    default int beforeUpdate(final FlowContext flow, final PacketView packet)
    {
        return CONTINUE;
    }

    default int onUpdate(final FlowContext flow, final PacketView packet)
    {
        return CONTINUE;
    }

    default void beforeExport(final FlowContext flow)
    {
    }

    /** Whether the flow in this slot carries this plugin's fields. */
    boolean hasData(int slot);

    /** Writes this plugin's fields for the flow in this slot, in {@link #fields()} order. */
    void write(int slot, RecordWriter writer);
}
