package io.weir.export.ipfix;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.weir.core.field.BasicFields;
import io.weir.core.field.Field;
import io.weir.core.field.FieldType;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The information elements weir knows by (enterprise number, element id): the basic fields,
 * the exporter statistics, a few more IANA elements that collectors often send, every field
 * declared by the active or installed plugins, and extra definitions from an
 * {@code --ie-mapping} CSV. RFC 5103 reverse elements (PEN 29305) are derived from their
 * IANA forward element. The decoder names values with it; the exporter checks templates
 * against it. Not thread safe once built (build, then read).
 */
public final class InformationModel
{
    private final Long2ObjectHashMap<Field> elements = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<Field> listsByElement = new Long2ObjectHashMap<>();
    private final List<List<Field>> groups = new ArrayList<>();

    /** The IANA elements of the basic fields, the exporter statistics and a few common others. */
    public static InformationModel standard()
    {
        final InformationModel model = new InformationModel();
        for (final Field field : BasicFields.forIpVersion(4))
        {
            model.add(field);
        }
        for (final Field field : BasicFields.forIpVersion(6))
        {
            model.add(field);
        }
        for (final Field field : OptionsFields.ALL)
        {
            model.add(field);
        }
        model.add(TimeFields.FLOW_START_MILLISECONDS);
        model.add(TimeFields.FLOW_END_MILLISECONDS);
        model.add(iana("flowStartSeconds", FieldType.DATE_TIME_SECONDS, 150));
        model.add(iana("flowEndSeconds", FieldType.DATE_TIME_SECONDS, 151));
        model.add(iana("flowStartNanoseconds", FieldType.DATE_TIME_NANOSECONDS, 156));
        model.add(iana("flowEndNanoseconds", FieldType.DATE_TIME_NANOSECONDS, 157));
        model.add(iana("ipClassOfService", FieldType.UNSIGNED8, 5));
        model.add(iana("egressInterface", FieldType.UNSIGNED32, 14));
        model.add(iana("icmpTypeCodeIPv4", FieldType.UNSIGNED16, 32));
        model.add(iana("flowDirection", FieldType.UNSIGNED8, 61));
        model.add(iana("icmpTypeCodeIPv6", FieldType.UNSIGNED16, 139));
        model.add(iana("flowId", FieldType.UNSIGNED64, 148));
        model.add(iana("ipTTL", FieldType.UNSIGNED8, 192));
        model.add(iana("observationTimeMilliseconds", FieldType.DATE_TIME_MILLISECONDS, 323));
        return model;
    }

    private static Field iana(final String name, final FieldType type, final int id)
    {
        return Field.of(name, null, type, 0, id, null);
    }

    private static long key(final long enterprise, final int id)
    {
        return (enterprise << 16) | (id & 0x7FFF);
    }

    /** Adds (or replaces) an element; a basicList is also found by its element's identity. */
    public InformationModel add(final Field field)
    {
        if (field.type() == FieldType.BASIC_LIST)
        {
            listsByElement.put(key(field.elementEnterprise(), field.elementElementId()), field);
        }
        else
        {
            elements.put(key(field.enterprise(), field.elementId()), field);
        }
        return this;
    }

    public InformationModel addAll(final Collection<Field> fields)
    {
        for (final Field field : fields)
        {
            add(field);
        }
        return this;
    }

    /**
     * Adds a plugin's fields as a group: in a template, a run of elements equal to the group's fields
     * in order gets the group's names, even where two plugins export different fields under one
     * element (ipfixprobe's passivedns sends its address as dns's DNS_RDATA).
     */
    public InformationModel addGroup(final List<Field> fields)
    {
        addAll(fields);
        if (!fields.isEmpty())
        {
            groups.add(List.copyOf(fields));
        }
        return this;
    }

