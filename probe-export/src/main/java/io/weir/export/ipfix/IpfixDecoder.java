package io.weir.export.ipfix;

import java.nio.ByteOrder;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;
import io.weir.core.field.RecordWriter;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads IPFIX messages (RFC 7011): template and options template sets (with withdrawals),
 * and data sets, whose records it converts into weir's record encoding with fields named by
 * the {@link InformationModel} (unknown elements as {@code eNNNNidMMM} octets). Handles
 * variable-length values in both length forms, reduced-size integers, enterprise elements,
 * RFC 6313 basicLists and any number of observation domains. Anything malformed is reported
 * with its offset and skipped: a bad set ends its message, a bad record ends its set; no
 * exception escapes for any input. Not thread safe.
 */
public final class IpfixDecoder
{
    private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;

    private final InformationModel model;
    private final DecodedRecordHandler handler;
    private final Field[] prefix;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[4 * 65536]);
    private final RecordWriter writer = new RecordWriter();
    private final Long2ObjectHashMap<Field> substitutes = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<Field> unknownLists = new Long2ObjectHashMap<>();

    /** @param withDomain start every record with its observationDomainId */
    public IpfixDecoder(final InformationModel model, final DecodedRecordHandler handler, final boolean withDomain)
    {
        this.model = model;
        this.handler = handler;
        this.prefix = withDomain ? new Field[] {OptionsFields.OBSERVATION_DOMAIN_ID} : new Field[0];
    }

    /**
     * Decodes one message of exactly {@code length} bytes.
     *
     * @param streamOffset where the message starts in the input, for problem reports
     * @return true when it was well formed throughout
     */
    public boolean decode(final DecodeSession session, final DirectBuffer buffer, final int offset, final int length,
                          final long streamOffset)
    {
        if (length < IpfixDescriptor.MESSAGE_HEADER_LENGTH)
        {
            return problem(session, streamOffset, "message of " + length + " bytes is shorter than its header");
        }
        final int version = buffer.getShort(offset, BIG) & 0xFFFF;
        final int declared = buffer.getShort(offset + 2, BIG) & 0xFFFF;
        if (version != IpfixDescriptor.VERSION)
        {
            return problem(session, streamOffset, "version " + version + " is not IPFIX (10); message skipped");
        }
        if (declared != length)
        {
            return problem(session, streamOffset, "message length field says " + declared + " but " + length
                + " bytes were given; message skipped");
        }
        session.messages++;
        final long sequence = buffer.getInt(offset + IpfixDescriptor.SEQUENCE_OFFSET, BIG) & 0xFFFF_FFFFL;
        final long domain = buffer.getInt(offset + IpfixDescriptor.DOMAIN_OFFSET, BIG) & 0xFFFF_FFFFL;
        final Int2ObjectHashMap<DecoderTemplate> templates = session.templates(domain);
        final int end = offset + length;
        int at = offset + IpfixDescriptor.MESSAGE_HEADER_LENGTH;
        long records = 0;
        boolean ok = true;
        while (at < end)
        {
            if (end - at < IpfixDescriptor.SET_HEADER_LENGTH)
            {
                ok = problem(session, streamOffset + at - offset, (end - at) + " bytes after the last set");
                break;
            }
            final int setId = buffer.getShort(at, BIG) & 0xFFFF;
            final int setLength = buffer.getShort(at + 2, BIG) & 0xFFFF;
            if (setLength < IpfixDescriptor.SET_HEADER_LENGTH || at + setLength > end)
            {
                ok = problem(session, streamOffset + at - offset, "set " + setId + " of length " + setLength
                    + " does not fit in its message; rest of message skipped");
                break;
            }
            final long setOffset = streamOffset + at - offset;
            if (setId == IpfixDescriptor.TEMPLATE_SET_ID || setId == IpfixDescriptor.OPTIONS_TEMPLATE_SET_ID)
            {
                ok &= readTemplates(session, templates, buffer, at + 4, at + setLength,
                    setId == IpfixDescriptor.OPTIONS_TEMPLATE_SET_ID, setOffset, domain);
            }
            else if (setId < IpfixDescriptor.MIN_DATA_SET_ID)
            {
                ok = problem(session, setOffset, "set id " + setId + " is reserved; set skipped");
            }
            else
            {
                final DecoderTemplate template = templates.get(setId);
                if (template == null)
                {
                    session.setsWithoutTemplate++;
                    ok = problem(session, setOffset, "no template " + setId + " in observation domain " + domain
                        + "; data set skipped");
                }
                else
                {
                    final long read = readData(session, template, buffer, at + 4, at + setLength, setOffset, offset,
                        domain);
                    if (read < 0)
                    {
                        ok = false;
                        records += -read - 1;
                    }
                    else
                    {
                        records += read;
                    }
                }
            }
            at += setLength;
        }
        session.onSequence(domain, sequence, records);
        return ok;
    }

    private boolean problem(final DecodeSession session, final long offset, final String message)
    {
        session.malformed++;
        handler.onProblem(offset, message);
        return false;
    }

    private boolean readTemplates(final DecodeSession session, final Int2ObjectHashMap<DecoderTemplate> templates,
                                  final DirectBuffer buffer, final int start, final int end, final boolean options,
                                  final long setOffset, final long domain)
    {
        int at = start;
        while (end - at >= 4)
        {
            final int templateId = buffer.getShort(at, BIG) & 0xFFFF;
            final int fieldCount = buffer.getShort(at + 2, BIG) & 0xFFFF;
            if (fieldCount == 0)
            {
                withdraw(session, templates, templateId, options);
                at += 4;
                continue;
            }
            final long recordOffset = setOffset + at - start + 4;
            if (templateId < IpfixDescriptor.MIN_DATA_SET_ID)
            {
                return problem(session, recordOffset, "template id " + templateId + " is reserved; rest of set skipped");
            }
            int p = at + 4;
            int scope = 0;
            if (options)
            {
                if (end - p < 2)
                {
                    return problem(session, recordOffset, "options template " + templateId + " is truncated");
                }
                scope = buffer.getShort(p, BIG) & 0xFFFF;
                p += 2;
                if (scope == 0 || scope > fieldCount)
                {
                    return problem(session, recordOffset, "options template " + templateId + " has scope count "
                        + scope + " of " + fieldCount + " fields; rest of set skipped");
                }
            }
            final int[] ids = new int[fieldCount];
            final long[] enterprises = new long[fieldCount];
            final int[] lengths = new int[fieldCount];
            for (int i = 0; i < fieldCount; i++)
            {
                if (end - p < 4)
                {
                    return problem(session, recordOffset, "template " + templateId + " is truncated at field " + i);
                }
                final int id = buffer.getShort(p, BIG) & 0xFFFF;
                lengths[i] = buffer.getShort(p + 2, BIG) & 0xFFFF;
                p += 4;
                if ((id & IpfixDescriptor.ENTERPRISE_BIT) != 0)
                {
                    if (end - p < 4)
                    {
                        return problem(session, recordOffset, "template " + templateId + " is truncated at field " + i);
                    }
                    enterprises[i] = buffer.getInt(p, BIG) & 0xFFFF_FFFFL;
                    p += 4;
                }
                ids[i] = id & 0x7FFF;
                if (lengths[i] == 0)
                {
                    return problem(session, recordOffset, "template " + templateId + " field " + i
                        + " has length 0; rest of set skipped");
                }
            }
            final DecoderTemplate template = new DecoderTemplate(templateId, scope, ids, enterprises, lengths, prefix,
                model.recognise(enterprises, ids));
            final DecoderTemplate before = templates.get(templateId);
            if (!template.sameAs(before))
            {
                templates.put(templateId, template);
            }
            session.templates++;
            at = p;
        }
        return true;
    }

    private static void withdraw(final DecodeSession session, final Int2ObjectHashMap<DecoderTemplate> templates,
                                 final int templateId, final boolean options)
    {
        session.withdrawals++;
        if (templateId == IpfixDescriptor.TEMPLATE_SET_ID || templateId == IpfixDescriptor.OPTIONS_TEMPLATE_SET_ID)
        {
            final boolean withdrawOptions = templateId == IpfixDescriptor.OPTIONS_TEMPLATE_SET_ID;
            templates.values().removeIf(t -> t.isOptions() == withdrawOptions);
        }
        else
        {
            templates.remove(templateId);
        }
    }

    /** @return records read, or -(records read + 1) when the set ended in a malformed record */
    private long readData(final DecodeSession session, final DecoderTemplate template, final DirectBuffer buffer,
                          final int start, final int end, final long setOffset, final int messageOffset,
                          final long domain)
    {
        int at = start;
        long records = 0;
        final int minimum = Math.max(1, template.minimumRecordLength);
        while (end - at >= minimum)
        {
            final int consumed = readRecord(template, buffer, at, end, domain);
            if (consumed < 0)
            {
                problem(session, setOffset + at - start + 4, "record " + records + " of template "
                    + template.templateId + " is malformed; rest of set skipped");
                return -records - 1;
            }
            records++;
            if (template.isOptions())
            {
                session.optionRecords++;
            }
            else
            {
                session.dataRecords++;
            }
            handler.onRecord(template.schema(), scratch, 0, writer.length(), domain, template.templateId,
                template.isOptions());
            at += consumed;
        }
        return records;
    }

    private int readRecord(final DecoderTemplate template, final DirectBuffer buffer, final int start, final int end,
                           final long domain)
    {
        final RecordWriter w = writer.wrap(scratch, 0, scratch.capacity());
        if (prefix.length > 0)
        {
            w.u32(domain);
        }
        int at = start;
        for (int i = 0; i < template.ids.length; i++)
        {
            int length = template.lengths[i];
            if (length == IpfixDescriptor.VARIABLE_LENGTH)
            {
                if (at >= end)
                {
                    return -1;
                }
                length = buffer.getByte(at) & 0xFF;
                at++;
                if (length == IpfixDescriptor.LONG_LENGTH_MARKER)
                {
                    if (end - at < 2)
                    {
                        return -1;
                    }
                    length = buffer.getShort(at, BIG) & 0xFFFF;
                    at += 2;
                }
            }
            if (end - at < length)
            {
                return -1;
            }
            template.field(i, value(template.enterprises[i], template.ids[i], template.recognised[i], buffer, at,
                length, w));
            if (w.overflowed())
            {
                return -1;
            }
            at += length;
        }
        return at - start;
    }

    /**
     * Writes one value in weir's encoding and returns the field that names it.
     *
     * @param recognised the field a plugin's group gives this element in its template, or null
     */
    private Field value(final long enterprise, final int id, final Field recognised, final DirectBuffer buffer,
                        final int at, final int length, final RecordWriter w)
    {
        if (enterprise == 0 && id == Field.BASIC_LIST_ID)
        {
            return list(buffer, at, length, w);
        }
        final Field field = recognised != null ? recognised : model.element(enterprise, id);
        if (field == null)
        {
            w.bytes(buffer, at, length);
            return substitute(enterprise, id, InformationModel.unknownName(enterprise, id));
        }
        final FieldType type = field.type();
        if (type.isVariableLength())
        {
            if (type == FieldType.BASIC_LIST)
            {
                w.bytes(buffer, at, length);
                return substitute(enterprise, id, field.name());
            }
            w.bytes(buffer, at, length);
            return field;
        }
        if (!scalar(type, buffer, at, length, w))
        {
            w.bytes(buffer, at, length);
            return substitute(enterprise, id, field.name());
        }
        return field;
    }

    /** An octetArray stand-in for an element that is unknown or not in its declared length. */
    private Field substitute(final long enterprise, final int id, final String name)
    {
        final long key = (enterprise << 16) | id;
        Field field = substitutes.get(key);
        if (field == null || !field.name().equals(name))
        {
            field = Field.of(name, null, FieldType.OCTET_ARRAY, enterprise, id, null);
            substitutes.put(key, field);
        }
        return field;
    }

    private Field list(final DirectBuffer buffer, final int at, final int length, final RecordWriter w)
    {
        if (length < 5)
        {
            w.bytes(buffer, at, length);
            return substitute(0, Field.BASIC_LIST_ID, "basicList");
        }
        final int rawId = buffer.getShort(at + 1, BIG) & 0xFFFF;
        final int elementLength = buffer.getShort(at + 3, BIG) & 0xFFFF;
        long elementEnterprise = 0;
        int header = 5;
        if ((rawId & IpfixDescriptor.ENTERPRISE_BIT) != 0)
        {
            if (length < 9)
            {
                w.bytes(buffer, at, length);
                return substitute(0, Field.BASIC_LIST_ID, "basicList");
            }
            elementEnterprise = buffer.getInt(at + 5, BIG) & 0xFFFF_FFFFL;
            header = 9;
        }
        final int elementId = rawId & 0x7FFF;
        final int content = length - header;
        final Field field = model.listOf(elementEnterprise, elementId);
        if (field != null && elementLength != IpfixDescriptor.VARIABLE_LENGTH && elementLength > 0
            && content % elementLength == 0 && elementLength == field.elementType().ipfixLength())
        {
            final int count = content / elementLength;
            w.listCount(count);
            for (int k = 0; k < count; k++)
            {
                scalar(field.elementType(), buffer, at + header + k * elementLength, elementLength, w);
            }
            return field;
        }
        w.bytes(buffer, at + header, content);
        final long key = (elementEnterprise << 16) | elementId;
        Field unknown = unknownLists.get(key);
        if (unknown == null)
        {
            unknown = Field.of(field != null ? field.name() : InformationModel.unknownName(elementEnterprise, elementId),
                null, FieldType.OCTET_ARRAY, elementEnterprise, elementId, null);
            unknownLists.put(key, unknown);
        }
        return unknown;
    }

    /** Writes a fixed-length value of a declared type; false when the length does not suit the type. */
    private static boolean scalar(final FieldType type, final DirectBuffer buffer, final int at, final int length,
                                  final RecordWriter w)
    {
        switch (type)
        {
            case UNSIGNED8, UNSIGNED16, UNSIGNED32, UNSIGNED64:
                if (length > type.ipfixLength())
                {
                    return false;
                }
                putInteger(type.ipfixLength(), unsigned(buffer, at, length), w);
                return true;
            case SIGNED8, SIGNED16, SIGNED32, SIGNED64:
                if (length > type.ipfixLength())
                {
                    return false;
                }
                final int shift = 64 - 8 * length;
                putInteger(type.ipfixLength(), (unsigned(buffer, at, length) << shift) >> shift, w);
                return true;
            case FLOAT32:
                if (length != 4)
                {
                    return false;
                }
                w.u32(buffer.getInt(at, BIG));
                return true;
            case FLOAT64:
                if (length == 4)
                {
                    w.f64(Float.intBitsToFloat(buffer.getInt(at, BIG)));
                    return true;
                }
                if (length != 8)
                {
                    return false;
                }
                w.u64(buffer.getLong(at, BIG));
                return true;
            case BOOLEAN:
                if (length != 1)
                {
                    return false;
                }
                w.u8(buffer.getByte(at));
                return true;
            case MAC_ADDRESS:
                if (length != 6)
                {
                    return false;
                }
                w.mac(unsigned(buffer, at, 6));
                return true;
            case IPV4_ADDRESS:
                if (length != 4)
                {
                    return false;
                }
                w.ipv4(buffer.getInt(at, BIG) & 0xFFFF_FFFFL);
                return true;
            case IPV6_ADDRESS:
                if (length != 16)
                {
                    return false;
                }
                w.ipv6(buffer.getLong(at, BIG), buffer.getLong(at + 8, BIG));
                return true;
            case DATE_TIME_SECONDS:
                if (length != 4)
                {
                    return false;
                }
                w.timeNs((buffer.getInt(at, BIG) & 0xFFFF_FFFFL) * 1_000_000_000L);
                return true;
            case DATE_TIME_MILLISECONDS:
                if (length != 8)
                {
                    return false;
                }
                w.timeNs(buffer.getLong(at, BIG) * 1_000_000L);
                return true;
            case DATE_TIME_MICROSECONDS:
                if (length != 8)
                {
                    return false;
                }
                w.timeNs(IpfixTime.fromNtpMicros(buffer.getLong(at, BIG)));
                return true;
            case DATE_TIME_NANOSECONDS:
                if (length != 8)
                {
                    return false;
                }
                w.timeNs(IpfixTime.fromNtpNanos(buffer.getLong(at, BIG)));
                return true;
            default:
                return false;
        }
    }

    private static long unsigned(final DirectBuffer buffer, final int at, final int length)
    {
        long value = 0;
        for (int i = 0; i < length; i++)
        {
            value = (value << 8) | (buffer.getByte(at + i) & 0xFF);
        }
        return value;
    }

    private static void putInteger(final int length, final long value, final RecordWriter w)
    {
        switch (length)
        {
            case 1: w.u8((int)value); break;
            case 2: w.u16((int)value); break;
            case 4: w.u32(value); break;
            default: w.u64(value); break;
        }
    }
}
