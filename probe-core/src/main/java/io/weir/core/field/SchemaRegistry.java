package io.weir.core.field;

import java.util.ArrayList;
import java.util.List;

import org.agrona.collections.Int2ObjectHashMap;

/**
 * Builds and remembers the {@link RecordSchema} of each schema id from the basic fields and the
 * active plugins' field declarations (plugin i = bit i of the id's plugin mask).
 * Not thread safe: owned by the exporter thread.
 */
public final class SchemaRegistry
{
    private final List<List<Field>> pluginFields;
    private final Int2ObjectHashMap<RecordSchema> schemas = new Int2ObjectHashMap<>();

    /** @param pluginFields each active plugin's fields, in plugin order */
    public SchemaRegistry(final List<List<Field>> pluginFields)
    {
        this.pluginFields = List.copyOf(pluginFields);
    }

    public RecordSchema schema(final int id)
    {
        RecordSchema schema = schemas.get(id);
        if (schema == null)
        {
            schema = build(id);
            schemas.put(id, schema);
        }
        return schema;
    }

    private RecordSchema build(final int id)
    {
        final int ipVersion = RecordSchema.ipVersionOf(id);
        final int mask = RecordSchema.pluginMaskOf(id);
        final List<Field> fields = new ArrayList<>(BasicFields.forIpVersion(ipVersion));
        for (int plugin = 0; plugin < pluginFields.size(); plugin++)
        {
            if ((mask & (1 << plugin)) != 0)
            {
                fields.addAll(pluginFields.get(plugin));
            }
        }
        return new RecordSchema(id, ipVersion, mask, fields);
    }

    /** Every field a record can hold: both address families and all plugins (CSV header, help). */
    public List<Field> allFields()
    {
        final List<Field> all = new ArrayList<>(List.of(BasicFields.SOURCE_IPV4, BasicFields.SOURCE_IPV6,
            BasicFields.DESTINATION_IPV4, BasicFields.DESTINATION_IPV6));
        final List<Field> ipv4 = BasicFields.forIpVersion(4);
        all.addAll(ipv4.subList(2, ipv4.size()));
        for (final List<Field> fields : pluginFields)
        {
            all.addAll(fields);
        }
        return all;
    }

    public int pluginCount()
    {
        return pluginFields.size();
    }
}
