package io.weir.plugins.quic;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.plugins.tlshello.TlsHelloDecoder;
import io.weir.plugins.tlshello.TlsNumbers;
import org.agrona.DirectBuffer;

/**
 * QUIC, as ipfixprobe's quic plugin: packet types, versions, connection IDs, token length, Retry,
 * 0-RTT and multiplexing from the long headers, and SNI, user agent and extensions from the
 * ClientHello in the client's Initial packets, which are decrypted (v1, v2, drafts 23-34 and the
 * vendor versions ipfixprobe knows). Unlike ipfixprobe, CRYPTO frames are collected across the
 * Initial packets of a connection, so that a ClientHello larger than one datagram (post-quantum key
 * shares) is still read. A UDP packet whose first byte is not a long header of a known version costs
 * a few byte reads; decryption is tried only for Initial packets that may come from the client and
 * may carry a ClientHello not yet read. Not thread safe: one instance per capture worker.
 */
public final class QuicPlugin implements ProcessPlugin
{
    static final int MAX_DATAGRAM_BYTES = 65535;
    private static final int UDP = 17;
    private static final int MIN_PACKET_BYTES = 8;
    private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;

    static final int F_INITIAL = 0x01;
    static final int F_ZERO_RTT = 0x02;
    static final int F_HANDSHAKE = 0x04;
    static final int F_RETRY = 0x08;
    static final int F_NEGOTIATION = 0x10;
    static final int F_QUIC_BIT = 0x80;

    private final boolean[] active;
    private final QuicFlow[] flows;
    private final CryptoStream[] streams;
    private final int[] freeStreams;
    private final CryptoStream overflowStream;
    private int freeStreamCount;
    private int madeStreams;
    private final int streamBytes;

    private final LongHeader header = new LongHeader();
    private final InitialProtection protection = new InitialProtection(MAX_DATAGRAM_BYTES);
    private final byte[] plaintext = new byte[MAX_DATAGRAM_BYTES];
    private final InitialFrames frames = new InitialFrames(plaintext);
    private final TlsHelloDecoder decoder;
    private final ClientHelloCapture hello = new ClientHelloCapture();

    private int datagramFlags;
    private int datagramVersion;
    private int datagramZeroRtt;
    private int lastType;
    private int firstDcidOffset;
    private int firstDcidLength;
    private int firstScidOffset;
    private int firstScidLength;
    private long retryTokenLength;
    private boolean helloCompleted;
    private int helloVersion;
    private long helloTokenLength;
    private int helloDcidOffset;
    private int helloDcidLength;
    private int helloScidOffset;
    private int helloScidLength;

    private long opened;
    private long notOpened;
    private long clientHellos;
    private long clientHellosAcrossPackets;

    /**
     * @param streamBytes most bytes of CRYPTO stream collected per connection (the largest ClientHello read)
     * @param streams     connections that may collect a ClientHello over several packets at the same time
     */
    public QuicPlugin(final int flowSlots, final int streamBytes, final int streams)
    {
        this.active = new boolean[flowSlots];
        this.flows = new QuicFlow[flowSlots];
        this.streamBytes = streamBytes;
        this.streams = new CryptoStream[streams];
        this.freeStreams = new int[streams];
        this.overflowStream = new CryptoStream(streamBytes);
        this.decoder = new TlsHelloDecoder(streamBytes);
    }

    @Override
    public String name()
    {
        return QuicPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return QuicFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        releaseStream(flow.slot());
        active[flow.slot()] = false;
        return onPacket(flow, packet);
    }

    @Override
    public int onUpdate(final FlowContext flow, final PacketView packet)
    {
        return onPacket(flow, packet);
    }

    @Override
    public void beforeExport(final FlowContext flow)
    {
        releaseStream(flow.slot());
    }

