package io.weir.plugins.wg;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * The WireGuard detector of ipfixprobe's wg plugin, per flow in primitive arrays indexed by the
 * cache slot: the confidence level and the two peers' ephemeral indexes. Not thread safe: owned
 * by the capture worker.
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

    final boolean[] tracked;
    final byte[] confidence;
    final int[] sourcePeer;
    final int[] destinationPeer;

    WgFlows(final int flowSlots)
    {
        tracked = new boolean[flowSlots];
        confidence = new byte[flowSlots];
        sourcePeer = new int[flowSlots];
        destinationPeer = new int[flowSlots];
    }

    void reset(final int slot)
    {
        tracked[slot] = false;
        confidence[slot] = 0;
        sourcePeer[slot] = 0;
        destinationPeer[slot] = 0;
    }

    /**
     * Reads one UDP payload into the flow.
     *
     * @param forward the packet goes from the flow's source to its destination
     * @return {@link #MESSAGE}, {@link #NOT_WIREGUARD} or {@link #NEW_SESSION}
     */
    int onPayload(final int slot, final DirectBuffer buffer, final int payload, final int length,
                  final boolean forward)
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
        final int first = WgDescriptor.index(buffer, payload, WgDescriptor.FIRST_INDEX_OFFSET);
        switch (type)
        {
            case WgDescriptor.INITIATION:
                if (length != WgDescriptor.INITIATION_LENGTH)
                {
                    return NOT_WIREGUARD;
                }
                final int known = forward ? sourcePeer[slot] : destinationPeer[slot];
                if (known != 0 && known != first)
                {
                    return NEW_SESSION;
                }
                if (forward)
                {
                    sourcePeer[slot] = first;
                }
                else
                {
                    destinationPeer[slot] = first;
                }
                break;
            case WgDescriptor.RESPONSE:
                if (length != WgDescriptor.RESPONSE_LENGTH)
                {
                    return NOT_WIREGUARD;
                }
                final int second = WgDescriptor.index(buffer, payload, WgDescriptor.SECOND_INDEX_OFFSET);
                sourcePeer[slot] = forward ? first : second;
                destinationPeer[slot] = forward ? second : first;
                break;
            case WgDescriptor.COOKIE_REPLY:
                if (length != WgDescriptor.COOKIE_REPLY_LENGTH)
                {
                    return NOT_WIREGUARD;
                }
                receiver(slot, first, forward);
                break;
            default:
                receiver(slot, first, forward);
                break;
        }
        confidence[slot] = (byte)(first == WgDescriptor.DNS_QUERY_LOOKALIKE ? DNS_LOOKALIKE : CONFIDENT);
        return MESSAGE;
    }

    private void receiver(final int slot, final int index, final boolean forward)
    {
        if (forward)
        {
            destinationPeer[slot] = index;
        }
        else
        {
            sourcePeer[slot] = index;
        }
    }
}
