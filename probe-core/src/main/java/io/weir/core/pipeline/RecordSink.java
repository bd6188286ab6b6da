package io.weir.core.pipeline;

import java.io.IOException;

import io.weir.core.field.RecordSchema;
import org.agrona.DirectBuffer;

/**
 * An output of finished flow records (text, JSON, CSV, IPFIX). Called only on the exporter
 * thread. A sink that throws is reported, counted and taken out of service; the others go on.
 */
public interface RecordSink
{
    /** One record in weir's record encoding, described by its schema; the bytes are valid only during the call. */
    void onRecord(RecordSchema schema, DirectBuffer buffer, int offset, int length) throws IOException;

    /** The queues are empty for now: a chance to flush buffered output. */
    default void onIdle() throws IOException
    {
    }

    /** Writes whatever is buffered and releases the output. Called once, at the end. */
    void close() throws IOException;

    /**
     * Records this output took but could not deliver (a collector that stayed away longer than the
     * buffer lasts, failed sends); read after {@link #close()}. Outputs that write or fail as a whole
     * have none.
     */
    default long recordsNotDelivered()
    {
        return 0;
    }

    /** For messages: "json to out.ndjson", "text to stdout". */
    String describe();
}