    @Override
    public boolean hasData(final int slot)
    {
        return active[slot];
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        final QuicFlow state = flows[slot];
        writer.bytes(state.serverName, 0, state.serverNameLength);
        writer.bytes(state.userAgent, 0, state.userAgentLength);
        writer.u32(state.version);
        writer.u32(state.clientVersion);
        writer.u64(state.tokenLength);
        writer.bytes(state.occid, 0, Math.max(0, state.occidLength));
        writer.bytes(state.oscid, 0, Math.max(0, state.oscidLength));
        writer.bytes(state.scid, 0, Math.max(0, state.scidLength));
        writer.bytes(state.retryScid, 0, Math.max(0, state.retryScidLength));
        writer.u8(state.multiplexed);
        writer.u8(state.zeroRtt);
        writer.u16(state.serverPort);
        writer.listCount(state.lastPacketType + 1);
        for (int i = 0; i <= state.lastPacketType; i++)
        {
            writer.u8(state.packetTypes[i]);
        }
        writer.u8(state.clientHelloParsed ? 1 : 0);
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
        writer.bytes(state.tlsExtensions, 0, state.tlsExtensionsLength);
    }

    /** Initial packets whose protection was removed. */
    public long opened()
    {
        return opened;
    }

    /** Initial packets tried that did not open (server Initials, other keys, damage). */
    public long notOpened()
    {
        return notOpened;
    }

    public long clientHellos()
    {
        return clientHellos;
    }

    /** ClientHellos whose CRYPTO data came in more than one Initial packet. */
    public long clientHellosAcrossPackets()
    {
        return clientHellosAcrossPackets;
    }

    /** CRYPTO streams lent right now (0 once every flow has ended). */
    public int streamsLent()
    {
        return madeStreams - freeStreamCount;
    }

    private int onPacket(final FlowContext flow, final PacketView packet)
    {
        if (packet.protocol() != UDP)
        {
            return CONTINUE;
        }
        final int slot = flow.slot();
        final int length = packet.payloadLength();
        final DirectBuffer buffer = packet.buffer();
        final int offset = packet.payloadOffset();
        final int firstByte = length > 0 ? buffer.getByte(offset) & 0xFF : 0;
        final int quicBit = (firstByte & 0x40) << 1;
        if (length < MIN_PACKET_BYTES || (firstByte & 0x80) == 0 || !QuicVersion.known(buffer.getInt(offset + 1, BIG)))
        {
            if (active[slot])
            {
                recordPacket(flows[slot], flow, quicBit);
            }
            return CONTINUE;
        }
        final boolean newQuicFlow = !active[slot];
        final QuicFlow state = flow(slot);
        if (newQuicFlow)
        {
            state.reset();
        }
        readDatagram(state, flow.forward(), buffer, offset, offset + length);
        if (datagramFlags == 0)
        {
            if (!newQuicFlow)
            {
                recordPacket(state, flow, quicBit);
            }
            return CONTINUE;
        }
        active[slot] = true;
        return onQuicDatagram(state, flow, buffer, newQuicFlow, datagramFlags | quicBit);
    }