    /**
     * For each element of a template, the field of the longest group that covers it there (groups are
     * matched left to right), or null where no group does.
     */
    public Field[] recognise(final long[] enterprises, final int[] ids)
    {
        final Field[] fields = new Field[ids.length];
        int at = 0;
        while (at < ids.length)
        {
            List<Field> longest = null;
            for (final List<Field> group : groups)
            {
                if ((longest == null || group.size() > longest.size()) && startsWith(enterprises, ids, at, group))
                {
                    longest = group;
                }
            }
            if (longest == null)
            {
                at++;
                continue;
            }
            for (final Field field : longest)
            {
                fields[at++] = field;
            }
        }
        return fields;
    }

    private static boolean startsWith(final long[] enterprises, final int[] ids, final int at, final List<Field> group)
    {
        if (at + group.size() > ids.length)
        {
            return false;
        }
        for (int k = 0; k < group.size(); k++)
        {
            final Field field = group.get(k);
            if (ids[at + k] != field.elementId() || enterprises[at + k] != field.enterprise())
            {
                return false;
            }
        }
        return true;
    }

    /** The element with this identity, the reverse of a known IANA element, or null. */
    public Field element(final long enterprise, final int id)
    {
        final Field field = elements.get(key(enterprise, id));
        if (field != null || enterprise != Field.REVERSE_PEN)
        {
            return field;
        }
        final Field forward = elements.get(key(0, id));
        if (forward == null)
        {
            return null;
        }
        final Field reverse = forward.reverse(null);
        elements.put(key(enterprise, id), reverse);
        return reverse;
    }

    /** The basicList field whose elements have this identity, or null. */
    public Field listOf(final long enterprise, final int id)
    {
        return listsByElement.get(key(enterprise, id));
    }

    /** The key of an element nobody declared: {@code eNNNNidMMM} (enterprise 0 for IANA). */
    public static String unknownName(final long enterprise, final int id)
    {
        return "e" + enterprise + "id" + id;
    }

    /**
     * Reads {@code --ie-mapping} definitions: one element a line as {@code name,enterprise,id,type}
     * with an RFC 7012 type name ({@code unsigned16}, {@code string}, ...), or for a list
     * {@code basicList:TYPE}, where enterprise and id are those of the list's elements.
     * Blank lines and lines starting with '#' are skipped; a header line starting with "name," too.
     *
     * @throws IllegalArgumentException naming the file and line of a wrong definition
     */
    public static List<Field> readMapping(final Path file) throws IOException
    {
        final List<Field> fields = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null)
            {
                number++;
                final String text = line.trim();
                if (text.isEmpty() || text.startsWith("#") || text.startsWith("name,"))
                {
                    continue;
                }
                fields.add(parseMapping(text, file + ":" + number));
            }
        }
        return fields;
    }

    static Field parseMapping(final String line, final String where)
    {
        final String[] parts = line.split(",", -1);
        if (parts.length != 4)
        {
            throw new IllegalArgumentException(where + ": expected name,enterprise,id,type, got '" + line + "'");
        }
        final String name = parts[0].trim();
        final long enterprise;
        final int id;
        try
        {
            enterprise = Long.parseLong(parts[1].trim());
            id = Integer.parseInt(parts[2].trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(where + ": enterprise and id must be numbers in '" + line + "'");
        }
        if (name.isEmpty() || enterprise < 0 || enterprise > 0xFFFF_FFFFL || id < 0 || id > 0x7FFF)
        {
            throw new IllegalArgumentException(where + ": need a name, enterprise 0..4294967295 and id 0..32767");
        }
        final String typeName = parts[3].trim();
        if (typeName.startsWith("basicList:"))
        {
            final FieldType element = FieldType.byIanaName(typeName.substring("basicList:".length()));
            if (element == null || element.isVariableLength())
            {
                throw new IllegalArgumentException(where + ": unknown or variable list element type in '" + line + "'");
            }
            return Field.basicList(name, null, element, enterprise, id, null);
        }
        final FieldType type = FieldType.byIanaName(typeName);
        if (type == null || type == FieldType.BASIC_LIST)
        {
            throw new IllegalArgumentException(where + ": unknown type '" + typeName + "'");
        }
        return Field.of(name, null, type, enterprise, id, null);
    }
}
