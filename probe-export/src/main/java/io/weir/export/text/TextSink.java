package io.weir.export.text;

import java.io.IOException;

import io.weir.core.field.BasicFields;
import io.weir.core.field.Field;
import io.weir.core.field.FieldType;
import io.weir.core.field.RecordCursor;
import io.weir.core.field.RecordSchema;
import io.weir.core.flow.FlowEndReason;
import io.weir.core.pipeline.RecordSink;
import org.agrona.DirectBuffer;

/**
 * A table for people: one aligned line per flow with times, protocol, endpoints, counters
 * both ways, TCP flags and end reason, optionally MAC addresses; the VLAN id when there is one
 * and plugin fields follow as {@code name=value}. Not thread safe: exporter thread.
 */
public final class TextSink implements RecordSink
{
    private static final int TIME_WIDTH = 26;
    private static final int ADDRESS_WIDTH = 39;
    private static final int PORT_WIDTH = 5;
    private static final int COUNT_WIDTH = 8;
    private static final int BYTES_WIDTH = 10;

    private final ByteOutput out;
    private final String description;
    private final boolean macs;
    private final RecordCursor cursor = new RecordCursor();
    private final long[] values = new long[8];
    private final long[] address = new long[4];
    private int ipVersion;
    private boolean headerWritten;

    private static final int FIRST = 0;
    private static final int LAST = 1;
    private static final int PROTOCOL = 2;
    private static final int SOURCE_PORT = 3;
    private static final int DESTINATION_PORT = 4;
    private static final int REASON = 5;
    private static final int SOURCE_MAC = 6;
    private static final int DESTINATION_MAC = 7;

    public TextSink(final ByteOutput out, final String description, final boolean macs)
    {
        this.out = out;
        this.description = description;
        this.macs = macs;
    }

    private void header()
    {
        int at = out.position();
        out.ascii("TIME_FIRST");
        out.alignLeft(at, TIME_WIDTH + 1);
        at = out.position();
        out.ascii("TIME_LAST");
        out.alignLeft(at, TIME_WIDTH + 1);
        out.ascii("PROTO ");
        at = out.position();
        out.ascii("SRC_IP");
        out.alignLeft(at, ADDRESS_WIDTH + 1);
        at = out.position();
        out.ascii("SPORT");
        out.alignRight(at, PORT_WIDTH);
        out.put(' ');
        at = out.position();
        out.ascii("DST_IP");
        out.alignLeft(at, ADDRESS_WIDTH + 1);
        at = out.position();
        out.ascii("DPORT");
        out.alignRight(at, PORT_WIDTH);
        column("PACKETS", COUNT_WIDTH);
        column("BYTES", BYTES_WIDTH);
        column("PKTS_REV", COUNT_WIDTH);
        column("BYTES_REV", BYTES_WIDTH);
        out.ascii(" FLAGS    FLAGS_R  END");
        if (macs)
        {
            out.ascii("     SRC_MAC           DST_MAC");
        }
        out.put('\n');
        headerWritten = true;
    }

    private void column(final String title, final int width)
    {
        out.put(' ');
        final int at = out.position();
        out.ascii(title);
        out.alignRight(at, width);
    }

