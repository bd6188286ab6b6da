package io.weir.plugins.ovpn;

/**
 * The OpenVPN handshake tracker of ipfixprobe's ovpn plugin, per flow in primitive arrays indexed
 * by the cache slot. The states follow a client's hard reset, the server's reply, the client's
 * ack, the TLS ClientHello and ServerHello in control packets, control acks and finally data.
 * Four packets in a row that make no valid transition send the flow back to the start. At the
 * end, a flow of more than 20 packets that reached the data state scores 100; otherwise one with
 * more than 20 large packets (payload over 500 bytes, RTP excluded) of which at least 60 % are
 * data packets scores that share times 80. Not thread safe: owned by the capture worker.
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

    final byte[] status;
    final int[] invalidPackets;
    final int[] largePackets;
    final int[] dataPackets;
    final long[] clientHigh;
    final long[] clientLow;
    final byte[] confidence;
    final boolean[] exported;

    OvpnFlows(final int flowSlots)
    {
        status = new byte[flowSlots];
        invalidPackets = new int[flowSlots];
        largePackets = new int[flowSlots];
        dataPackets = new int[flowSlots];
        clientHigh = new long[flowSlots];
        clientLow = new long[flowSlots];
        confidence = new byte[flowSlots];
        exported = new boolean[flowSlots];
    }

    void reset(final int slot)
    {
        status[slot] = STATUS_NULL;
        invalidPackets[slot] = 0;
        largePackets[slot] = 0;
        dataPackets[slot] = 0;
        clientHigh[slot] = 0;
        clientLow[slot] = 0;
        confidence[slot] = 0;
        exported[slot] = false;
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
        final int state = status[slot];
        switch (opcode)
        {
            case OvpnDescriptor.HARD_RESET_CLIENT_V1:
            case OvpnDescriptor.HARD_RESET_CLIENT_V2:
            case OvpnDescriptor.HARD_RESET_CLIENT_V3:
                moveTo(slot, STATUS_RESET_CLIENT);
                break;
            case OvpnDescriptor.HARD_RESET_SERVER_V1:
            case OvpnDescriptor.HARD_RESET_SERVER_V2:
                if (state == STATUS_RESET_CLIENT && toClient)
                {
                    moveTo(slot, STATUS_RESET_SERVER);
                }
                else
                {
                    invalid(slot);
                }
                break;
            case OvpnDescriptor.CONTROL_V1:
                if (state == STATUS_ACK && fromClient && clientHello)
                {
                    moveTo(slot, STATUS_CLIENT_HELLO);
                }
                else if (state == STATUS_CLIENT_HELLO && toClient && serverHello)
                {
                    moveTo(slot, STATUS_SERVER_HELLO);
                }
                else if (state == STATUS_SERVER_HELLO || state == STATUS_CONTROL_ACK)
                {
                    moveTo(slot, STATUS_CONTROL_ACK);
                }
                else
                {
                    invalid(slot);
                }
                break;
            case OvpnDescriptor.ACK_V1:
                if (state == STATUS_RESET_SERVER && fromClient)
                {
                    moveTo(slot, STATUS_ACK);
                }
                else if (state == STATUS_SERVER_HELLO || state == STATUS_CONTROL_ACK)
                {
                    moveTo(slot, STATUS_CONTROL_ACK);
                }
                break;
            case OvpnDescriptor.DATA_V1:
            case OvpnDescriptor.DATA_V2:
                if (state == STATUS_CONTROL_ACK || state == STATUS_DATA)
                {
                    moveTo(slot, STATUS_DATA);
                }
                if (large)
                {
                    dataPackets[slot]++;
                }
                break;
            default:
                break;
        }
        if (large)
        {
            largePackets[slot]++;
        }
        if (invalidPackets[slot] >= INVALID_PACKETS_THRESHOLD)
        {
            status[slot] = STATUS_NULL;
            invalidPackets[slot] = -1;
        }
        invalidPackets[slot]++;
    }

    private void moveTo(final int slot, final int next)
    {
        status[slot] = (byte)next;
        invalidPackets[slot] = -1;
    }

    private void invalid(final int slot)
    {
        if (++invalidPackets[slot] == INVALID_PACKETS_THRESHOLD)
        {
            status[slot] = STATUS_NULL;
        }
    }

    /** Decides the flow's confidence when it ends after {@code packets} packets. */
    void onEnd(final int slot, final long packets)
    {
        if (packets < MIN_PACKETS_FOR_EXPORT)
        {
            exported[slot] = false;
            return;
        }
        exported[slot] = true;
        confidence[slot] = 0;
        final int large = largePackets[slot];
        if (packets >= MIN_PACKETS_FOR_DATA_VERDICT && status[slot] == STATUS_DATA)
        {
            confidence[slot] = 100;
        }
        else if (large >= MIN_LARGE_PACKETS && (double)dataPackets[slot] / (double)large >= DATA_SHARE_THRESHOLD)
        {
            confidence[slot] = (byte)(int)((dataPackets[slot] / (double)large) * 80);
        }
    }
}
