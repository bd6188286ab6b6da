package io.weir.export.text;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;
import io.weir.core.field.RecordCursor;

/**
 * Writes the value under a {@link RecordCursor} as text, the same way for every text format:
 * numbers bare, addresses and times in their usual text forms, octets as hex, lists as
 * separated elements. The formats differ only in how strings and lists are wrapped, which the
 * caller chooses with {@link Style}.
 */
final class FieldValueWriter
{
    enum Style
    {
        /** JSON: strings and text forms quoted and escaped, lists as arrays. */
        JSON,
        /** CSV: bare text forms, strings quoted as RFC 4180 says, lists as [a|b|c]. */
        CSV,
        /** Text table: bare text forms, strings quoted and escaped as in JSON, lists as [a|b|c]. */
        TEXT
    }

    private FieldValueWriter()
    {
    }

    static void write(final ByteOutput out, final RecordCursor cursor, final Style style)
    {
        final Field field = cursor.field();
        final FieldType type = field.type();
        switch (type)
        {
            case STRING:
                if (style == Style.JSON)
                {
                    out.put('"');
                    ValueText.jsonEscaped(out, cursor.buffer(), cursor.valueOffset(), cursor.valueLength());
                    out.put('"');
                }
                else if (style == Style.CSV)
                {
                    ValueText.csvQuoted(out, cursor.buffer(), cursor.valueOffset(), cursor.valueLength());
                }
                else
                {
                    out.put('"');
                    ValueText.jsonEscaped(out, cursor.buffer(), cursor.valueOffset(), cursor.valueLength());
                    out.put('"');
                }
                return;
            case OCTET_ARRAY:
                quoteIfJson(out, style);
                ValueText.hex(out, cursor.buffer(), cursor.valueOffset(), cursor.valueLength());
                quoteIfJson(out, style);
                return;
            case BASIC_LIST:
                list(out, cursor, field.elementType(), style);
                return;
            default:
                scalar(out, cursor, type, cursor.valueOffset(), cursor.valueLength(), style);
        }
    }

    private static void list(final ByteOutput out, final RecordCursor cursor, final FieldType elementType,
                             final Style style)
    {
        out.put('[');
        final int elementLength = elementType.recordLength();
        for (int i = 0; i < cursor.listCount(); i++)
        {
            if (i > 0)
            {
                out.put(style == Style.JSON ? ',' : '|');
            }
            scalar(out, cursor, elementType, cursor.valueOffset() + i * elementLength, elementLength, style);
        }
        out.put(']');
    }

    private static void scalar(final ByteOutput out, final RecordCursor cursor, final FieldType type,
                               final int offset, final int length, final Style style)
    {
        switch (type)
        {
            case UNSIGNED8, UNSIGNED16, UNSIGNED32, UNSIGNED64:
                ValueText.unsigned(out, cursor.unsignedAt(offset, length));
                break;
            case SIGNED8, SIGNED16, SIGNED32, SIGNED64:
                ValueText.signed(out, cursor.signedAt(offset, length));
                break;
            case FLOAT32:
                out.ascii(Float.toString(Float.intBitsToFloat((int)cursor.unsignedAt(offset, 4))));
                break;
            case FLOAT64:
                out.ascii(Double.toString(Double.longBitsToDouble(cursor.unsignedAt(offset, 8))));
                break;
            case BOOLEAN:
                out.ascii(cursor.unsignedAt(offset, 1) == 1 ? "true" : "false");
                break;
            case MAC_ADDRESS:
                quoteIfJson(out, style);
                ValueText.mac(out, cursor.unsignedAt(offset, 6));
                quoteIfJson(out, style);
                break;
            case IPV4_ADDRESS:
                quoteIfJson(out, style);
                ValueText.ipv4(out, cursor.unsignedAt(offset, 4));
                quoteIfJson(out, style);
                break;
            case IPV6_ADDRESS:
                quoteIfJson(out, style);
                ValueText.ipv6(out, cursor.unsignedAt(offset, 8), cursor.unsignedAt(offset + 8, 8));
                quoteIfJson(out, style);
                break;
            case DATE_TIME_SECONDS, DATE_TIME_MILLISECONDS, DATE_TIME_MICROSECONDS, DATE_TIME_NANOSECONDS:
                quoteIfJson(out, style);
                ValueText.time(out, cursor.unsignedAt(offset, 8), type, 'T', true);
                quoteIfJson(out, style);
                break;
            default:
                break;
        }
    }

    private static void quoteIfJson(final ByteOutput out, final Style style)
    {
        if (style == Style.JSON)
        {
            out.put('"');
        }
    }
}
