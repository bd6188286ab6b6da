package io.weir.export.ipfix;

/**
 * Layout of IPFIX messages (RFC 7011 section 3), all values big-endian.
 * <pre>
 * Message header (16 bytes):
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-------------------------------+-------------------------------+
 *  |       Version (10)            |     Length (whole message)    |
 *  +-------------------------------+-------------------------------+
 *  |                 Export Time (seconds since 1970)              |
 *  +---------------------------------------------------------------+
 *  |      Sequence Number (data records sent in this domain)      |
 *  +---------------------------------------------------------------+
 *  |                  Observation Domain ID                        |
 *  +---------------------------------------------------------------+
 * Set header (4 bytes): Set ID (2 template, 3 options template, >= 256 data), Length.
 * Template record header: Template ID, Field Count
 *   (options template: Template ID, Field Count, Scope Field Count).
 * Field specifier: |E| element id (15 bits) | field length | [enterprise number, when E]
 * Variable-length value: length 0..254 in one byte, or 255 then a 2-byte length.
 * basicList (RFC 6313): semantic (1), field specifier (4 or 8), then the elements.
 * </pre>
 */
public final class IpfixDescriptor
{
    public static final int VERSION = 10;
    public static final int MESSAGE_HEADER_LENGTH = 16;
    public static final int SET_HEADER_LENGTH = 4;
    public static final int MAX_MESSAGE_LENGTH = 0xFFFF;

    public static final int VERSION_OFFSET = 0;
    public static final int LENGTH_OFFSET = 2;
    public static final int EXPORT_TIME_OFFSET = 4;
    public static final int SEQUENCE_OFFSET = 8;
    public static final int DOMAIN_OFFSET = 12;

    public static final int TEMPLATE_SET_ID = 2;
    public static final int OPTIONS_TEMPLATE_SET_ID = 3;
    public static final int MIN_DATA_SET_ID = 256;

    public static final int ENTERPRISE_BIT = 0x8000;
    public static final int VARIABLE_LENGTH = 0xFFFF;
    public static final int LONG_LENGTH_MARKER = 255;

    /** RFC 6313 list semantic "allOf": every element of the list applies. */
    public static final int SEMANTIC_ALL_OF = 3;

    /** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
    public static final long NTP_EPOCH_OFFSET_SECONDS = 2_208_988_800L;

    private IpfixDescriptor()
    {
    }
}
