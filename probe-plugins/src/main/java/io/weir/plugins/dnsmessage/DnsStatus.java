package io.weir.plugins.dnsmessage;

/**
 * What the decoders return instead of a position when they cannot go on. Positions are never
 * negative, so a negative result is always one of these.
 */
public final class DnsStatus
{
    /**
     * The input ends before the structure does: more bytes would be needed (a TCP message longer
     * than the segment, a datagram cut by the snap length). Not an error: nothing was changed.
     */
    public static final int TRUNCATED = -1;

    /**
     * The bytes can never decode: a compression pointer that does not point strictly before
     * everything read so far (so a loop or a forward jump), a reserved label type, a name longer
     * than {@link DnsMessageDescriptor#MAX_NAME_STEPS} labels and pointers, a message shorter than
     * its header although its length says it is complete.
     */
    public static final int MALFORMED = -2;

    private DnsStatus()
    {
    }
}