    private int onQuicDatagram(final QuicFlow state, final FlowContext flow, final DirectBuffer buffer,
                               final boolean newQuicFlow, final int flags)
    {
        recordPacket(state, flow, flags);
        if ((flags & F_ZERO_RTT) == 0)
        {
            state.version = datagramVersion;
        }
        final int toServer;
        if (helloCompleted)
        {
            toServer = 1;
        }
        else if ((flags & (F_RETRY | F_NEGOTIATION)) != 0)
        {
            toServer = 0;
        }
        else if ((flags & F_ZERO_RTT) != 0)
        {
            toServer = 1;
        }
        else if (state.serverSide != QuicFlow.SERVER_UNKNOWN)
        {
            toServer = towardsServer(state, flow.forward()) ? 1 : 0;
        }
        else
        {
            toServer = -1;
        }
        if (toServer >= 0 && state.serverSide == QuicFlow.SERVER_UNKNOWN)
        {
            final boolean serverIsDestination = (toServer == 1) == flow.forward();
            state.serverSide = serverIsDestination ? QuicFlow.SERVER_IS_DESTINATION : QuicFlow.SERVER_IS_SOURCE;
            state.serverPort = serverIsDestination ? flow.destinationPort() : flow.sourcePort();
        }
        if (toServer == 0)
        {
            state.serverPacketSeen = true;
        }
        state.zeroRtt = Math.min(255, state.zeroRtt + datagramZeroRtt);

        if ((flags & F_NEGOTIATION) != 0)
        {
            connectionIds(state, flow, toServer, buffer);
            return FLUSH;
        }
        if (helloCompleted)
        {
            state.clientHelloParsed = true;
            resolvePending(state, flow);
            onClientHello(state, buffer, newQuicFlow);
            state.clientHelloSeen = true;
            return CONTINUE;
        }
        final int type = (flags & F_INITIAL) != 0 ? QuicVersion.INITIAL : lastType;
        if (type == QuicVersion.INITIAL || type == QuicVersion.HANDSHAKE)
        {
            connectionIds(state, flow, toServer, buffer);
        }
        else if (type == QuicVersion.RETRY)
        {
            state.retries++;
            if (state.retries == 1)
            {
                state.retryScidLength = copy(buffer, firstScidOffset, firstScidLength, state.retryScid);
                state.keyDcidLength = copy(buffer, firstScidOffset, firstScidLength, state.keyDcid);
                state.tokenLength = retryTokenLength;
            }
            if (state.occidLength < 0)
            {
                state.occidLength = copy(buffer, firstDcidOffset, firstDcidLength, state.occid);
            }
        }
        else if (type == QuicVersion.ZERO_RTT && state.occidLength < 0)
        {
            state.occidLength = copy(buffer, firstScidOffset, firstScidLength, state.occid);
        }
        return CONTINUE;
    }

    /** Walks the long header packets of one datagram; decrypts Initials that may carry the ClientHello. */
    private void readDatagram(final QuicFlow state, final boolean forward, final DirectBuffer buffer, final int start,
                              final int end)
    {
        datagramFlags = 0;
        datagramZeroRtt = 0;
        helloCompleted = false;
        retryTokenLength = 0;
        int p = start;
        boolean first = true;
        while (p + MIN_PACKET_BYTES <= end && header.wrap(buffer, p, end))
        {
            if (first)
            {
                datagramVersion = header.version;
                firstDcidOffset = header.dcidOffset;
                firstDcidLength = header.dcidLength;
                firstScidOffset = header.scidOffset;
                firstScidLength = header.scidLength;
                first = false;
            }
            lastType = header.type;
            if (header.type == LongHeader.NEGOTIATION)
            {
                datagramFlags |= F_NEGOTIATION;
                datagramVersion = header.version;
                return;
            }
            if (header.type == QuicVersion.RETRY)
            {
                datagramFlags |= F_RETRY;
                firstDcidOffset = header.dcidOffset;
                firstDcidLength = header.dcidLength;
                firstScidOffset = header.scidOffset;
                firstScidLength = header.scidLength;
                retryTokenLength = header.tokenLength;
                return;
            }
            if (header.type == QuicVersion.INITIAL)
            {
                datagramFlags |= F_INITIAL;
                if (header.complete)
                {
                    onInitial(state, forward, buffer);
                }
            }
            else if (header.type == QuicVersion.ZERO_RTT)
            {
                datagramFlags |= F_ZERO_RTT;
                datagramZeroRtt++;
            }
            else
            {
                datagramFlags |= F_HANDSHAKE;
            }
            if (!header.complete)
            {
                return;
            }
            p = header.end;
        }
    }

