package io.weir.plugins.icmp;

import java.nio.ByteOrder;
import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;

/**
 * ipfixprobe's icmp: for an ICMP or ICMPv6 flow whose first packet has at least the two bytes of
 * type and code, those two bytes as one number. Only the first packet counts (later packets of the
 * flow, e.g. echo replies, do not change it); other flows carry no field.
 * Per slot one int: -1 for none, else type &lt;&lt; 8 | code. Not thread safe: owned by the capture worker.
 */
public final class IcmpPlugin implements ProcessPlugin
{
    static final int PROTOCOL_ICMP = 1;
    static final int PROTOCOL_ICMPV6 = 58;

    private final int[] typeCodes;

    public IcmpPlugin(final int flowSlots)
    {
        this.typeCodes = new int[flowSlots];
    }

    @Override
    public String name()
    {
        return IcmpPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return IcmpFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        final int protocol = packet.protocol();
        int typeCode = -1;
        if ((protocol == PROTOCOL_ICMP || protocol == PROTOCOL_ICMPV6) && packet.payloadLength() >= 2)
        {
            typeCode = packet.buffer().getShort(packet.payloadOffset(), ByteOrder.BIG_ENDIAN) & 0xFFFF;
        }
        typeCodes[flow.slot()] = typeCode;
        return CONTINUE;
    }

    @Override
    public boolean hasData(final int slot)
    {
        return typeCodes[slot] >= 0;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        writer.u16(typeCodes[slot]);
    }
}
