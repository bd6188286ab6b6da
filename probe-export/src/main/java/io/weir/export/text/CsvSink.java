package io.weir.export.text;

import java.io.IOException;
import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.RecordCursor;
import io.weir.core.field.RecordSchema;
import io.weir.core.pipeline.RecordSink;
import org.agrona.DirectBuffer;

/**
 * CSV (RFC 4180): a header row with every field a record can have (both address families, all
 * active plugins), then one row per flow with empty cells for fields the record does not
 * carry. Not thread safe: exporter thread.
 */
public final class CsvSink implements RecordSink
{
    private final ByteOutput out;
    private final String description;
    private final List<Field> columns;
    private final RecordCursor cursor = new RecordCursor();
    private boolean headerWritten;

    /** @param columns every field, in the order records carry them (see SchemaRegistry.allFields) */
    public CsvSink(final ByteOutput out, final String description, final List<Field> columns)
    {
        this.out = out;
        this.description = description;
        this.columns = List.copyOf(columns);
    }

    private void header()
    {
        for (int i = 0; i < columns.size(); i++)
        {
            if (i > 0)
            {
                out.put(',');
            }
            out.ascii(columns.get(i).name());
        }
        out.put('\n');
        headerWritten = true;
    }

    @Override
    public void onRecord(final RecordSchema schema, final DirectBuffer buffer, final int offset, final int length)
        throws IOException
    {
        if (!headerWritten)
        {
            header();
        }
        cursor.wrap(schema, buffer, offset, length);
        boolean pending = cursor.next();
        for (int column = 0; column < columns.size(); column++)
        {
            if (column > 0)
            {
                out.put(',');
            }
            if (pending && cursor.field() == columns.get(column))
            {
                FieldValueWriter.write(out, cursor, FieldValueWriter.Style.CSV);
                pending = cursor.next();
            }
        }
        out.put('\n');
        out.flushIfFull();
    }

    @Override
    public void onIdle() throws IOException
    {
        out.flush();
    }

    @Override
    public void close() throws IOException
    {
        if (!headerWritten)
        {
            header();
        }
        out.close();
    }

    @Override
    public String describe()
    {
        return description;
    }
}