    @Override
    public void onRecord(final RecordSchema schema, final DirectBuffer buffer, final int offset, final int length)
        throws IOException
    {
        if (!headerWritten)
        {
            header();
        }
        ipVersion = schema.ipVersion();
        long packets = 0;
        long bytes = 0;
        long packetsReverse = 0;
        long bytesReverse = 0;
        int flags = 0;
        int flagsReverse = 0;
        int vlan = 0;
        cursor.wrap(schema, buffer, offset, length);
        while (cursor.next())
        {
            final Field field = cursor.field();
            if (field == BasicFields.SOURCE_IPV4 || field == BasicFields.SOURCE_IPV6)
            {
                address[0] = field.type() == FieldType.IPV6_ADDRESS ? cursor.unsignedAt(cursor.valueOffset(), 8) : 0;
                address[1] = cursor.unsignedAt(cursor.valueOffset() + (ipVersion == 6 ? 8 : 0), ipVersion == 6 ? 8 : 4);
            }
            else if (field == BasicFields.DESTINATION_IPV4 || field == BasicFields.DESTINATION_IPV6)
            {
                address[2] = field.type() == FieldType.IPV6_ADDRESS ? cursor.unsignedAt(cursor.valueOffset(), 8) : 0;
                address[3] = cursor.unsignedAt(cursor.valueOffset() + (ipVersion == 6 ? 8 : 0), ipVersion == 6 ? 8 : 4);
            }
            else if (field == BasicFields.FLOW_START)
            {
                values[FIRST] = cursor.timeNs();
            }
            else if (field == BasicFields.FLOW_END)
            {
                values[LAST] = cursor.timeNs();
            }
            else if (field == BasicFields.PROTOCOL)
            {
                values[PROTOCOL] = cursor.unsigned();
            }
            else if (field == BasicFields.SOURCE_PORT)
            {
                values[SOURCE_PORT] = cursor.unsigned();
            }
            else if (field == BasicFields.DESTINATION_PORT)
            {
                values[DESTINATION_PORT] = cursor.unsigned();
            }
            else if (field == BasicFields.PACKETS)
            {
                packets = cursor.unsigned();
            }
            else if (field == BasicFields.BYTES)
            {
                bytes = cursor.unsigned();
            }
            else if (field == BasicFields.PACKETS_REVERSE)
            {
                packetsReverse = cursor.unsigned();
            }
            else if (field == BasicFields.BYTES_REVERSE)
            {
                bytesReverse = cursor.unsigned();
            }
            else if (field == BasicFields.TCP_FLAGS)
            {
                flags = (int)cursor.unsigned();
            }
            else if (field == BasicFields.TCP_FLAGS_REVERSE)
            {
                flagsReverse = (int)cursor.unsigned();
            }
            else if (field == BasicFields.SOURCE_MAC)
            {
                values[SOURCE_MAC] = cursor.unsigned();
            }
            else if (field == BasicFields.DESTINATION_MAC)
            {
                values[DESTINATION_MAC] = cursor.unsigned();
            }
            else if (field == BasicFields.VLAN_ID)
            {
                vlan = (int)cursor.unsigned();
            }
            else if (field == BasicFields.END_REASON)
            {
                values[REASON] = cursor.unsigned();
            }
        }

        ValueText.time(out, values[FIRST], FieldType.DATE_TIME_MICROSECONDS, ' ', false);
        out.put(' ');
        ValueText.time(out, values[LAST], FieldType.DATE_TIME_MICROSECONDS, ' ', false);
        out.put(' ');
        int at = out.position();
        protocol(out, (int)values[PROTOCOL]);
        out.alignLeft(at, 6);
        endpoint(address[0], address[1], values[SOURCE_PORT]);
        out.put(' ');
        endpoint(address[2], address[3], values[DESTINATION_PORT]);
        count(packets, COUNT_WIDTH);
        count(bytes, BYTES_WIDTH);
        count(packetsReverse, COUNT_WIDTH);
        count(bytesReverse, BYTES_WIDTH);
        out.put(' ');
        ValueText.tcpFlags(out, flags);
        out.put(' ');
        ValueText.tcpFlags(out, flagsReverse);
        out.put(' ');
        at = out.position();
        out.ascii(FlowEndReason.shortName((int)values[REASON]));
        if (macs)
        {
            out.alignLeft(at, 8);
            ValueText.mac(out, values[SOURCE_MAC]);
            out.put(' ');
            ValueText.mac(out, values[DESTINATION_MAC]);
        }
        if (vlan != 0)
        {
            out.ascii(" vlan=");
            ValueText.unsigned(out, vlan);
        }
        extraFields(schema, buffer, offset, length);
        out.put('\n');
        out.flushIfFull();
    }

    /** Plugin fields (everything after the basic ones) as name=value. */
    private void extraFields(final RecordSchema schema, final DirectBuffer buffer, final int offset, final int length)
    {
        final int basic = BasicFields.forIpVersion(schema.ipVersion()).size();
        cursor.wrap(schema, buffer, offset, length);
        while (cursor.next())
        {
            if (cursor.index() >= basic)
            {
                out.put(' ').ascii(cursor.field().name()).put('=');
                FieldValueWriter.write(out, cursor, FieldValueWriter.Style.TEXT);
            }
        }
    }

    private void endpoint(final long high, final long low, final long port)
    {
        int at = out.position();
        if (ipVersion == 6)
        {
            ValueText.ipv6(out, high, low);
        }
        else
        {
            ValueText.ipv4(out, low);
        }
        out.alignLeft(at, ADDRESS_WIDTH);
        out.put(' ');
        at = out.position();
        ValueText.unsigned(out, port);
        out.alignRight(at, PORT_WIDTH);
    }

    private void count(final long value, final int width)
    {
        out.put(' ');
        final int at = out.position();
        ValueText.unsigned(out, value);
        out.alignRight(at, width);
    }

    private static void protocol(final ByteOutput out, final int protocol)
    {
        switch (protocol)
        {
            case 1: out.ascii("ICMP"); break;
            case 2: out.ascii("IGMP"); break;
            case 6: out.ascii("TCP"); break;
            case 17: out.ascii("UDP"); break;
            case 47: out.ascii("GRE"); break;
            case 50: out.ascii("ESP"); break;
            case 51: out.ascii("AH"); break;
            case 58: out.ascii("ICMP6"); break;
            case 132: out.ascii("SCTP"); break;
            default: ValueText.unsigned(out, protocol);
        }
    }

    @Override
    public void onIdle() throws IOException
    {
        out.flush();
    }

    @Override
    public void close() throws IOException
    {
        out.close();
    }

    @Override
    public String describe()
    {
        return description;
    }
}
