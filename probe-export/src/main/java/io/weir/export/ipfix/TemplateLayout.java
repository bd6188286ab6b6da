package io.weir.export.ipfix;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One IPFIX template derived from field declarations: its template record bytes and a plan
 * for turning a record in weir's encoding into an IPFIX data record. Fixed-length values are
 * already big-endian in weir's encoding, so neighbouring ones are copied as one run; times are
 * converted from epoch nanoseconds; variable-length values get the RFC 7011 section 7 length
 * prefix (one byte below 255, else 255 and two bytes); lists become RFC 6313 basicLists.
 * Immutable; {@link #encode} allocates nothing.
 */
public final class TemplateLayout
{
    /** {@link #encode} result: the IPFIX record does not fit before the limit. */
    public static final int NO_ROOM = -1;
    /** {@link #encode} result: the weir record is shorter than its fields say. */
    public static final int MALFORMED = -2;

    static final int OP_COPY = 0;
    static final int OP_NTP_MICROS = 1;
    static final int OP_NTP_NANOS = 2;
    static final int OP_MILLIS = 3;
    static final int OP_SECONDS = 4;
    static final int OP_VARIABLE = 5;
    static final int OP_LIST = 6;

    private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;

    private final int templateId;
    private final List<Field> fields;
    private final int scopeFieldCount;
    private final byte[] templateRecord;
    private final int[] ops;
    private final int[] lengths;
    private final int[] elementOps;
    private final int[] elementRecordLengths;
    private final int[] elementWireLengths;
    private final int[] listHeaderLengths;
    private final int[] listSpecifiers;
    private final int[] listEnterprises;
    private final int minimumLength;

    /**
     * @param exported the fields as exported, in record order (a field may stand for the record's
     *                 field at the same index with another time unit, see {@link TimeFields})
     * @param scopeFieldCount 0 for a data template, else the leading scope fields of an options template
     */
    public TemplateLayout(final int templateId, final List<Field> exported, final int scopeFieldCount)
    {
        if (templateId < IpfixDescriptor.MIN_DATA_SET_ID || templateId > 0xFFFF)
        {
            throw new IllegalArgumentException("template id " + templateId + " is not in 256..65535");
        }
        this.templateId = templateId;
        this.fields = List.copyOf(exported);
        this.scopeFieldCount = scopeFieldCount;
        this.templateRecord = templateRecord(templateId, fields, scopeFieldCount);

        final List<int[]> plan = new ArrayList<>();
        final List<UnsafeBuffer> headers = new ArrayList<>();
        int minimum = 0;
        for (final Field field : fields)
        {
            final FieldType type = field.type();
            if (type == FieldType.BASIC_LIST)
            {
                final FieldType element = field.elementType();
                plan.add(new int[] {OP_LIST, 0, opOf(element), element.recordLength(), element.ipfixLength()});
                headers.add(listHeader(field));
                minimum += 3 + headers.get(headers.size() - 1).capacity();
            }
            else if (type.isVariableLength())
            {
                plan.add(new int[] {OP_VARIABLE, 0, 0, 0, 0});
                headers.add(null);
                minimum += 1;
            }
            else
            {
                final int op = opOf(type);
                final int[] last = plan.isEmpty() ? null : plan.get(plan.size() - 1);
                if (op == OP_COPY && last != null && last[0] == OP_COPY)
                {
                    last[1] += type.recordLength();
                }
                else
                {
                    plan.add(new int[] {op, type.recordLength(), 0, 0, 0});
                    headers.add(null);
                }
                minimum += type.ipfixLength();
            }
        }
        final int n = plan.size();
        this.ops = new int[n];
        this.lengths = new int[n];
        this.elementOps = new int[n];
        this.elementRecordLengths = new int[n];
        this.elementWireLengths = new int[n];
        this.listHeaderLengths = new int[n];
        this.listSpecifiers = new int[n];
        this.listEnterprises = new int[n];
        for (int i = 0; i < n; i++)
        {
            final int[] step = plan.get(i);
            ops[i] = step[0];
            lengths[i] = step[1];
            elementOps[i] = step[2];
            elementRecordLengths[i] = step[3];
            elementWireLengths[i] = step[4];
            final UnsafeBuffer header = headers.get(i);
            if (header != null)
            {
                listHeaderLengths[i] = header.capacity();
                listSpecifiers[i] = header.getInt(1, BIG);
                listEnterprises[i] = header.capacity() == 9 ? header.getInt(5, BIG) : 0;
            }
        }
        this.minimumLength = minimum;
    }

    private static int opOf(final FieldType type)
    {
        switch (type)
        {
            case DATE_TIME_MICROSECONDS: return OP_NTP_MICROS;
            case DATE_TIME_NANOSECONDS: return OP_NTP_NANOS;
            case DATE_TIME_MILLISECONDS: return OP_MILLIS;
            case DATE_TIME_SECONDS: return OP_SECONDS;
            default: return OP_COPY;
        }
    }

    private static UnsafeBuffer listHeader(final Field field)
    {
        final boolean enterprise = field.elementEnterprise() != 0;
        final UnsafeBuffer header = new UnsafeBuffer(new byte[enterprise ? 9 : 5]);
        header.putByte(0, (byte)IpfixDescriptor.SEMANTIC_ALL_OF);
        header.putShort(1, (short)(field.elementElementId() | (enterprise ? IpfixDescriptor.ENTERPRISE_BIT : 0)), BIG);
        header.putShort(3, (short)field.elementType().ipfixLength(), BIG);
        if (enterprise)
        {
            header.putInt(5, (int)field.elementEnterprise(), BIG);
        }
        return header;
    }

    private static byte[] templateRecord(final int templateId, final List<Field> fields, final int scopeFieldCount)
    {
        int length = scopeFieldCount > 0 ? 6 : 4;
        for (final Field field : fields)
        {
            length += field.enterprise() != 0 ? 8 : 4;
        }
        final UnsafeBuffer out = new UnsafeBuffer(new byte[length]);
        out.putShort(0, (short)templateId, BIG);
        out.putShort(2, (short)fields.size(), BIG);
        int at = 4;
        if (scopeFieldCount > 0)
        {
            out.putShort(4, (short)scopeFieldCount, BIG);
            at = 6;
        }
        for (final Field field : fields)
        {
            final boolean enterprise = field.enterprise() != 0;
            out.putShort(at, (short)(field.elementId() | (enterprise ? IpfixDescriptor.ENTERPRISE_BIT : 0)), BIG);
            out.putShort(at + 2, (short)field.type().ipfixLength(), BIG);
            at += 4;
            if (enterprise)
            {
                out.putInt(at, (int)field.enterprise(), BIG);
                at += 4;
            }
        }
        return out.byteArray();
    }

    public int templateId()
    {
        return templateId;
    }

    public List<Field> fields()
    {
        return fields;
    }

    public boolean isOptions()
    {
        return scopeFieldCount > 0;
    }

    public int scopeFieldCount()
    {
        return scopeFieldCount;
    }

    /** The template record (without set header), ready to copy into a template set. */
    public byte[] templateRecord()
    {
        return templateRecord;
    }

    /** The smallest IPFIX data record this template can have. */
    public int minimumLength()
    {
        return minimumLength;
    }

    /**
     * Writes one record as an IPFIX data record.
     *
     * @return bytes written, {@link #NO_ROOM} when it would pass {@code limit} (nothing useful
     *         written), or {@link #MALFORMED} when the source record is too short
     */
    public int encode(final DirectBuffer src, final int srcOffset, final int srcLength,
                      final MutableDirectBuffer dst, final int dstOffset, final int limit)
    {
        final int end = srcOffset + srcLength;
        int s = srcOffset;
        int d = dstOffset;
        final int[] ops = this.ops;
        for (int i = 0; i < ops.length; i++)
        {
            switch (ops[i])
            {
                case OP_COPY:
                {
                    final int n = lengths[i];
                    if (s + n > end)
                    {
                        return MALFORMED;
                    }
                    if (d + n > limit)
                    {
                        return NO_ROOM;
                    }
                    dst.putBytes(d, src, s, n);
                    s += n;
                    d += n;
                    break;
                }
                case OP_VARIABLE:
                {
                    if (s + 2 > end)
                    {
                        return MALFORMED;
                    }
                    final int n = src.getShort(s, BIG) & 0xFFFF;
                    if (s + 2 + n > end)
                    {
                        return MALFORMED;
                    }
                    final int prefix = n < IpfixDescriptor.LONG_LENGTH_MARKER ? 1 : 3;
                    if (d + prefix + n > limit)
                    {
                        return NO_ROOM;
                    }
                    if (prefix == 1)
                    {
                        dst.putByte(d, (byte)n);
                    }
                    else
                    {
                        dst.putByte(d, (byte)IpfixDescriptor.LONG_LENGTH_MARKER);
                        dst.putShort(d + 1, (short)n, BIG);
                    }
                    dst.putBytes(d + prefix, src, s + 2, n);
                    s += 2 + n;
                    d += prefix + n;
                    break;
                }
                case OP_LIST:
                {
                    if (s + 2 > end)
                    {
                        return MALFORMED;
                    }
                    final int count = src.getShort(s, BIG) & 0xFFFF;
                    final int written = encodeList(i, count, src, s + 2, end, dst, d, limit);
                    if (written < 0)
                    {
                        return written;
                    }
                    s += 2 + count * elementRecordLengths[i];
                    d += written;
                    break;
                }
                default:
                {
                    if (s + 8 > end)
                    {
                        return MALFORMED;
                    }
                    final int n = putTime(ops[i], src.getLong(s, BIG), dst, d, limit);
                    if (n < 0)
                    {
                        return NO_ROOM;
                    }
                    s += 8;
                    d += n;
                    break;
                }
            }
        }
        return d - dstOffset;
    }

    private int encodeList(final int i, final int count, final DirectBuffer src, final int from, final int end,
                           final MutableDirectBuffer dst, final int d, final int limit)
    {
        final int elementRecordLength = elementRecordLengths[i];
        if (from + count * elementRecordLength > end)
        {
            return MALFORMED;
        }
        final int headerLength = listHeaderLengths[i];
        final int content = headerLength + count * elementWireLengths[i];
        if (content > 0xFFFF || d + 3 + content > limit)
        {
            return NO_ROOM;
        }
        dst.putByte(d, (byte)IpfixDescriptor.LONG_LENGTH_MARKER);
        dst.putShort(d + 1, (short)content, BIG);
        dst.putByte(d + 3, (byte)IpfixDescriptor.SEMANTIC_ALL_OF);
        dst.putInt(d + 4, listSpecifiers[i], BIG);
        if (headerLength == 9)
        {
            dst.putInt(d + 8, listEnterprises[i], BIG);
        }
        int at = d + 3 + headerLength;
        final int op = elementOps[i];
        if (op == OP_COPY)
        {
            dst.putBytes(at, src, from, count * elementRecordLength);
        }
        else
        {
            int s = from;
            for (int k = 0; k < count; k++)
            {
                at += putTime(op, src.getLong(s, BIG), dst, at, limit);
                s += 8;
            }
        }
        return 3 + content;
    }

    private static int putTime(final int op, final long epochNanos, final MutableDirectBuffer dst, final int d,
                               final int limit)
    {
        switch (op)
        {
            case OP_SECONDS:
                if (d + 4 > limit)
                {
                    return -1;
                }
                dst.putInt(d, (int)IpfixTime.seconds(epochNanos), BIG);
                return 4;
            case OP_MILLIS:
                if (d + 8 > limit)
                {
                    return -1;
                }
                dst.putLong(d, IpfixTime.millis(epochNanos), BIG);
                return 8;
            case OP_NTP_NANOS:
                if (d + 8 > limit)
                {
                    return -1;
                }
                dst.putLong(d, IpfixTime.ntpNanos(epochNanos), BIG);
                return 8;
            default:
                if (d + 8 > limit)
                {
                    return -1;
                }
                dst.putLong(d, IpfixTime.ntpMicros(epochNanos), BIG);
                return 8;
        }
    }

    @Override
    public String toString()
    {
        return (isOptions() ? "options template " : "template ") + templateId + " (" + fields.size() + " fields)";
    }
}
