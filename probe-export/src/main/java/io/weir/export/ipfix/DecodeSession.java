package io.weir.export.ipfix;

import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The templates of one transport session (a file, a TCP connection, one UDP exporter), per
 * observation domain, and what was read in it. Not thread safe.
 */
public final class DecodeSession
{
    private final String name;
    private final Long2ObjectHashMap<Int2ObjectHashMap<DecoderTemplate>> domains = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<long[]> expectedSequence = new Long2ObjectHashMap<>();
    long messages;
    long dataRecords;
    long optionRecords;
    long templates;
    long withdrawals;
    long setsWithoutTemplate;
    long malformed;
    long sequenceGaps;

    public DecodeSession(final String name)
    {
        this.name = name;
    }

    public String name()
    {
        return name;
    }

    Int2ObjectHashMap<DecoderTemplate> templates(final long domainId)
    {
        Int2ObjectHashMap<DecoderTemplate> templates = domains.get(domainId);
        if (templates == null)
        {
            templates = new Int2ObjectHashMap<>();
            domains.put(domainId, templates);
        }
        return templates;
    }

    /** Checks a message's sequence number against the records seen in its domain; true when it follows on. */
    boolean onSequence(final long domainId, final long sequence, final long recordsInMessage)
    {
        long[] expected = expectedSequence.get(domainId);
        boolean inOrder = true;
        if (expected == null)
        {
            expected = new long[1];
            expectedSequence.put(domainId, expected);
        }
        else if (expected[0] != sequence)
        {
            inOrder = false;
            sequenceGaps++;
        }
        expected[0] = (sequence + recordsInMessage) & 0xFFFF_FFFFL;
        return inOrder;
    }

    /** The next sequence number expected in a domain, or -1 when none was seen. */
    public long expectedSequence(final long domainId)
    {
        final long[] expected = expectedSequence.get(domainId);
        return expected == null ? -1 : expected[0];
    }

    public long messages()
    {
        return messages;
    }

    public long dataRecords()
    {
        return dataRecords;
    }

    public long optionRecords()
    {
        return optionRecords;
    }

    public long templates()
    {
        return templates;
    }

    public long withdrawals()
    {
        return withdrawals;
    }

    public long setsWithoutTemplate()
    {
        return setsWithoutTemplate;
    }

    /** Messages, sets and records that were malformed and skipped. */
    public long malformed()
    {
        return malformed;
    }

    /** Messages whose sequence number did not follow from the records before them in their domain. */
    public long sequenceGaps()
    {
        return sequenceGaps;
    }

    /** Templates currently defined in a domain. */
    public int templateCount(final long domainId)
    {
        final Int2ObjectHashMap<DecoderTemplate> templates = domains.get(domainId);
        return templates == null ? 0 : templates.size();
    }
}