    private void onInitial(final QuicFlow state, final boolean forward, final DirectBuffer buffer)
    {
        if (helloCompleted
            || (state.serverSide != QuicFlow.SERVER_UNKNOWN && !towardsServer(state, forward))
            || (state.clientHelloParsed && knownConnectionId(state, buffer, header.dcidOffset, header.dcidLength)))
        {
            return;
        }
        final int version = header.version;
        int length = -1;
        boolean withKeyDcid = false;
        if (state.keyDcidLength >= 0)
        {
            protection.derive(version, state.keyDcid, state.keyDcidLength);
            length = protection.open(buffer, header.start, header.pnOffset, header.end, plaintext);
            withKeyDcid = length >= 0;
        }
        if (length < 0 && !equal(buffer, header.dcidOffset, header.dcidLength, state.keyDcid, state.keyDcidLength))
        {
            protection.derive(version, buffer, header.dcidOffset, header.dcidLength);
            length = protection.open(buffer, header.start, header.pnOffset, header.end, plaintext);
        }
        if (length < 0)
        {
            notOpened++;
            return;
        }
        opened++;
        if (!withKeyDcid && state.keyDcidLength < 0)
        {
            state.keyDcidLength = copy(buffer, header.dcidOffset, header.dcidLength, state.keyDcid);
        }
        final CryptoStream stream = stream(state, withKeyDcid, buffer);
        if (frames.walk(length, stream) == 0)
        {
            if (stream == overflowStream)
            {
                stream.clear();
            }
            return;
        }
        state.helloPackets++;
        readClientHello(state, stream, buffer, version);
    }

    /** Decodes the ClientHello once the stream holds all of it; gives the stream back when done or hopeless. */
    private void readClientHello(final QuicFlow state, final CryptoStream stream, final DirectBuffer buffer,
                                 final int version)
    {
        final int contiguous = stream.contiguous();
        if (contiguous < 4)
        {
            if (stream == overflowStream)
            {
                stream.clear();
            }
            return;
        }
        final int required = 4 + (((stream.data[1] & 0xFF) << 16) | ((stream.data[2] & 0xFF) << 8) | (stream.data[3] & 0xFF));
        if (contiguous < required && required <= stream.capacity() && stream != overflowStream)
        {
            return;
        }
        if (contiguous >= required && decoder.decode(stream.view, 0, required) == TlsHelloDecoder.OK
            && decoder.type() == TlsNumbers.CLIENT_HELLO)
        {
            hello.capture(decoder);
            helloCompleted = true;
            helloVersion = version;
            helloTokenLength = header.tokenLength;
            helloDcidOffset = header.dcidOffset;
            helloDcidLength = header.dcidLength;
            helloScidOffset = header.scidOffset;
            helloScidLength = header.scidLength;
            clientHellos++;
            if (state.helloPackets > 1)
            {
                clientHellosAcrossPackets++;
            }
        }
        if (stream == overflowStream)
        {
            stream.clear();
        }
        else
        {
            releaseStream(state);
        }
    }

    /**
     * The stream of the connection attempt whose keys opened the packet: the flow's own (lent when
     * first needed, started again when other keys open a packet), or when none is left to lend, a
     * scratch stream that holds one datagram only, as ipfixprobe reads them.
     */
    private CryptoStream stream(final QuicFlow state, final boolean withKeyDcid, final DirectBuffer buffer)
    {
        if (state.stream >= 0)
        {
            final boolean sameAttempt = withKeyDcid
                ? state.streamDcidLength == state.keyDcidLength
                    && Arrays.equals(state.streamDcid, 0, state.keyDcidLength, state.keyDcid, 0, state.keyDcidLength)
                : equal(buffer, header.dcidOffset, header.dcidLength, state.streamDcid, state.streamDcidLength);
            if (sameAttempt)
            {
                return streams[state.stream];
            }
            releaseStream(state);
        }
        final int index = acquireStream();
        state.helloPackets = 0;
        if (index < 0)
        {
            return overflowStream;
        }
        state.stream = index;
        if (withKeyDcid)
        {
            System.arraycopy(state.keyDcid, 0, state.streamDcid, 0, state.keyDcidLength);
            state.streamDcidLength = state.keyDcidLength;
        }
        else
        {
            state.streamDcidLength = copy(buffer, header.dcidOffset, header.dcidLength, state.streamDcid);
        }
        return streams[index];
    }

