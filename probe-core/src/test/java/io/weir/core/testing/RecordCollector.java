package io.weir.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.weir.core.field.RecordCursor;
import io.weir.core.field.RecordSchema;
import io.weir.core.pipeline.RecordSink;
import org.agrona.DirectBuffer;

/** A sink that keeps every record as text values (see {@link UnirecText}); thread safe enough for tests. */
public final class RecordCollector implements RecordSink
{
    private final List<CollectedRecord> records = new ArrayList<>();
    private final RecordCursor cursor = new RecordCursor();

    @Override
    public synchronized void onRecord(final RecordSchema schema, final DirectBuffer buffer, final int offset,
                                      final int length)
    {
        final Map<String, String> byIpfixprobeName = new LinkedHashMap<>();
        final Map<String, String> byName = new LinkedHashMap<>();
        cursor.wrap(schema, buffer, offset, length);
        while (cursor.next())
        {
            final String text = UnirecText.format(cursor);
            byName.put(cursor.field().name(), text);
            if (cursor.field().ipfixprobeName() != null)
            {
                byIpfixprobeName.put(cursor.field().ipfixprobeName(), text);
            }
        }
        if (cursor.malformed())
        {
            throw new AssertionError("malformed record for " + schema);
        }
        records.add(new CollectedRecord(schema.id(), byIpfixprobeName, byName));
    }

    @Override
    public void close()
    {
    }

    @Override
    public String describe()
    {
        return "collector";
    }

    public synchronized List<CollectedRecord> records()
    {
        return new ArrayList<>(records);
    }
}
