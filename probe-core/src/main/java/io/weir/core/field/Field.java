package io.weir.core.field;

import java.util.Objects;

/**
 * One field of a flow record, declared once: its name in JSON/CSV/text output, ipfixprobe's
 * name for it, its abstract data type and its IPFIX identity (enterprise number, element id).
 * Templates, IPFIX encoding, JSON keys and text columns are all derived from this declaration.
 * For a {@link FieldType#BASIC_LIST} the element type and element identity are declared too
 * (RFC 6313). Immutable.
 */
public final class Field
{
    /** Length marker of variable-length values (RFC 7011 section 7). */
    public static final int VARIABLE_LENGTH = 0xFFFF;
    /** Private enterprise number of RFC 5103 reverse elements. */
    public static final long REVERSE_PEN = 29305;
    /** IANA element id of basicList. */
    public static final int BASIC_LIST_ID = 291;

    private final String name;
    private final String ipfixprobeName;
    private final FieldType type;
    private final long enterprise;
    private final int elementId;
    private final FieldType elementType;
    private final long elementEnterprise;
    private final int elementElementId;
    private final String description;

    private Field(final String name, final String ipfixprobeName, final FieldType type, final long enterprise,
                  final int elementId, final FieldType elementType, final long elementEnterprise,
                  final int elementElementId, final String description)
    {
        this.name = Objects.requireNonNull(name);
        this.ipfixprobeName = ipfixprobeName;
        this.type = Objects.requireNonNull(type);
        this.enterprise = enterprise;
        this.elementId = elementId;
        this.elementType = elementType;
        this.elementEnterprise = elementEnterprise;
        this.elementElementId = elementElementId;
        this.description = description;
        if (type == FieldType.BASIC_LIST && (elementType == null || elementType.isVariableLength()))
        {
            throw new IllegalArgumentException(name + ": a basicList needs a fixed-length element type");
        }
    }

    /** A scalar or variable-length field. */
    public static Field of(final String name, final String ipfixprobeName, final FieldType type,
                           final long enterprise, final int elementId, final String description)
    {
        return new Field(name, ipfixprobeName, type, enterprise, elementId, null, 0, 0, description);
    }

    /** An RFC 6313 basicList of fixed-length elements, each identified by its own element id. */
    public static Field basicList(final String name, final String ipfixprobeName, final FieldType elementType,
                                  final long elementEnterprise, final int elementElementId, final String description)
    {
        return new Field(name, ipfixprobeName, FieldType.BASIC_LIST, 0, BASIC_LIST_ID, elementType,
            elementEnterprise, elementElementId, description);
    }

    /** The RFC 5103 reverse of an IANA field: same element id under PEN 29305, "reverse" + Name. */
    public Field reverse(final String reverseIpfixprobeName)
    {
        if (enterprise != 0)
        {
            throw new IllegalStateException(name + " is not an IANA element; declare its reverse explicitly");
        }
        return new Field("reverse" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
            reverseIpfixprobeName, type, REVERSE_PEN, elementId, elementType, elementEnterprise,
            elementElementId, description == null ? null : description + " (reverse direction)");
    }

    /** Key in JSON and CSV output: the IANA name, or lowerCamelCase of ipfixprobe's name. */
    public String name()
    {
        return name;
    }

    /** ipfixprobe's output field name (UniRec), or null when ipfixprobe has no such field. */
    public String ipfixprobeName()
    {
        return ipfixprobeName;
    }

    public FieldType type()
    {
        return type;
    }

    public long enterprise()
    {
        return enterprise;
    }

    public int elementId()
    {
        return elementId;
    }

    public FieldType elementType()
    {
        return elementType;
    }

    public long elementEnterprise()
    {
        return elementEnterprise;
    }

    public int elementElementId()
    {
        return elementElementId;
    }

    public String description()
    {
        return description;
    }

    /** {@code lowerCamelCase} of an ipfixprobe name: {@code HTTP_REQUEST_HOST} gives {@code httpRequestHost}. */
    public static String camelCase(final String ipfixprobeName)
    {
        final StringBuilder out = new StringBuilder(ipfixprobeName.length());
        boolean upper = false;
        for (int i = 0; i < ipfixprobeName.length(); i++)
        {
            final char c = ipfixprobeName.charAt(i);
            if (c == '_')
            {
                upper = out.length() > 0;
                continue;
            }
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = false;
        }
        return out.toString();
    }

    @Override
    public String toString()
    {
        return name + "(" + (enterprise != 0 ? enterprise + "/" : "") + elementId + ", " + type.ianaName() + ")";
    }
}
