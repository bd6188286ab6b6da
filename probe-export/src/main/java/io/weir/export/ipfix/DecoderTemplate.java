package io.weir.export.ipfix;

import java.util.Arrays;

import io.weir.core.field.Field;
import io.weir.core.field.RecordSchema;

/**
 * A template as received: field specifiers and, once records arrive, the fields that name
 * them. Owned by one {@link DecodeSession}.
 */
final class DecoderTemplate
{
    final int templateId;
    final int scopeFieldCount;
    final int[] ids;
    final long[] enterprises;
    final int[] lengths;
    /** Per element, the field a plugin's group gives it (see InformationModel.recognise), or null. */
    final Field[] recognised;
    final Field[] fields;
    final int minimumRecordLength;
    private RecordSchema schema;
    private final Field[] prefix;

    DecoderTemplate(final int templateId, final int scopeFieldCount, final int[] ids, final long[] enterprises,
                    final int[] lengths, final Field[] prefix, final Field[] recognised)
    {
        this.recognised = recognised;
        this.templateId = templateId;
        this.scopeFieldCount = scopeFieldCount;
        this.ids = ids;
        this.enterprises = enterprises;
        this.lengths = lengths;
        this.fields = new Field[ids.length];
        this.prefix = prefix;
        int minimum = 0;
        for (final int length : lengths)
        {
            minimum += length == IpfixDescriptor.VARIABLE_LENGTH ? 1 : length;
        }
        this.minimumRecordLength = minimum;
    }

    boolean isOptions()
    {
        return scopeFieldCount > 0;
    }

    /** Sets the field at an index; a different field than before means a new schema. */
    void field(final int index, final Field field)
    {
        if (fields[index] != field)
        {
            fields[index] = field;
            schema = null;
        }
    }

    RecordSchema schema()
    {
        if (schema == null)
        {
            final Field[] all = Arrays.copyOf(prefix, prefix.length + fields.length);
            System.arraycopy(fields, 0, all, prefix.length, fields.length);
            schema = new RecordSchema(templateId, 0, 0, Arrays.asList(all));
        }
        return schema;
    }

    boolean sameAs(final DecoderTemplate other)
    {
        return other != null && scopeFieldCount == other.scopeFieldCount && Arrays.equals(ids, other.ids)
            && Arrays.equals(enterprises, other.enterprises) && Arrays.equals(lengths, other.lengths);
    }
}