    private void onClientHello(final QuicFlow state, final DirectBuffer buffer, final boolean newQuicFlow)
    {
        state.tokenLength = helloTokenLength;
        final boolean afterRetry = helloTokenLength > 0 && state.retryScidLength >= 0
            && equal(buffer, helloDcidOffset, helloDcidLength, state.retryScid, state.retryScidLength);
        if (!afterRetry)
        {
            final boolean sameConnection = newQuicFlow || !state.clientHelloSeen
                || ((equal(buffer, helloDcidOffset, helloDcidLength, state.oscid, state.oscidLength)
                || (state.serverPacketSeen && equal(buffer, helloDcidOffset, helloDcidLength, state.scid, state.scidLength)))
                && Arrays.equals(hello.serverName, 0, hello.serverNameLength, state.serverName, 0, state.serverNameLength));
            if (sameConnection)
            {
                System.arraycopy(hello.serverName, 0, state.serverName, 0, hello.serverNameLength);
                state.serverNameLength = hello.serverNameLength;
                System.arraycopy(hello.userAgent, 0, state.userAgent, 0, hello.userAgentLength);
                state.userAgentLength = hello.userAgentLength;
                if (state.oscidLength < 0)
                {
                    state.oscidLength = copy(buffer, helloDcidOffset, helloDcidLength, state.oscid);
                }
                if (state.occidLength < 0)
                {
                    state.occidLength = copy(buffer, helloScidOffset, helloScidLength, state.occid);
                }
                if (!state.clientVersionSet)
                {
                    state.clientVersion = helloVersion;
                    state.clientVersionSet = true;
                }
            }
            else
            {
                state.multiplexed = Math.min(255, state.multiplexed + 1);
            }
        }
        if (!state.extensionsSet)
        {
            state.extensionCount = hello.extensionCount;
            System.arraycopy(hello.extensionTypes, 0, state.extensionTypes, 0, hello.extensionCount);
            System.arraycopy(hello.extensionLengths, 0, state.extensionLengths, 0, hello.extensionCount);
            state.tlsExtensionsLength = hello.tlsExtensionsLength;
            System.arraycopy(hello.tlsExtensions, 0, state.tlsExtensions, 0, hello.tlsExtensionsLength);
            state.extensionsSet = true;
        }
    }

    /** Client and server connection IDs from a packet whose direction may or may not be known yet. */
    private void connectionIds(final QuicFlow state, final FlowContext flow, final int toServer,
                               final DirectBuffer buffer)
    {
        if (toServer < 0)
        {
            final int side = flow.forward() ? 0 : 1;
            if (!state.pending[side])
            {
                state.pendingScidLength[side] = copy(buffer, firstScidOffset, firstScidLength, state.pendingScid[side]);
                state.pendingDcidLength[side] = copy(buffer, firstDcidOffset, firstDcidLength, state.pendingDcid[side]);
                state.pending[side] = true;
            }
            return;
        }
        resolvePending(state, flow);
        if (toServer == 1)
        {
            if (state.scidLength < 0 && state.serverPacketSeen && serverPackets(state, flow) - 1 != state.retries)
            {
                state.scidLength = copy(buffer, firstDcidOffset, firstDcidLength, state.scid);
            }
            if (state.occidLength < 0)
            {
                state.occidLength = copy(buffer, firstScidOffset, firstScidLength, state.occid);
            }
        }
        else
        {
            if (state.occidLength < 0)
            {
                state.occidLength = copy(buffer, firstDcidOffset, firstDcidLength, state.occid);
            }
            if (state.scidLength < 0)
            {
                state.scidLength = copy(buffer, firstScidOffset, firstScidLength, state.scid);
            }
        }
    }

