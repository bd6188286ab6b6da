package io.weir.plugins.tls;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.plugins.tlshello.BufferPool;
import io.weir.plugins.tlshello.HandshakeRecords;
import io.weir.plugins.tlshello.Ja3;
import io.weir.plugins.tlshello.Ja4;
import io.weir.plugins.tlshello.TlsHelloDecoder;
import io.weir.plugins.tlshello.TlsNumbers;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * TLS over TCP: SNI, JA3, JA4, client version and extension list from the ClientHello, ALPN and
 * the selected version from the ServerHello, as ipfixprobe's tls plugin. Unlike ipfixprobe, a
 * hello that spans TCP segments is collected, in sequence order and within a bounded buffer lent
 * from a pool, before it is decoded; a gap, a truncated capture or an oversized hello ends the
 * collection and the flow goes on without it. Each flow moves through the phases
 * CLIENT, (CLIENT_REASSEMBLY,) SERVER, (SERVER_REASSEMBLY,) DONE; non-TCP flows are IGNORED and cost
 * one array read per packet. Not thread safe: one instance per capture worker.
 */
public final class TlsPlugin implements ProcessPlugin
{
    static final byte IGNORED = 0;
    static final byte CLIENT = 1;
    static final byte CLIENT_REASSEMBLY = 2;
    static final byte SERVER = 3;
    static final byte SERVER_REASSEMBLY = 4;
    static final byte DONE = 5;

    /** Longest handshake message decoded: the largest TLS 1.3 message a peer sends in practice is far smaller. */
    static final int MAX_MESSAGE_BYTES = 1 << 16;
    private static final int TCP = 6;

    private final byte[] phase;
    private final TlsFlow[] flows;
    private final BufferPool pool;
    private final int reassemblyLimit;
    private final TlsHelloDecoder decoder = new TlsHelloDecoder(MAX_MESSAGE_BYTES);
    private final HandshakeRecords records = new HandshakeRecords(MAX_MESSAGE_BYTES);
    private final Ja3 ja3 = new Ja3();
    private final Ja4 ja4 = new Ja4();

    private long reassembled;
    private long abandoned;

    /**
     * @param reassemblyLimit most bytes of TCP stream collected for one hello; 0 turns reassembly off
     * @param buffers         how many flows may collect a hello at the same time
     */
    public TlsPlugin(final int flowSlots, final int reassemblyLimit, final int buffers)
    {
        this.phase = new byte[flowSlots];
        this.flows = new TlsFlow[flowSlots];
        this.reassemblyLimit = reassemblyLimit;
        this.pool = reassemblyLimit > 0 && buffers > 0 ? new BufferPool(buffers, reassemblyLimit) : null;
    }

    @Override
    public String name()
    {
        return TlsPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return TlsFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        final int slot = flow.slot();
        release(slot);
        final TlsFlow state = flows[slot];
        if (state != null)
        {
            state.reset();
        }
        if (packet.protocol() != TCP)
        {
            phase[slot] = IGNORED;
            return CONTINUE;
        }
        phase[slot] = CLIENT;
        onPacket(slot, flow.forward(), packet);
        return CONTINUE;
    }

    @Override
    public int onUpdate(final FlowContext flow, final PacketView packet)
    {
        final int slot = flow.slot();
        final byte current = phase[slot];
        if (current != IGNORED && current != DONE && packet.payloadLength() > 0)
        {
            onPacket(slot, flow.forward(), packet);
        }
        return CONTINUE;
    }

    @Override
    public void beforeExport(final FlowContext flow)
    {
        release(flow.slot());
    }

    @Override
    public boolean hasData(final int slot)
    {
        return phase[slot] >= SERVER;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        final TlsFlow state = flows[slot];
        writer.u16(state.version);
        writer.bytes(state.serverName, 0, state.serverNameLength);
        writer.bytes(state.alpn, 0, state.alpnLength);
        writer.bytes(state.ja3, 0, state.ja3.length);
        writer.bytes(state.ja4, 0, state.ja4.length);
        writer.listCount(state.extensionCount);
        for (int i = 0; i < state.extensionCount; i++)
        {
            writer.u16(state.extensionTypes[i]);
        }
        writer.listCount(state.extensionCount);
        for (int i = 0; i < state.extensionCount; i++)
        {
            writer.u16(state.extensionLengths[i]);
        }
    }

    /** Hellos decoded after collecting them from several segments. */
    public long reassembled()
    {
        return reassembled;
    }

    /** Hello collections given up (gap, truncated capture, too long, pool empty, not a hello after all). */
    public long abandoned()
    {
        return abandoned;
    }

    /** Reassembly buffers lent right now (0 once every flow has ended). */
    public int buffersLent()
    {
        return pool == null ? 0 : pool.lent();
    }

    private void onPacket(final int slot, final boolean forward, final PacketView packet)
    {
        final int length = packet.payloadLength();
        if (length == 0)
        {
            return;
        }
        final byte current = phase[slot];
        if (current == CLIENT || current == SERVER)
        {
            final DirectBuffer buffer = packet.buffer();
            final int offset = packet.payloadOffset();
            final int helloType = current == CLIENT ? TlsNumbers.CLIENT_HELLO : TlsNumbers.SERVER_HELLO;
            if (!HandshakeRecords.startsHello(buffer, offset, length, helloType))
            {
                return;
            }
            final int found = records.find(buffer, offset, length);
            if (found == HandshakeRecords.COMPLETE)
            {
                onMessage(slot, current);
            }
            else if (found == HandshakeRecords.NEED_MORE)
            {
                startReassembly(slot, current, forward, packet);
            }
        }
        else if (current == CLIENT_REASSEMBLY || current == SERVER_REASSEMBLY)
        {
            continueReassembly(slot, current, forward, packet);
        }
    }

