package io.weir.plugins.ovpn;

/**
 * The OpenVPN handshake tracker of ipfixprobe's ovpn plugin, per flow. The states follow a client's
 * hard reset, the server's reply, the client's ack, the TLS ClientHello and ServerHello in control
 * packets, control acks and finally data. Packets in a row that make no valid transition send the
 * flow back to the start. At the end, a flow of more than 20 packets that reached the data state
 * scores 100; otherwise one with more than 20 large packets (payload over 500 bytes, RTP excluded) of
 * which at least 60 % are data packets scores that share times 80.
 * <p>
 * Every packet of every flow goes through the tracker, so what it needs is one int per cache slot:
 * status (bits 0-7), invalid packet count, signed (8-15), confidence (16-23), exported (24), large
 * packets counted (25). The counts (one long per slot: large packets low, large data packets high,
 * both saturating) are touched only by large packets, and the client's address (two longs per slot)
 * only by resets, acks and control packets.
 * Not thread safe: owned by the capture worker.
 */
final class OvpnFlows
{
    static final int STATUS_NULL = 0;
    static final int STATUS_RESET_CLIENT = 1;
    static final int STATUS_RESET_SERVER = 2;
    static final int STATUS_ACK = 3;
    static final int STATUS_CLIENT_HELLO = 4;
    static final int STATUS_SERVER_HELLO = 5;
    static final int STATUS_CONTROL_ACK = 6;
    static final int STATUS_DATA = 7;

    static final int INVALID_PACKETS_THRESHOLD = 4;
    static final int MIN_PACKETS_FOR_EXPORT = 6;
    static final int MIN_PACKETS_FOR_DATA_VERDICT = 21;
    static final int MIN_LARGE_PACKETS = 21;
    /** ipfixprobe compares a double ratio with this float constant, widened. */
    static final double DATA_SHARE_THRESHOLD = 0.6f;

    private static final int INVALID_SHIFT = 8;
    private static final int CONFIDENCE_SHIFT = 16;
    private static final int EXPORTED = 1 << 24;
    private static final int COUNTED = 1 << 25;
    private static final long COUNT_MASK = 0xFFFF_FFFFL;

    private final int[] state;
    private final long[] counts;
    private final long[] clients;

    OvpnFlows(final int flowSlots)
    {
        state = new int[flowSlots];
        counts = new long[flowSlots];
        clients = new long[flowSlots * 2];
    }

    /**
     * A new flow: no state and no counts (the counts are zeroed by the flow's first large packet; the
     * client is set by the reset that makes it mean anything).
     */
    void reset(final int slot)
    {
        state[slot] = 0;
    }

    int status(final int slot)
    {
        return state[slot] & 0xFF;
    }

    int confidence(final int slot)
    {
        return (state[slot] >>> CONFIDENCE_SHIFT) & 0xFF;
    }

    boolean exported(final int slot)
    {
        return (state[slot] & EXPORTED) != 0;
    }

    boolean isClient(final int slot, final long high, final long low)
    {
        return clients[2 * slot] == high && clients[2 * slot + 1] == low;
    }

    void client(final int slot, final long high, final long low)
    {
        clients[2 * slot] = high;
        clients[2 * slot + 1] = low;
    }