    /** Applies the connection IDs kept while the server side was unknown, now that it is known. */
    private void resolvePending(final QuicFlow state, final FlowContext flow)
    {
        if (state.serverSide == QuicFlow.SERVER_UNKNOWN)
        {
            return;
        }
        for (int side = 0; side < 2; side++)
        {
            if (!state.pending[side])
            {
                continue;
            }
            state.pending[side] = false;
            if (towardsServer(state, side == 0))
            {
                if (state.clientHelloSeen && state.serverPacketSeen && state.scidLength < 0)
                {
                    state.scidLength = copyOf(state.pendingDcid[side], state.pendingDcidLength[side], state.scid);
                }
                if (state.occidLength < 0)
                {
                    state.occidLength = copyOf(state.pendingScid[side], state.pendingScidLength[side], state.occid);
                }
            }
            else
            {
                if (state.scidLength < 0)
                {
                    state.scidLength = copyOf(state.pendingScid[side], state.pendingScidLength[side], state.scid);
                }
                if (state.occidLength < 0)
                {
                    state.occidLength = copyOf(state.pendingDcid[side], state.pendingDcidLength[side], state.occid);
                }
            }
        }
    }

    private static boolean towardsServer(final QuicFlow state, final boolean forward)
    {
        return forward == (state.serverSide == QuicFlow.SERVER_IS_DESTINATION);
    }

    private static long serverPackets(final QuicFlow state, final FlowContext flow)
    {
        return state.serverSide == QuicFlow.SERVER_IS_DESTINATION ? flow.reversePackets() : flow.forwardPackets();
    }

    private static void recordPacket(final QuicFlow state, final FlowContext flow, final int flags)
    {
        final long position = flow.forwardPackets() + flow.reversePackets() - 1;
        if (position >= 0 && position < QuicFlow.MAX_PACKETS)
        {
            state.packetTypes[(int)position] = (byte)flags;
            state.lastPacketType = (int)position;
        }
    }

    private boolean knownConnectionId(final QuicFlow state, final DirectBuffer buffer, final int offset,
                                      final int length)
    {
        return equal(buffer, offset, length, state.oscid, state.oscidLength)
            || equal(buffer, offset, length, state.scid, state.scidLength)
            || equal(buffer, offset, length, state.keyDcid, state.keyDcidLength)
            || equal(buffer, offset, length, state.retryScid, state.retryScidLength);
    }

    private static boolean equal(final DirectBuffer buffer, final int offset, final int length, final byte[] id,
                                 final int idLength)
    {
        if (idLength != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (buffer.getByte(offset + i) != id[i])
            {
                return false;
            }
        }
        return true;
    }

    private static int copy(final DirectBuffer buffer, final int offset, final int length, final byte[] to)
    {
        buffer.getBytes(offset, to, 0, length);
        return length;
    }

    private static int copyOf(final byte[] from, final int length, final byte[] to)
    {
        System.arraycopy(from, 0, to, 0, length);
        return length;
    }

    private int acquireStream()
    {
        if (freeStreamCount > 0)
        {
            return freeStreams[--freeStreamCount];
        }
        if (madeStreams < streams.length)
        {
            streams[madeStreams] = new CryptoStream(streamBytes);
            return madeStreams++;
        }
        return -1;
    }

    private void releaseStream(final int slot)
    {
        final QuicFlow state = flows[slot];
        if (state != null)
        {
            releaseStream(state);
        }
    }

    private void releaseStream(final QuicFlow state)
    {
        if (state.stream >= 0)
        {
            streams[state.stream].clear();
            freeStreams[freeStreamCount++] = state.stream;
            state.stream = -1;
            state.streamDcidLength = -1;
        }
    }

    private QuicFlow flow(final int slot)
    {
        QuicFlow state = flows[slot];
        if (state == null)
        {
            state = new QuicFlow();
            flows[slot] = state;
        }
        return state;
    }
}
