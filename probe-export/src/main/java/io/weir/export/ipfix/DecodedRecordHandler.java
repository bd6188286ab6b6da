package io.weir.export.ipfix;

import io.weir.core.field.RecordSchema;
import org.agrona.DirectBuffer;

/** Receives what {@link IpfixDecoder} reads: records in weir's encoding, and problems with their offsets. */
public interface DecodedRecordHandler
{
    /**
     * One data record, converted to weir's record encoding; the schema's fields are named from
     * the information model. The bytes are valid only during the call.
     */
    void onRecord(RecordSchema schema, DirectBuffer buffer, int offset, int length, long domainId, int templateId,
                  boolean options);

    /** Something malformed at a byte offset of the input (of the decompressed stream for LZ4), skipped. */
    void onProblem(long offset, String message);
}
