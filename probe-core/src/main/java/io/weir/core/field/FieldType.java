package io.weir.core.field;

/**
 * Abstract data types of IPFIX information elements (RFC 7012 section 3.1) as weir uses them.
 * Each type fixes two encodings: the IPFIX one ({@link #ipfixLength()}) and weir's internal
 * record encoding ({@link #recordLength()}), which differs only for timestamps (kept as 64-bit
 * epoch nanoseconds until an output chooses the unit) and for variable-length values
 * (a 2-byte length, or for lists a 2-byte element count, then the data).
 */
public enum FieldType
{
    UNSIGNED8("unsigned8", 1),
    UNSIGNED16("unsigned16", 2),
    UNSIGNED32("unsigned32", 4),
    UNSIGNED64("unsigned64", 8),
    SIGNED8("signed8", 1),
    SIGNED16("signed16", 2),
    SIGNED32("signed32", 4),
    SIGNED64("signed64", 8),
    FLOAT32("float32", 4),
    FLOAT64("float64", 8),
    BOOLEAN("boolean", 1),
    MAC_ADDRESS("macAddress", 6),
    IPV4_ADDRESS("ipv4Address", 4),
    IPV6_ADDRESS("ipv6Address", 16),
    DATE_TIME_SECONDS("dateTimeSeconds", 4),
    DATE_TIME_MILLISECONDS("dateTimeMilliseconds", 8),
    DATE_TIME_MICROSECONDS("dateTimeMicroseconds", 8),
    DATE_TIME_NANOSECONDS("dateTimeNanoseconds", 8),
    STRING("string", Field.VARIABLE_LENGTH),
    OCTET_ARRAY("octetArray", Field.VARIABLE_LENGTH),
    BASIC_LIST("basicList", Field.VARIABLE_LENGTH);

    private final String ianaName;
    private final int ipfixLength;

    FieldType(final String ianaName, final int ipfixLength)
    {
        this.ianaName = ianaName;
        this.ipfixLength = ipfixLength;
    }

    /** The RFC 7012 name ("unsigned32", "ipv6Address", ...). */
    public String ianaName()
    {
        return ianaName;
    }

    /** Length of the value in an IPFIX data record, or {@link Field#VARIABLE_LENGTH}. */
    public int ipfixLength()
    {
        return ipfixLength;
    }

    /** Length of the value in weir's record encoding, or {@link Field#VARIABLE_LENGTH}. */
    public int recordLength()
    {
        return isTime() ? 8 : ipfixLength;
    }

    public boolean isVariableLength()
    {
        return ipfixLength == Field.VARIABLE_LENGTH;
    }

    public boolean isTime()
    {
        return this == DATE_TIME_SECONDS || this == DATE_TIME_MILLISECONDS
            || this == DATE_TIME_MICROSECONDS || this == DATE_TIME_NANOSECONDS;
    }

    public boolean isUnsignedInteger()
    {
        return this == UNSIGNED8 || this == UNSIGNED16 || this == UNSIGNED32 || this == UNSIGNED64;
    }

    public boolean isSignedInteger()
    {
        return this == SIGNED8 || this == SIGNED16 || this == SIGNED32 || this == SIGNED64;
    }

    /** Finds a type by its RFC 7012 name, case-insensitively; null when unknown. */
    public static FieldType byIanaName(final String name)
    {
        for (final FieldType type : values())
        {
            if (type.ianaName.equalsIgnoreCase(name))
            {
                return type;
            }
        }
        return null;
    }
}
