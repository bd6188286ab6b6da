package io.weir.plugins.dnssd;

import io.weir.plugins.dnsmessage.DnsName;
import io.weir.plugins.dnsmessage.TextBuffer;

/**
 * What the dnssd plugin keeps for one flow slot: the distinct queried names and the advertised
 * service instances, in the order first seen. Made the first time the slot holds an mDNS flow and
 * reused afterwards; response entries are made the first time a flow in the slot needs that many.
 * Not thread safe.
 */
final class DnsSdFlowState
{
    static final int MAX_QUERIES = 64;
    static final int QUERIES_CAPACITY = 4096;
    static final int MAX_RESPONSES = 64;

    boolean present;
    final TextBuffer queries = new TextBuffer(QUERIES_CAPACITY);
    private int queryCount;
    private final int[] queryStarts = new int[MAX_QUERIES];
    private final int[] queryLengths = new int[MAX_QUERIES];
    int responseCount;
    final DnsSdResponse[] responses = new DnsSdResponse[MAX_RESPONSES];

    void clear()
    {
        present = false;
        queries.clear();
        queryCount = 0;
        responseCount = 0;
    }

    /** Adds a queried name unless it is known already or there is no room for all of it. */
    void addQuery(final DnsName name)
    {
        for (int i = 0; i < queryCount; i++)
        {
            if (name.contentEquals(queries.bytes(), queryStarts[i], queryLengths[i]))
            {
                return;
            }
        }
        if (queryCount == MAX_QUERIES || queries.length() + name.length() + 1 > queries.capacity())
        {
            return;
        }
        queryStarts[queryCount] = queries.length();
        queryLengths[queryCount] = name.length();
        queryCount++;
        queries.append(name).append(';');
    }

    /** The entry for this instance name, or -1. */
    int findResponse(final TextBuffer name)
    {
        for (int i = 0; i < responseCount; i++)
        {
            if (responses[i].name.contentEquals(name))
            {
                return i;
            }
        }
        return -1;
    }

    /** A new, cleared entry, or null when the flow has {@link #MAX_RESPONSES} already. */
    DnsSdResponse newResponse()
    {
        if (responseCount == MAX_RESPONSES)
        {
            return null;
        }
        DnsSdResponse response = responses[responseCount];
        if (response == null)
        {
            response = new DnsSdResponse();
            responses[responseCount] = response;
        }
        response.clear();
        responseCount++;
        return response;
    }

}
