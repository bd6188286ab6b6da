package io.weir.plugins.mqtt;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;
import org.agrona.DirectBuffer;

/**
 * MQTT, as ipfixprobe's mqtt plugin: a flow whose first payload carries the protocol name "MQTT"
 * after its first fixed header, and reads without error, is followed in both directions; its
 * packets accumulate types, CONNECT/CONNACK values, PUBLISH flags and topics, and a DISCONNECT
 * ends the flow with that packet. ipfixprobe looks only at the flow's first packet, which misses
 * every connection captured with its TCP handshake; weir looks at the first packet with payload.
 * Other flows cost one array read per packet until their first payload. Not thread safe: owned by
 * the capture worker.
 */
public final class MqttPlugin implements ProcessPlugin
{
    /** Most bytes of MQTT_TOPICS per flow, separators included. */
    public static final int TOPICS_CAPACITY = 1024;

    private static final byte[] EMPTY = new byte[0];

    private final MqttFlows flows;

    public MqttPlugin(final int flowSlots, final int maxTopics)
    {
        this.flows = new MqttFlows(flowSlots, maxTopics, TOPICS_CAPACITY);
    }

    @Override
    public String name()
    {
        return MqttPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return MqttFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        flows.phase[flow.slot()] = MqttFlows.UNDECIDED;
        return packet.payloadLength() == 0 ? CONTINUE : decide(flow.slot(), packet);
    }

    @Override
    public int onUpdate(final FlowContext flow, final PacketView packet)
    {
        if (packet.payloadLength() == 0)
        {
            return CONTINUE;
        }
        final int slot = flow.slot();
        final byte phase = flows.phase[slot];
        if (phase == MqttFlows.IGNORED)
        {
            return CONTINUE;
        }
        if (phase == MqttFlows.UNDECIDED)
        {
            return decide(slot, packet);
        }
        final int result = MqttParser.parse(packet.buffer(), packet.payloadOffset(), packet.payloadLength(),
            flows, slot);
        return (result & MqttParser.DISCONNECT) != 0 ? FLUSH : CONTINUE;
    }

    /** The flow's first payload: MQTT when it starts with the protocol name and reads without error. */
    private int decide(final int slot, final PacketView packet)
    {
        final DirectBuffer buffer = packet.buffer();
        final int offset = packet.payloadOffset();
        final int length = packet.payloadLength();
        if (!MqttParser.startsWithProtocolName(buffer, offset, length))
        {
            flows.phase[slot] = MqttFlows.IGNORED;
            return CONTINUE;
        }
        flows.clearValues(slot);
        final int result = MqttParser.parse(buffer, offset, length, flows, slot);
        if ((result & MqttParser.VALID) == 0)
        {
            flows.phase[slot] = MqttFlows.IGNORED;
            return CONTINUE;
        }
        flows.phase[slot] = MqttFlows.TRACKED;
        return (result & MqttParser.DISCONNECT) != 0 ? FLUSH : CONTINUE;
    }

    @Override
    public boolean hasData(final int slot)
    {
        return flows.phase[slot] == MqttFlows.TRACKED;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        final MqttFlows f = flows;
        writer.u16(f.typeCumulative[slot] | (f.sessionPresent[slot] ? 1 : 0))
            .u8(f.version[slot] & 0xFF)
            .u8(f.connectionFlags[slot] & 0xFF)
            .u16(f.keepAlive[slot])
            .u8(f.returnCode[slot] & 0xFF)
            .u8(f.publishFlags[slot] & 0xFF);
        final byte[] topics = f.topics[slot];
        if (topics == null)
        {
            writer.bytes(EMPTY, 0, 0);
        }
        else
        {
            writer.bytes(topics, 0, f.topicsLength[slot]);
        }
    }
}
