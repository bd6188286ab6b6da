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
 * that header's fields. The header is copied into the slot's 48 bytes and formatted only at export.
 * Not thread safe: owned by the capture worker.
 */
public final class NtpPlugin implements ProcessPlugin
{
    static final int PORT = 123;

    private static final int HEADER = NtpDescriptor.HEADER_LENGTH;

    private final UnsafeBuffer headers;
    private final boolean[] present;
    private final byte[] text = new byte[NtpText.MAX_LENGTH];

    public NtpPlugin(final int flowSlots)
    {
        this.headers = new UnsafeBuffer(new byte[flowSlots * HEADER]);
        this.present = new boolean[flowSlots];
    }

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
        present[slot] = false;
        if (packet.sourcePort() != PORT && packet.destinationPort() != PORT)
        {
            return CONTINUE;
        }
        final DirectBuffer buffer = packet.buffer();
        final int offset = packet.payloadOffset();
        if (NtpDescriptor.isAccepted(buffer, offset, packet.payloadLength()))
        {
            headers.putBytes(slot * HEADER, buffer, offset, HEADER);
            present[slot] = true;
        }
        return FLUSH;
    }

    @Override
    public boolean hasData(final int slot)
    {
        return present[slot];
    }

    @Override
    public void write(final int slot, final RecordWriter writer)
    {
        final UnsafeBuffer h = headers;
        final int at = slot * HEADER;
        final int stratum = NtpDescriptor.u8(h, at, NtpDescriptor.STRATUM_OFFSET);
        writer.u8(NtpDescriptor.leap(h, at))
            .u8(NtpDescriptor.version(h, at))
            .u8(NtpDescriptor.mode(h, at))
            .u8(stratum)
            .u8(NtpDescriptor.u8(h, at, NtpDescriptor.POLL_OFFSET))
            .u8(NtpDescriptor.u8(h, at, NtpDescriptor.PRECISION_OFFSET))
            .u32(NtpDescriptor.u32(h, at, NtpDescriptor.ROOT_DELAY_OFFSET))
            .u32(NtpDescriptor.u32(h, at, NtpDescriptor.ROOT_DISPERSION_OFFSET));
        final int id = (int)NtpDescriptor.u32(h, at, NtpDescriptor.REFERENCE_ID_OFFSET);
        writer.bytes(text, 0, NtpText.referenceId(id, stratum, text, 0));
        timestamp(writer, NtpDescriptor.timestamp(h, at, NtpDescriptor.REFERENCE_TIME_OFFSET));
        timestamp(writer, NtpDescriptor.timestamp(h, at, NtpDescriptor.ORIGIN_TIME_OFFSET));
        timestamp(writer, NtpDescriptor.timestamp(h, at, NtpDescriptor.RECEIVE_TIME_OFFSET));
        timestamp(writer, NtpDescriptor.timestamp(h, at, NtpDescriptor.TRANSMIT_TIME_OFFSET));
    }

    private void timestamp(final RecordWriter writer, final long ntp)
    {
        writer.bytes(text, 0, NtpText.timestamp(ntp, text, 0));
    }
}
