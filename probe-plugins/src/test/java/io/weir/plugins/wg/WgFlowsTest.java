package io.weir.plugins.wg;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The WireGuard reader on the real messages of wg.pcap, and on broken copies. */
class WgFlowsTest
{
    private static final int SLOT = 2;

    private final WgFlows flows = new WgFlows(4);

    private int read(final byte[] payload, final boolean forward)
    {
        return flows.onPayload(SLOT, new UnsafeBuffer(payload), 0, payload.length, forward, false);
    }

    /** The packet as a flow's first: the slot's earlier indexes do not count. */
    private int readFirst(final byte[] payload, final boolean forward)
    {
        flows.reset(SLOT);
        return flows.onPayload(SLOT, new UnsafeBuffer(payload), 0, payload.length, forward, true);
    }

    private static int index(final byte[] payload, final int offset)
    {
        return (payload[offset] & 0xFF) | (payload[offset + 1] & 0xFF) << 8 | (payload[offset + 2] & 0xFF) << 16
            | (payload[offset + 3] & 0xFF) << 24;
    }

    @Test
    void initiationGivesTheSendersIndexToItsSide()
    {
        final byte[] initiation = WgCapture.firstOfType(1);
        assertEquals(148, initiation.length);
        assertEquals(WgFlows.MESSAGE, read(initiation, true));
        assertEquals(index(initiation, 4), flows.sourcePeer(SLOT));
        assertEquals(0, flows.destinationPeer(SLOT));
        assertEquals(100, flows.confidence(SLOT));
        assertEquals(WgFlows.MESSAGE, readFirst(initiation, false));
        assertEquals(index(initiation, 4), flows.destinationPeer(SLOT));
        assertEquals(0, flows.sourcePeer(SLOT), "the previous flow's index is not this flow's");
    }

    @Test
    void responseGivesBothIndexesSwappedWhenItComesFromTheDestination()
    {
        final byte[] response = WgCapture.firstOfType(2);
        assertEquals(WgFlows.MESSAGE, read(response, false));
        assertEquals(index(response, 4), flows.destinationPeer(SLOT));
        assertEquals(index(response, 8), flows.sourcePeer(SLOT));
        assertEquals(WgFlows.MESSAGE, read(response, true));
        assertEquals(index(response, 4), flows.sourcePeer(SLOT));
        assertEquals(index(response, 8), flows.destinationPeer(SLOT));
    }

    @Test
    void dataAndCookieGiveTheReceiversIndexToTheOtherSide()
    {
        final byte[] data = WgCapture.firstOfType(4);
        assertEquals(WgFlows.MESSAGE, read(data, true));
        assertEquals(index(data, 4), flows.destinationPeer(SLOT));
        final byte[] cookie = WgCapture.firstOfType(3);
        assertEquals(64, cookie.length);
        assertEquals(WgFlows.MESSAGE, read(cookie, false));
        assertEquals(index(cookie, 4), flows.sourcePeer(SLOT));
    }

    @Test
    void dataMayHaveAnyLengthFrom32Bytes()
    {
        final byte[] data = WgCapture.firstOfType(4);
        final byte[] odd = new byte[33];
        System.arraycopy(data, 0, odd, 0, 32);
        assertEquals(WgFlows.MESSAGE, read(odd, true));
        final byte[] shortest = new byte[32];
        System.arraycopy(data, 0, shortest, 0, 32);
        assertEquals(WgFlows.MESSAGE, read(shortest, true));
        final byte[] tooShort = new byte[31];
        System.arraycopy(data, 0, tooShort, 0, 31);
        assertEquals(WgFlows.NOT_WIREGUARD, read(tooShort, true));
    }

    @Test
    void rejectsHandshakeMessagesOfTheWrongLength()
    {
        for (final int type : new int[] {1, 2, 3})
        {
            final byte[] message = WgCapture.firstOfType(type);
            final byte[] longer = new byte[message.length + 1];
            System.arraycopy(message, 0, longer, 0, message.length);
            assertEquals(WgFlows.NOT_WIREGUARD, read(longer, true), "type " + type);
            final byte[] shorter = new byte[message.length - 1];
            System.arraycopy(message, 0, shorter, 0, shorter.length);
            assertEquals(WgFlows.NOT_WIREGUARD, read(shorter, true), "type " + type);
        }
        assertEquals(0, flows.sourcePeer(SLOT));
        assertEquals(0, flows.destinationPeer(SLOT));
    }

    @Test
    void rejectsReservedBytesAndUnknownTypes()
    {
        for (int i = 1; i < 4; i++)
        {
            final byte[] data = WgCapture.firstOfType(4);
            data[i] = 1;
            assertEquals(WgFlows.NOT_WIREGUARD, read(data, true), "reserved byte " + i);
        }
        for (final int type : new int[] {0, 5, 0x84, 0xFF})
        {
            final byte[] data = WgCapture.firstOfType(4);
            data[0] = (byte)type;
            assertEquals(WgFlows.NOT_WIREGUARD, read(data, true), "type " + type);
        }
    }

    @Test
    void dnsQueryLookalikeGetsLevelOne()
    {
        final byte[] data = WgCapture.firstOfType(4);
        data[4] = 0;
        data[5] = 1;
        data[6] = 0;
        data[7] = 0;
        assertEquals(WgFlows.MESSAGE, read(data, true));
        assertEquals(1, flows.confidence(SLOT));
        assertEquals(256, flows.destinationPeer(SLOT));
    }

    @Test
    void initiationWithAnotherSenderIsANewSessionAndChangesNothing()
    {
        final byte[] initiation = WgCapture.firstOfType(1);
        assertEquals(WgFlows.MESSAGE, read(initiation, true));
        final int peer = flows.sourcePeer(SLOT);
        assertEquals(WgFlows.MESSAGE, read(initiation, true), "the same sender again is the same session");
        final byte[] another = initiation.clone();
        another[4] ^= 1;
        assertEquals(WgFlows.MESSAGE, read(another, false), "the other side has no index yet");
        assertEquals(WgFlows.NEW_SESSION, read(another, true));
        assertEquals(peer, flows.sourcePeer(SLOT));
    }
}