    /**
     * One packet with an opcode (0 for none).
     *
     * @param fromClient  the packet's source is the client seen in the last hard reset
     * @param toClient    the packet's destination is that client
     * @param clientHello the packet carries a TLS ClientHello where the detector looks for it
     * @param serverHello the packet carries a TLS ServerHello there
     * @param large       a payload over 500 bytes on the wire that is not RTP
     */
    void onPacket(final int slot, final int opcode, final boolean fromClient, final boolean toClient,
                  final boolean clientHello, final boolean serverHello, final boolean large)
    {
        int word = state[slot];
        int status = word & 0xFF;
        int invalid = (byte)(word >>> INVALID_SHIFT);
        boolean data = false;
        switch (opcode)
        {
            case OvpnDescriptor.HARD_RESET_CLIENT_V1:
            case OvpnDescriptor.HARD_RESET_CLIENT_V2:
            case OvpnDescriptor.HARD_RESET_CLIENT_V3:
                status = STATUS_RESET_CLIENT;
                invalid = -1;
                break;
            case OvpnDescriptor.HARD_RESET_SERVER_V1:
            case OvpnDescriptor.HARD_RESET_SERVER_V2:
                if (status == STATUS_RESET_CLIENT && toClient)
                {
                    status = STATUS_RESET_SERVER;
                    invalid = -1;
                }
                else if (++invalid == INVALID_PACKETS_THRESHOLD)
                {
                    status = STATUS_NULL;
                }
                break;
            case OvpnDescriptor.CONTROL_V1:
                if (status == STATUS_ACK && fromClient && clientHello)
                {
                    status = STATUS_CLIENT_HELLO;
                    invalid = -1;
                }
                else if (status == STATUS_CLIENT_HELLO && toClient && serverHello)
                {
                    status = STATUS_SERVER_HELLO;
                    invalid = -1;
                }
                else if (status == STATUS_SERVER_HELLO || status == STATUS_CONTROL_ACK)
                {
                    status = STATUS_CONTROL_ACK;
                    invalid = -1;
                }
                else if (++invalid == INVALID_PACKETS_THRESHOLD)
                {
                    status = STATUS_NULL;
                }
                break;
            case OvpnDescriptor.ACK_V1:
                if (status == STATUS_RESET_SERVER && fromClient)
                {
                    status = STATUS_ACK;
                    invalid = -1;
                }
                else if (status == STATUS_SERVER_HELLO || status == STATUS_CONTROL_ACK)
                {
                    status = STATUS_CONTROL_ACK;
                    invalid = -1;
                }
                break;
            case OvpnDescriptor.DATA_V1:
            case OvpnDescriptor.DATA_V2:
                if (status == STATUS_CONTROL_ACK || status == STATUS_DATA)
                {
                    status = STATUS_DATA;
                    invalid = -1;
                }
                data = large;
                break;
            default:
                break;
        }
        if (large)
        {
            counts[slot] = count((word & COUNTED) != 0 ? counts[slot] : 0, data);
            word |= COUNTED;
        }
        if (invalid >= INVALID_PACKETS_THRESHOLD)
        {
            status = STATUS_NULL;
            invalid = -1;
        }
        invalid++;
        state[slot] = (word & ~0xFFFF) | status | ((invalid & 0xFF) << INVALID_SHIFT);
    }

    /** One more large packet, and one more large data packet when {@code data}; both stop at 2^32 - 1. */
    private static long count(final long counts, final boolean data)
    {
        long large = counts & COUNT_MASK;
        long dataCount = counts >>> 32;
        if (large < COUNT_MASK)
        {
            large++;
        }
        if (data && dataCount < COUNT_MASK)
        {
            dataCount++;
        }
        return (dataCount << 32) | large;
    }

    /** Decides the flow's confidence when it ends after {@code packets} packets. */
    void onEnd(final int slot, final long packets)
    {
        final int word = state[slot] & ~(EXPORTED | (0xFF << CONFIDENCE_SHIFT));
        if (packets < MIN_PACKETS_FOR_EXPORT)
        {
            state[slot] = word;
            return;
        }
        int confidence = 0;
        if (packets >= MIN_PACKETS_FOR_DATA_VERDICT && (word & 0xFF) == STATUS_DATA)
        {
            confidence = 100;
        }
        else if ((word & COUNTED) != 0)
        {
            final long large = counts[slot] & COUNT_MASK;
            final long data = counts[slot] >>> 32;
            if (large >= MIN_LARGE_PACKETS && (double)data / (double)large >= DATA_SHARE_THRESHOLD)
            {
                confidence = (int)((data / (double)large) * 80);
            }
        }
        state[slot] = word | EXPORTED | (confidence << CONFIDENCE_SHIFT);
    }
}
