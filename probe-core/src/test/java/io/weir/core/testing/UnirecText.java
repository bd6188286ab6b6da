package io.weir.core.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;
import io.weir.core.field.RecordCursor;

/** Formats a record value the way ipfixprobe's reference outputs print it, for comparisons. */
public final class UnirecText
{
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private UnirecText()
    {
    }

    public static String format(final RecordCursor cursor)
    {
        final Field field = cursor.field();
        switch (field.type())
        {
            case STRING:
                return new String(bytes(cursor, cursor.valueOffset(), cursor.valueLength()),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            case OCTET_ARRAY:
                return hex(bytes(cursor, cursor.valueOffset(), cursor.valueLength()));
            case BASIC_LIST:
                final StringBuilder out = new StringBuilder("[");
                final int length = field.elementType().recordLength();
                for (int i = 0; i < cursor.listCount(); i++)
                {
                    if (i > 0)
                    {
                        out.append('|');
                    }
                    out.append(scalar(cursor, field.elementType(), cursor.valueOffset() + i * length, length));
                }
                return out.append(']').toString();
            default:
                return scalar(cursor, field.type(), cursor.valueOffset(), cursor.valueLength());
        }
    }

    private static String scalar(final RecordCursor cursor, final FieldType type, final int offset, final int length)
    {
        switch (type)
        {
            case UNSIGNED8, UNSIGNED16, UNSIGNED32, UNSIGNED64:
                return Long.toUnsignedString(cursor.unsignedAt(offset, length));
            case SIGNED8, SIGNED16, SIGNED32, SIGNED64:
                return Long.toString(cursor.signedAt(offset, length));
            case BOOLEAN:
                return cursor.unsignedAt(offset, 1) == 1 ? "1" : "0";
            case FLOAT32:
                return String.format(java.util.Locale.ROOT, "%f", Float.intBitsToFloat((int)cursor.unsignedAt(offset, 4)));
            case FLOAT64:
                return String.format(java.util.Locale.ROOT, "%f", Double.longBitsToDouble(cursor.unsignedAt(offset, 8)));
            case MAC_ADDRESS:
                final long mac = cursor.unsignedAt(offset, 6);
                return String.format("%02x:%02x:%02x:%02x:%02x:%02x", (mac >>> 40) & 0xFF, (mac >>> 32) & 0xFF,
                    (mac >>> 24) & 0xFF, (mac >>> 16) & 0xFF, (mac >>> 8) & 0xFF, mac & 0xFF);
            case IPV4_ADDRESS:
                final long v4 = cursor.unsignedAt(offset, 4);
                return ((v4 >>> 24) & 0xFF) + "." + ((v4 >>> 16) & 0xFF) + "." + ((v4 >>> 8) & 0xFF) + "." + (v4 & 0xFF);
            case IPV6_ADDRESS:
                try
                {
                    final byte[] address = bytes(cursor, offset, 16);
                    return Ipv6Text.compressed(address);
                }
                catch (final IllegalArgumentException ex)
                {
                    throw new AssertionError(ex);
                }
            case DATE_TIME_SECONDS, DATE_TIME_MILLISECONDS, DATE_TIME_MICROSECONDS, DATE_TIME_NANOSECONDS:
                final long nanos = cursor.unsignedAt(offset, 8);
                return TIME.format(Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                    Math.floorMod(nanos, 1_000_000_000L)));
            default:
                throw new AssertionError("no UniRec text for " + type);
        }
    }

    private static byte[] bytes(final RecordCursor cursor, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        cursor.buffer().getBytes(offset, bytes);
        return bytes;
    }

    static String hex(final byte[] bytes)
    {
        final StringBuilder out = new StringBuilder(bytes.length * 2);
        for (final byte b : bytes)
        {
            out.append(String.format("%02x", b & 0xFF));
        }
        return out.toString();
    }
}
