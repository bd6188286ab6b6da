package io.weir.plugins.dnsmessage;

/**
 * Layout of a DNS message (RFC 1035 section 4.1), as positions relative to the message's first
 * byte; compression pointers count from there too.
 * <pre>
 * Header (12 bytes)
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-------------------------------+-+-------+-+-+-+-+-+-+-+-------+
 *  |              ID               |Q|OPCODE |A|T|R|R|Z|A|C| RCODE |
 *  |                               |R|       |A|C|D|A| |D|D|       |
 *  +-------------------------------+-+-------+-+-+-+-+-+-+-+-------+
 *  |            QDCOUNT            |            ANCOUNT            |
 *  +-------------------------------+-------------------------------+
 *  |            NSCOUNT            |            ARCOUNT            |
 *  +-------------------------------+-------------------------------+
 *
 * Question: NAME, then
 *  +-------------------------------+-------------------------------+
 *  |             QTYPE             |            QCLASS             |
 *  +-------------------------------+-------------------------------+
 *
 * Resource record: NAME, then
 *  +-------------------------------+-------------------------------+
 *  |             TYPE              |             CLASS             |
 *  +-------------------------------+-------------------------------+
 *  |                              TTL                              |
 *  +-------------------------------+-------------------------------+
 *  |           RDLENGTH            |  RDATA (RDLENGTH bytes) ...
 *  +-------------------------------+----------------
 *
 * NAME: labels, each a length byte (0..63) and that many bytes, ending with a zero byte or
 * with a 2-byte compression pointer (top bits 11, then a 14-bit position in the message).
 * Over TCP each message is preceded by its length in 2 bytes (RFC 1035 section 4.2.2).
 * </pre>
 * An OPT pseudo-record (RFC 6891) reuses CLASS as the requestor's UDP payload size and TTL as
 * extended RCODE (8 bits), version (8 bits), DO (1 bit) and Z (15 bits).
 */
public final class DnsMessageDescriptor
{
    public static final int ID_OFFSET = 0;
    public static final int FLAGS_OFFSET = 2;
    public static final int QUESTION_COUNT_OFFSET = 4;
    public static final int ANSWER_COUNT_OFFSET = 6;
    public static final int AUTHORITY_COUNT_OFFSET = 8;
    public static final int ADDITIONAL_COUNT_OFFSET = 10;
    public static final int HEADER_LENGTH = 12;

    public static final int FLAG_RESPONSE = 0x8000;
    public static final int RCODE_MASK = 0x000F;

    public static final int QUESTION_TYPE_OFFSET = 0;
    public static final int QUESTION_CLASS_OFFSET = 2;
    public static final int QUESTION_FIXED_LENGTH = 4;

    public static final int RECORD_TYPE_OFFSET = 0;
    public static final int RECORD_CLASS_OFFSET = 2;
    public static final int RECORD_TTL_OFFSET = 4;
    public static final int RECORD_RDLENGTH_OFFSET = 8;
    public static final int RECORD_FIXED_LENGTH = 10;

    public static final int TCP_LENGTH_PREFIX = 2;

    public static final int POINTER_MASK = 0xC0;
    public static final int MAX_LABEL_LENGTH = 63;
    /**
     * Labels plus pointers one name may take: ipfixprobe's bound (it fails on the 129th), far above
     * the 127 labels a 255-byte name can have.
     */
    public static final int MAX_NAME_STEPS = 128;

    /** OPT TTL bit carrying DO (DNSSEC OK). */
    public static final int OPT_DO_BIT = 0x8000;

    private DnsMessageDescriptor()
    {
    }
}
