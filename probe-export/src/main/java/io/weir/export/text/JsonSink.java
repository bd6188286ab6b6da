package io.weir.export.text;

import java.io.IOException;

import io.weir.core.field.RecordCursor;
import io.weir.core.field.RecordSchema;
import io.weir.core.pipeline.RecordSink;
import org.agrona.DirectBuffer;

/**
 * NDJSON: one flow per line, keys from the field declarations in record order, addresses and
 * times as strings, octets as lowercase hex, lists as arrays. Not thread safe: exporter thread.
 */
public final class JsonSink implements RecordSink
{
    private final ByteOutput out;
    private final String description;
    private final RecordCursor cursor = new RecordCursor();

    public JsonSink(final ByteOutput out, final String description)
    {
        this.out = out;
        this.description = description;
    }

    @Override
    public void onRecord(final RecordSchema schema, final DirectBuffer buffer, final int offset, final int length)
        throws IOException
    {
        cursor.wrap(schema, buffer, offset, length);
        out.put('{');
        boolean first = true;
        while (cursor.next())
        {
            if (!first)
            {
                out.put(',');
            }
            first = false;
            out.put('"').ascii(cursor.field().name()).ascii("\":");
            FieldValueWriter.write(out, cursor, FieldValueWriter.Style.JSON);
        }
        out.ascii("}\n");
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
        out.close();
    }

    @Override
    public String describe()
    {
        return description;
    }
}