    private void startReassembly(final int slot, final byte looking, final boolean forward, final PacketView packet)
    {
        final int length = packet.payloadLength();
        if (pool == null || length != packet.payloadLengthWire() || length > reassemblyLimit)
        {
            abandoned++;
            return;
        }
        final int index = pool.acquire();
        if (index < 0)
        {
            abandoned++;
            return;
        }
        final TlsFlow state = flow(slot);
        pool.buffer(index).putBytes(0, packet.buffer(), packet.payloadOffset(), length);
        state.reassemblyBuffer = index;
        state.reassemblyLength = length;
        state.nextSequence = packet.tcpSequence() + length;
        state.reassemblyForward = forward;
        phase[slot] = (byte)(looking + 1);
    }

    private void continueReassembly(final int slot, final byte collecting, final boolean forward,
                                    final PacketView packet)
    {
        final TlsFlow state = flows[slot];
        if (forward != state.reassemblyForward)
        {
            return;
        }
        final int length = packet.payloadLength();
        final int ahead = packet.tcpSequence() - state.nextSequence;
        if (ahead > 0 || length != packet.payloadLengthWire())
        {
            abandon(slot, collecting);
            return;
        }
        final int skip = -ahead;
        if (skip >= length)
        {
            return;
        }
        final int added = length - skip;
        if (state.reassemblyLength + added > reassemblyLimit)
        {
            abandon(slot, collecting);
            return;
        }
        final UnsafeBuffer buffer = pool.buffer(state.reassemblyBuffer);
        buffer.putBytes(state.reassemblyLength, packet.buffer(), packet.payloadOffset() + skip, added);
        state.reassemblyLength += added;
        state.nextSequence += added;
        final int found = records.find(buffer, 0, state.reassemblyLength);
        if (found == HandshakeRecords.COMPLETE)
        {
            final byte looking = (byte)(collecting - 1);
            phase[slot] = looking;
            reassembled++;
            onMessage(slot, looking);
            release(slot);
        }
        else if (found != HandshakeRecords.NEED_MORE)
        {
            abandon(slot, collecting);
        }
    }

    private void abandon(final int slot, final byte collecting)
    {
        abandoned++;
        release(slot);
        phase[slot] = (byte)(collecting - 1);
    }

    private void release(final int slot)
    {
        final TlsFlow state = flows[slot];
        if (state != null && state.reassemblyBuffer >= 0)
        {
            pool.release(state.reassemblyBuffer);
            state.reassemblyBuffer = -1;
            state.reassemblyLength = 0;
            if (phase[slot] == CLIENT_REASSEMBLY || phase[slot] == SERVER_REASSEMBLY)
            {
                phase[slot]--;
            }
        }
    }

    /** Decodes the message {@link #records} found, while the flow looks for the hello of phase {@code looking}. */
    private void onMessage(final int slot, final byte looking)
    {
        if (decoder.decode(records.messageBuffer(), records.messageOffset(), records.messageLength())
            != TlsHelloDecoder.OK)
        {
            return;
        }
        if (looking == CLIENT && decoder.type() == TlsNumbers.CLIENT_HELLO)
        {
            onClientHello(flow(slot));
            phase[slot] = SERVER;
        }
        else if (looking == SERVER && decoder.type() == TlsNumbers.SERVER_HELLO)
        {
            onServerHello(flows[slot]);
            phase[slot] = DONE;
        }
    }

    private void onClientHello(final TlsFlow state)
    {
        final DirectBuffer buffer = decoder.buffer();
        state.version = decoder.legacyVersion();
        state.serverNameLength = 0;
        if (decoder.serverNameOffset() >= 0)
        {
            state.serverNameLength = Math.min(TlsFlow.MAX_NAME_BYTES, decoder.serverNameLength());
            buffer.getBytes(decoder.serverNameOffset(), state.serverName, 0, state.serverNameLength);
        }
        state.alpnLength = 0;
        ja3.digest(decoder, state.ja3, 0);
        ja4.fingerprint(decoder, false, state.ja4, 0);
        state.extensionCount = Math.min(TlsFlow.MAX_EXTENSIONS, decoder.extensionCount());
        for (int i = 0; i < state.extensionCount; i++)
        {
            state.extensionTypes[i] = (char)decoder.extensionType(i);
            state.extensionLengths[i] = (char)decoder.extensionLength(i);
        }
    }

    private void onServerHello(final TlsFlow state)
    {
        if (decoder.alpnOffset() >= 0)
        {
            state.alpnLength = Math.min(TlsFlow.MAX_NAME_BYTES, decoder.alpnLength());
            decoder.buffer().getBytes(decoder.alpnOffset(), state.alpn, 0, state.alpnLength);
        }
        if (decoder.supportedVersionCount() > 0)
        {
            state.version = decoder.supportedVersion(0);
        }
    }

    private TlsFlow flow(final int slot)
    {
        TlsFlow state = flows[slot];
        if (state == null)
        {
            state = new TlsFlow();
            flows[slot] = state;
        }
        return state;
    }
}
