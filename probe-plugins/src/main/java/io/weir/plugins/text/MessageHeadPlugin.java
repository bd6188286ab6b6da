package io.weir.plugins.text;

import java.util.function.Supplier;

import io.weir.core.decode.PacketView;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;
import org.agrona.DirectBuffer;

/**
 * The flow logic ipfixprobe's HTTP and RTSP plugins share, on any TCP or UDP port: a payload
 * that starts with a request line or a status line starts a message head, whose header lines
 * are read up to the blank line, over as many TCP segments as it takes. A flow holds one
 * request and one response: a second request (or response) ends the flow and starts the next
 * one with that packet ({@link #FLUSH_WITH_REINSERT}), which is how several requests on one
 * keep-alive connection become several records. Only packets with payload are looked at, and
 * a payload that does not continue a head costs a look at its first bytes.
 * Not thread safe: owned by the capture worker.
 *
 * @param <S> the protocol's per-flow state
 */
public abstract class MessageHeadPlugin<S extends MessageHeadFlow> implements ProcessPlugin
{
    public static final int NONE = 0;
    public static final int REQUEST = 1;
    public static final int RESPONSE = 2;
    /**
     * With {@link #REQUEST} or {@link #RESPONSE}: the payload is too short to tell (a first byte or
     * three sent alone), so it starts a message only where none was seen yet.
     */
    public static final int TENTATIVE = 4;

    private static final int TCP = 6;
    private static final int UDP = 17;

    private final FlowStatePool<S> flows;
    private final HeaderLine header = new HeaderLine();

    protected MessageHeadPlugin(final int flowSlots, final Supplier<S> factory)
    {
        this.flows = new FlowStatePool<>(flowSlots, factory);
    }

    /**
     * What a payload that is not part of a head in progress starts: {@link #REQUEST},
     * {@link #RESPONSE} (either possibly with {@link #TENTATIVE}) or {@link #NONE}. This is the
     * gate: it must be cheap on other traffic.
     */
    protected abstract int kind(DirectBuffer buffer, int offset, int length);

    /**
     * Reads a request line (without its LF; it may end in CR). Returns false when it is not one,
     * and then must have changed nothing.
     *
     * @param truncated the line was longer than the carry and only its beginning is here
     */
    protected abstract boolean onRequestLine(S flow, DirectBuffer buffer, int offset, int length, boolean truncated);

    /** Reads a status line, as {@link #onRequestLine}. */
    protected abstract boolean onStatusLine(S flow, DirectBuffer buffer, int offset, int length, boolean truncated);

    protected abstract void onRequestHeader(S flow, HeaderLine header);

    protected abstract void onResponseHeader(S flow, HeaderLine header);

    protected abstract void write(S flow, RecordWriter writer);

    @Override
    public int beforeCreate(final PacketView packet)
    {
        flows.releasePending();
        return CONTINUE;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        flows.releasePending();
        flows.release(flow.slot());
        if (packet.payloadLength() == 0 || !isTcpOrUdp(packet))
        {
            return CONTINUE;
        }
        final int kind = kind(packet.buffer(), packet.payloadOffset(), packet.payloadLength());
        if (kind != NONE)
        {
            final S state = flows.acquire(flow.slot());
            state.reset();
            start(state, kind & ~TENTATIVE, flow.forward(), packet);
        }
        return CONTINUE;
    }

    @Override
    public int beforeUpdate(final FlowContext flow, final PacketView packet)
    {
        if (packet.payloadLength() == 0 || !isTcpOrUdp(packet))
        {
            return CONTINUE;
        }
        final boolean forward = flow.forward();
        final S state = flows.get(flow.slot());
        if (state != null)
        {
            final int request = state.request.follow(forward, packet);
            if (request == MessageStream.CONTINUES)
            {
                read(state, state.request, REQUEST, packet);
                return CONTINUE;
            }
            final int response = state.response.follow(forward, packet);
            if (response == MessageStream.CONTINUES)
            {
                read(state, state.response, RESPONSE, packet);
                return CONTINUE;
            }
            if (request == MessageStream.DUPLICATE || response == MessageStream.DUPLICATE)
            {
                return CONTINUE;
            }
        }
        final int kind = kind(packet.buffer(), packet.payloadOffset(), packet.payloadLength());
        if (kind == NONE)
        {
            return CONTINUE;
        }
        final int message = kind & ~TENTATIVE;
        if (state != null && (message == REQUEST ? state.requestSeen : state.responseSeen))
        {
            return (kind & TENTATIVE) != 0 ? CONTINUE : FLUSH_WITH_REINSERT;
        }
        final S target;
        if (state != null)
        {
            target = state;
        }
        else
        {
            target = flows.acquire(flow.slot());
            target.reset();
        }
        start(target, message, forward, packet);
        return CONTINUE;
    }

    @Override
    public void beforeExport(final FlowContext flow)
    {
        flows.releaseAfterExport(flow.slot());
    }

    @Override
    public boolean hasData(final int slot)
    {
        final S state = flows.get(slot);
        return state != null && (state.requestSeen || state.responseSeen);
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        final S state = flows.get(slot);
        if (state != null)
        {
            write(state, writer);
        }
    }

    /** The state of the flow in this slot, or null: for tests. */
    public S flowState(final int slot)
    {
        return flows.get(slot);
    }

    /** Per-flow states made so far. */
    public int statesCreated()
    {
        return flows.created();
    }

    private void start(final S state, final int kind, final boolean forward, final PacketView packet)
    {
        final MessageStream stream = kind == REQUEST ? state.request : state.response;
        stream.open(forward, packet);
        read(state, stream, kind, packet);
    }

    private void read(final S state, final MessageStream stream, final int kind, final PacketView packet)
    {
        final LineAssembler lines = stream.lines();
        lines.wrap(packet.buffer(), packet.payloadOffset(), packet.payloadLength());
        while (lines.next())
        {
            final DirectBuffer buffer = lines.lineBuffer();
            final int offset = lines.lineOffset();
            final int length = lines.lineLength();
            if (stream.atStartLine())
            {
                stream.startLineRead();
                if (kind == REQUEST)
                {
                    if (!onRequestLine(state, buffer, offset, length, lines.lineTruncated()))
                    {
                        stream.close();
                        return;
                    }
                    state.requestSeen = true;
                }
                else
                {
                    if (!onStatusLine(state, buffer, offset, length, lines.lineTruncated()))
                    {
                        stream.close();
                        return;
                    }
                    state.responseSeen = true;
                }
                continue;
            }
            final int end = Ascii.withoutCr(buffer, offset, offset + length);
            if (end == offset)
            {
                stream.close();
                return;
            }
            if (header.wrap(buffer, offset, end - offset))
            {
                if (kind == REQUEST)
                {
                    onRequestHeader(state, header);
                }
                else
                {
                    onResponseHeader(state, header);
                }
            }
        }
        stream.advance(packet);
    }

    private static boolean isTcpOrUdp(final PacketView packet)
    {
        final int protocol = packet.protocol();
        return protocol == TCP || protocol == UDP;
    }
}
