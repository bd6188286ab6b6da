package io.weir.plugins.wg;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * The WireGuard detector of ipfixprobe's wg plugin, per flow: the confidence level and the two
 * peers' ephemeral indexes. What every packet checks — whether the flow is followed — is one byte
 * per cache slot (bit 7 tracked, bits 0-6 the level); the indexes are one long per slot (source in
 * the high half), touched only for UDP flows. Not thread safe: owned by the capture worker.
 */
final class WgFlows
{
    /** The packet is a WireGuard message; the flow's values were updated. */
    static final int MESSAGE = 0;
    /** The packet is not a WireGuard message. */
    static final int NOT_WIREGUARD = 1;
    /** A handshake initiation from a peer whose index changed: a new session, so a new flow. */
    static final int NEW_SESSION = 2;

    static final int CONFIDENT = 100;
    static final int DNS_LOOKALIKE = 1;

    private static final int TRACKED = 0x80;
    private static final int LEVEL = 0x7F;
    private static final long LOW = 0xFFFF_FFFFL;

    private final byte[] state;
    private final long[] peers;

    WgFlows(final int flowSlots)
    {
        state = new byte[flowSlots];
        peers = new long[flowSlots];
    }

    /** Not followed, no level: how every flow starts; its indexes are set by its first message. */
    void reset(final int slot)
    {
        state[slot] = 0;
    }

    int sourcePeer(final int slot)
    {
        return (int)(peers[slot] >>> 32);
    }

    int destinationPeer(final int slot)
    {
        return (int)peers[slot];
    }

    int confidence(final int slot)
    {
        return state[slot] & LEVEL;
    }

    /** Following stopped: a later packet was not WireGuard. */
    void notWireGuard(final int slot)
    {
        state[slot] = (byte)(state[slot] & TRACKED);
    }

    boolean tracked(final int slot)
    {
        return (state[slot] & TRACKED) != 0;
    }

    void track(final int slot)
    {
        state[slot] = (byte)(state[slot] | TRACKED);
    }

    /**
     * Reads one UDP payload into the flow.
     *
     * @param forward the packet goes from the flow's source to its destination
     * @param first   the flow's first packet: no index known yet
     * @return {@link #MESSAGE}, {@link #NOT_WIREGUARD} or {@link #NEW_SESSION}
     */
    int onPayload(final int slot, final DirectBuffer buffer, final int payload, final int length,
                  final boolean forward, final boolean first)
    {
        if (length < WgDescriptor.MIN_TRANSPORT_DATA_LENGTH)
        {
            return NOT_WIREGUARD;
        }
        final int header = buffer.getInt(payload, ByteOrder.BIG_ENDIAN);
        final int type = header >>> 24;
        if ((header & 0x00FF_FFFF) != 0 || type < WgDescriptor.INITIATION || type > WgDescriptor.TRANSPORT_DATA)
        {
            return NOT_WIREGUARD;
        }
        final int index = WgDescriptor.index(buffer, payload, WgDescriptor.FIRST_INDEX_OFFSET);
        final long known = first ? 0 : peers[slot];
        int source = (int)(known >>> 32);
        int destination = (int)known;
        switch (type)
        {
            case WgDescriptor.INITIATION:
                if (length != WgDescriptor.INITIATION_LENGTH)
                {
                    return NOT_WIREGUARD;
                }
                final int sidePeer = forward ? source : destination;
                if (sidePeer != 0 && sidePeer != index)
                {
                    return NEW_SESSION;
                }
                if (forward)
                {
                    source = index;
                }
                else
                {
                    destination = index;
                }
                break;
            case WgDescriptor.RESPONSE:
                if (length != WgDescriptor.RESPONSE_LENGTH)
                {
                    return NOT_WIREGUARD;
                }
                final int second = WgDescriptor.index(buffer, payload, WgDescriptor.SECOND_INDEX_OFFSET);
                source = forward ? index : second;
                destination = forward ? second : index;
                break;
            case WgDescriptor.COOKIE_REPLY:
                if (length != WgDescriptor.COOKIE_REPLY_LENGTH)
                {
                    return NOT_WIREGUARD;
                }
            // fall through: a cookie reply names its receiver as transport data does
            default:
                if (forward)
                {
                    destination = index;
                }
                else
                {
                    source = index;
                }
                break;
        }
        peers[slot] = ((long)source << 32) | (destination & LOW);
        final int confidence = index == WgDescriptor.DNS_QUERY_LOOKALIKE ? DNS_LOOKALIKE : CONFIDENT;
        state[slot] = (byte)((state[slot] & TRACKED) | confidence);
        return MESSAGE;
    }
}
