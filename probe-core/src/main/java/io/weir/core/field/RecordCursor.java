package io.weir.core.field;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * Walks the values of one record in weir's record encoding (see {@link RecordWriter}) field by
 * field, following its {@link RecordSchema}. Reusable: wrap it around the next record.
 * A record shorter than its schema says ends the walk and is reported by {@link #malformed()}.
 * Not thread safe.
 */
public final class RecordCursor
{
    private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;

    private RecordSchema schema;
    private DirectBuffer buffer;
    private int position;
    private int end;
    private int index;
    private Field field;
    private int valueOffset;
    private int valueLength;
    private int count;
    private boolean malformed;

    public RecordCursor wrap(final RecordSchema schema, final DirectBuffer buffer, final int offset, final int length)
    {
        this.schema = schema;
        this.buffer = buffer;
        this.position = offset;
        this.end = offset + length;
        this.index = -1;
        this.field = null;
        this.malformed = false;
        return this;
    }

    /** Moves to the next field; false at the end of the record (or of its valid part). */
    public boolean next()
    {
        if (malformed || ++index >= schema.fields().size())
        {
            return false;
        }
        field = schema.fields().get(index);
        final FieldType type = field.type();
        if (type == FieldType.BASIC_LIST)
        {
            if (position + 2 > end)
            {
                return fail();
            }
            count = buffer.getShort(position, BIG) & 0xFFFF;
            valueOffset = position + 2;
            valueLength = count * field.elementType().recordLength();
        }
        else if (type.isVariableLength())
        {
            if (position + 2 > end)
            {
                return fail();
            }
            valueLength = buffer.getShort(position, BIG) & 0xFFFF;
            valueOffset = position + 2;
            count = 0;
        }
        else
        {
            valueOffset = position;
            valueLength = type.recordLength();
            count = 0;
        }
        if (valueOffset + valueLength > end)
        {
            return fail();
        }
        position = valueOffset + valueLength;
        return true;
    }

    private boolean fail()
    {
        malformed = true;
        return false;
    }

    public boolean malformed()
    {
        return malformed;
    }

    public Field field()
    {
        return field;
    }

    public int index()
    {
        return index;
    }

    public DirectBuffer buffer()
    {
        return buffer;
    }

    /** Offset of the value's bytes (after the length or count prefix). */
    public int valueOffset()
    {
        return valueOffset;
    }

    /** Length of the value's bytes (for a list: all its elements). */
    public int valueLength()
    {
        return valueLength;
    }

    /** Elements of a basicList value. */
    public int listCount()
    {
        return count;
    }

    /** The value of an unsigned integer, boolean, MAC or IPv4 field, zero-extended. */
    public long unsigned()
    {
        return unsignedAt(valueOffset, valueLength);
    }

    /** A signed integer value, sign-extended. */
    public long signed()
    {
        return signedAt(valueOffset, valueLength);
    }

    public double float64()
    {
        return valueLength == 4
            ? Float.intBitsToFloat(buffer.getInt(valueOffset, BIG))
            : Double.longBitsToDouble(buffer.getLong(valueOffset, BIG));
    }

    /** A timestamp value in epoch nanoseconds. */
    public long timeNs()
    {
        return buffer.getLong(valueOffset, BIG);
    }

    public long unsignedAt(final int offset, final int length)
    {
        switch (length)
        {
            case 1: return buffer.getByte(offset) & 0xFFL;
            case 2: return buffer.getShort(offset, BIG) & 0xFFFFL;
            case 4: return buffer.getInt(offset, BIG) & 0xFFFF_FFFFL;
            case 6: return ((buffer.getShort(offset, BIG) & 0xFFFFL) << 32) | (buffer.getInt(offset + 2, BIG) & 0xFFFF_FFFFL);
            case 8: return buffer.getLong(offset, BIG);
            default: return 0;
        }
    }

    public long signedAt(final int offset, final int length)
    {
        switch (length)
        {
            case 1: return buffer.getByte(offset);
            case 2: return buffer.getShort(offset, BIG);
            case 4: return buffer.getInt(offset, BIG);
            case 8: return buffer.getLong(offset, BIG);
            default: return 0;
        }
    }
}
