package io.weir.plugins.ntp;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.ProcessPlugin;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * NTP, as ipfixprobe's ntp plugin: every packet from or to port 123 is a flow of its own (ended
 * as soon as it is created), and when it carries an NTPv4 client or server header the record gets
 * that header's fields, formatted only at export.
 * <p>
 * Because such a flow ends right after {@link #onCreate} returns {@link #FLUSH}, before any other
 * flow is created or ended, the plugin keeps only the last header and the slot it belongs to: no
 * per-slot state, and other flows cost one comparison when they are created.
 * Not thread safe: owned by the capture worker.
 */
public final class NtpPlugin implements ProcessPlugin
{
    static final int PORT = 123;

    private static final int NO_SLOT = -1;

    private final UnsafeBuffer header = new UnsafeBuffer(new byte[NtpDescriptor.HEADER_LENGTH]);
    private final byte[] text = new byte[NtpText.MAX_LENGTH];
    private int headerSlot = NO_SLOT;

    @Override
    public String name()
    {
        return NtpPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return NtpFields.ALL;
    }

    @Override
    public int onCreate(final FlowContext flow, final PacketView packet)
    {
        final int slot = flow.slot();
        if (slot == headerSlot)
        {
            headerSlot = NO_SLOT;
        }
        if (packet.sourcePort() != PORT && packet.destinationPort() != PORT)
        {
            return CONTINUE;
        }
        final DirectBuffer buffer = packet.buffer();
        final int offset = packet.payloadOffset();
        if (NtpDescriptor.isAccepted(buffer, offset, packet.payloadLength()))
        {
            header.putBytes(0, buffer, offset, NtpDescriptor.HEADER_LENGTH);
            headerSlot = slot;
        }
        return FLUSH;
    }

    @Override
    public boolean hasData(final int slot)
    {
        return slot == headerSlot;
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        final UnsafeBuffer h = header;
        final int stratum = NtpDescriptor.u8(h, 0, NtpDescriptor.STRATUM_OFFSET);
        writer.u8(NtpDescriptor.leap(h, 0))
            .u8(NtpDescriptor.version(h, 0))
            .u8(NtpDescriptor.mode(h, 0))
            .u8(stratum)
            .u8(NtpDescriptor.u8(h, 0, NtpDescriptor.POLL_OFFSET))
            .u8(NtpDescriptor.u8(h, 0, NtpDescriptor.PRECISION_OFFSET))
            .u32(NtpDescriptor.u32(h, 0, NtpDescriptor.ROOT_DELAY_OFFSET))
            .u32(NtpDescriptor.u32(h, 0, NtpDescriptor.ROOT_DISPERSION_OFFSET));
        final int id = (int)NtpDescriptor.u32(h, 0, NtpDescriptor.REFERENCE_ID_OFFSET);
        writer.bytes(text, 0, NtpText.referenceId(id, stratum, text, 0));
        timestamp(writer, NtpDescriptor.timestamp(h, 0, NtpDescriptor.REFERENCE_TIME_OFFSET));
        timestamp(writer, NtpDescriptor.timestamp(h, 0, NtpDescriptor.ORIGIN_TIME_OFFSET));
        timestamp(writer, NtpDescriptor.timestamp(h, 0, NtpDescriptor.RECEIVE_TIME_OFFSET));
        timestamp(writer, NtpDescriptor.timestamp(h, 0, NtpDescriptor.TRANSMIT_TIME_OFFSET));
    }

    private void timestamp(final RecordWriter writer, final long ntp)
    {
        writer.bytes(text, 0, NtpText.timestamp(ntp, text, 0));
    }
}
