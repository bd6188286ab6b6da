package io.weir.core.field;

import java.util.List;

/**
 * The fields of one kind of record, in record order: the basic fields of an IP version followed
 * by the fields of each plugin that has data for the flow. The id names the combination and
 * travels with every record, so readers know how to walk it. Immutable.
 */
public final class RecordSchema
{
    private final int id;
    private final int ipVersion;
    private final int pluginMask;
    private final List<Field> fields;

    public RecordSchema(final int id, final int ipVersion, final int pluginMask, final List<Field> fields)
    {
        this.id = id;
        this.ipVersion = ipVersion;
        this.pluginMask = pluginMask;
        this.fields = List.copyOf(fields);
    }

    /** The schema id of a record: IP version and the set of plugins with data (bit i = plugin i). */
    public static int id(final int ipVersion, final int pluginMask)
    {
        return 1 + (ipVersion == 6 ? 1 : 0) + (pluginMask << 1);
    }

    public static int ipVersionOf(final int id)
    {
        return ((id - 1) & 1) != 0 ? 6 : 4;
    }

    public static int pluginMaskOf(final int id)
    {
        return (id - 1) >>> 1;
    }

    public int id()
    {
        return id;
    }

    public int ipVersion()
    {
        return ipVersion;
    }

    public int pluginMask()
    {
        return pluginMask;
    }

    public List<Field> fields()
    {
        return fields;
    }

    @Override
    public String toString()
    {
        return "schema " + id + " (IPv" + ipVersion + ", plugins 0x" + Integer.toHexString(pluginMask) + ", "
            + fields.size() + " fields)";
    }
}
