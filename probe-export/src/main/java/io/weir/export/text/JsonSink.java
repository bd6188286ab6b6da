package io.weir.export.text;

import java.io.IOException;

import java.nio.charset.StandardCharsets;
import java.util.WeakHashMap;

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
    /**
     * Per schema, each field's {@code "name":} as bytes, made once. Keyed by the schema object, not
     * its id (schemas compare by identity): a decoder may see one template id redefined with other
     * fields, and a weak map lets the schemas of templates it dropped go.
     */
    private final WeakHashMap<RecordSchema, byte[][]> keys = new WeakHashMap<>();

    public JsonSink(final ByteOutput out, final String description)
    {
        this.out = out;
        this.description = description;
    }

    @Override
    public void onRecord(final RecordSchema schema, final DirectBuffer buffer, final int offset, final int length)
        throws IOException
    {
        final byte[][] names = keys(schema);
        cursor.wrap(schema, buffer, offset, length);
        out.put('{');
        while (cursor.next())
        {
            out.put(names[cursor.index()]);
            FieldValueWriter.write(out, cursor, FieldValueWriter.Style.JSON);
        }
        out.ascii("}\n");
        out.flushIfFull();
    }

    private byte[][] keys(final RecordSchema schema)
    {
        byte[][] names = keys.get(schema);
        if (names == null)
        {
            names = new byte[schema.fields().size()][];
            for (int i = 0; i < names.length; i++)
            {
                names[i] = ((i == 0 ? "\"" : ",\"") + schema.fields().get(i).name() + "\":")
                    .getBytes(StandardCharsets.US_ASCII);
            }
            keys.put(schema, names);
        }
        return names;
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
