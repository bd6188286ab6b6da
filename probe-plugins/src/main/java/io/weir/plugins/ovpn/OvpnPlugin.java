package io.weir.plugins.ovpn;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;
import org.agrona.DirectBuffer;

/**
 * OpenVPN detector, as ipfixprobe's ovpn plugin: follows the handshake of every TCP and UDP flow
 * (see {@link OvpnFlows}) and gives each flow of more than five packets a confidence level, 0 when
 * nothing looked like OpenVPN. Per packet it reads one opcode byte, and a few more only for control
 * packets and large UDP payloads. Not thread safe: owned by the capture worker.
 */
public final class OvpnPlugin implements ProcessPlugin
{
    static final int TCP = 6;
    static final int UDP = 17;
    static final int NOT_COUNTED = -1;

    private static final int LARGE_PAYLOAD_BYTES = 500;

    private final OvpnFlows flows;

    public OvpnPlugin(final int flowSlots)
    {
        this.flows = new OvpnFlows(flowSlots);
    }

    @Override
    public String name()
    {
        return OvpnPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return OvpnFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        flows.reset(flow.slot());
        onPacket(flow.slot(), packet);
        return CONTINUE;
    }

    @Override
    public int onUpdate(final FlowContext flow, final PacketView packet)
    {
        onPacket(flow.slot(), packet);
        return CONTINUE;
    }

    @Override
    public void beforeExport(final FlowContext flow)
    {
        flows.onEnd(flow.slot(), flow.forwardPackets() + flow.reversePackets());
    }

    @Override
    public boolean hasData(final int slot)
    {
        return flows.exported(slot);
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        writer.u8(flows.confidence(slot));
    }

    private void onPacket(final int slot, final PacketView packet)
    {
        final int protocol = packet.protocol();
        final int length = packet.payloadLength();
        final DirectBuffer buffer = packet.buffer();
        final int payload = packet.payloadOffset();
        final int opcode = opcode(protocol, buffer, payload, length);
        if (opcode == NOT_COUNTED)
        {
            return;
        }
        final boolean large = packet.payloadLengthWire() > LARGE_PAYLOAD_BYTES
            && !(protocol == UDP && isRtp(buffer, payload, length));
        boolean fromClient = false;
        boolean toClient = false;
        boolean clientHello = false;
        boolean serverHello = false;
        if (opcode == OvpnDescriptor.CONTROL_V1 || opcode == OvpnDescriptor.ACK_V1
            || opcode == OvpnDescriptor.HARD_RESET_SERVER_V1 || opcode == OvpnDescriptor.HARD_RESET_SERVER_V2)
        {
            fromClient = flows.isClient(slot, packet.sourceHigh(), packet.sourceLow());
            toClient = flows.isClient(slot, packet.destinationHigh(), packet.destinationLow());
            if (opcode == OvpnDescriptor.CONTROL_V1)
            {
                final int opcodeOffset = protocol == TCP
                    ? OvpnDescriptor.TCP_OPCODE_OFFSET : OvpnDescriptor.UDP_OPCODE_OFFSET;
                clientHello = hello(buffer, payload, length, opcodeOffset, OvpnDescriptor.CLIENT_HELLO_RECORD,
                    OvpnDescriptor.CLIENT_HELLO_RECORD_ACKED, OvpnDescriptor.CLIENT_HELLO);
                serverHello = hello(buffer, payload, length, opcodeOffset, OvpnDescriptor.SERVER_HELLO_RECORD,
                    OvpnDescriptor.SERVER_HELLO_RECORD_ACKED, OvpnDescriptor.SERVER_HELLO);
            }
        }
        else if (opcode == OvpnDescriptor.HARD_RESET_CLIENT_V1 || opcode == OvpnDescriptor.HARD_RESET_CLIENT_V2
            || opcode == OvpnDescriptor.HARD_RESET_CLIENT_V3)
        {
            flows.client(slot, packet.sourceHigh(), packet.sourceLow());
        }
        flows.onPacket(slot, opcode, fromClient, toClient, clientHello, serverHello, large);
    }

    /**
     * The opcode as the detector reads it: from the first byte of a UDP payload or the third of a TCP
     * one; 0 for other protocols and for a TCP payload of exactly two bytes (ipfixprobe reads the
     * byte after it, in practice the frame's zero padding).
     *
     * @return the opcode, or {@link #NOT_COUNTED} for an empty UDP payload or a TCP payload shorter
     *         than two bytes, which the detector skips entirely
     */
    static int opcode(final int protocol, final DirectBuffer buffer, final int payload, final int length)
    {
        if (protocol == UDP)
        {
            return length == 0 ? NOT_COUNTED
                : (buffer.getByte(payload + OvpnDescriptor.UDP_OPCODE_OFFSET) & 0xFF) >>> 3;
        }
        if (protocol == TCP)
        {
            if (length < OvpnDescriptor.TCP_OPCODE_OFFSET)
            {
                return NOT_COUNTED;
            }
            return length > OvpnDescriptor.TCP_OPCODE_OFFSET
                ? (buffer.getByte(payload + OvpnDescriptor.TCP_OPCODE_OFFSET) & 0xFF) >>> 3 : 0;
        }
        return 0;
    }

    /** The handshake state of the flow in {@code slot} (one of {@code OvpnFlows.STATUS_*}). */
    int status(final int slot)
    {
        return flows.status(slot);
    }

    /** A TLS handshake record of the given type at one of the two places a control packet may hold it. */
    static boolean hello(final DirectBuffer buffer, final int payload, final int length, final int opcodeOffset,
                         final int record, final int recordAcked, final int type)
    {
        return isHandshake(buffer, payload, length, opcodeOffset + record, type)
            || isHandshake(buffer, payload, length, opcodeOffset + recordAcked, type);
    }

    private static boolean isHandshake(final DirectBuffer buffer, final int payload, final int length,
                                       final int record, final int type)
    {
        final int handshake = record + OvpnDescriptor.HANDSHAKE_TYPE_DISTANCE;
        return length > handshake && (buffer.getByte(payload + record) & 0xFF) == OvpnDescriptor.TLS_HANDSHAKE
            && (buffer.getByte(payload + handshake) & 0xFF) == type;
    }

    /** ipfixprobe's test for an RTP header (not RTCP), whose large packets do not count as OpenVPN's. */
    static boolean isRtp(final DirectBuffer buffer, final int payload, final int length)
    {
        if (length < OvpnDescriptor.RTP_HEADER_LENGTH)
        {
            return false;
        }
        final int version = (buffer.getByte(payload) & 0xFF) >>> 6;
        final int payloadType = buffer.getByte(payload + 1) & 0x7F;
        return version == OvpnDescriptor.RTP_VERSION
            && (payloadType < OvpnDescriptor.RTCP_FIRST_TYPE || payloadType > OvpnDescriptor.RTCP_LAST_TYPE);
    }
}
