package io.weir.plugins.mqtt;

import org.agrona.DirectBuffer;

/**
 * What the mqtt plugin keeps per flow, in primitive arrays indexed by the flow's cache slot. Topic
 * bytes live in a per-slot array made the first time its slot records a topic and reused by every
 * later flow of that slot. Not thread safe: owned by the capture worker.
 */
final class MqttFlows
{
    /** No packet with payload seen yet. */
    static final byte UNDECIDED = 0;
    /** The first payload was MQTT: the flow is followed. */
    static final byte TRACKED = 1;
    /** The first payload was not MQTT. */
    static final byte IGNORED = 2;

    private static final int FIRST_TOPICS_CAPACITY = 64;

    final byte[] phase;
    final int[] typeCumulative;
    final byte[] version;
    final byte[] connectionFlags;
    final char[] keepAlive;
    final byte[] returnCode;
    final boolean[] sessionPresent;
    final byte[] publishFlags;
    final int[] topicCount;
    final byte[][] topics;
    final int[] topicsLength;
    final boolean[] topicsFull;
    private final int maxTopics;
    private final int topicsCapacity;

    MqttFlows(final int flowSlots, final int maxTopics, final int topicsCapacity)
    {
        this.phase = new byte[flowSlots];
        this.typeCumulative = new int[flowSlots];
        this.version = new byte[flowSlots];
        this.connectionFlags = new byte[flowSlots];
        this.keepAlive = new char[flowSlots];
        this.returnCode = new byte[flowSlots];
        this.sessionPresent = new boolean[flowSlots];
        this.publishFlags = new byte[flowSlots];
        this.topicCount = new int[flowSlots];
        this.topics = new byte[flowSlots][];
        this.topicsLength = new int[flowSlots];
        this.topicsFull = new boolean[flowSlots];
        this.maxTopics = maxTopics;
        this.topicsCapacity = topicsCapacity;
    }

    /** Clears the values a flow accumulates (not its phase): done when a flow turns out to be MQTT. */
    void clearValues(final int slot)
    {
        typeCumulative[slot] = 0;
        version[slot] = 0;
        connectionFlags[slot] = 0;
        keepAlive[slot] = 0;
        returnCode[slot] = 0;
        sessionPresent[slot] = false;
        publishFlags[slot] = 0;
        topicCount[slot] = 0;
        topicsLength[slot] = 0;
        topicsFull[slot] = false;
    }

    /**
     * Counts a PUBLISH topic and keeps it (followed by '#') while fewer than the configured number
     * were kept and it fits; once one does not fit, the list ends there.
     */
    void onTopic(final int slot, final DirectBuffer buffer, final int offset, final int length)
    {
        if (topicCount[slot]++ >= maxTopics || topicsFull[slot])
        {
            return;
        }
        final int used = topicsLength[slot];
        final int needed = used + length + 1;
        if (needed > topicsCapacity)
        {
            topicsFull[slot] = true;
            return;
        }
        byte[] bytes = topics[slot];
        if (bytes == null || bytes.length < needed)
        {
            bytes = grow(bytes, needed);
            topics[slot] = bytes;
        }
        buffer.getBytes(offset, bytes, used, length);
        bytes[used + length] = '#';
        topicsLength[slot] = needed;
    }

    private byte[] grow(final byte[] bytes, final int needed)
    {
        int capacity = bytes == null ? Math.min(FIRST_TOPICS_CAPACITY, topicsCapacity) : bytes.length;
        while (capacity < needed)
        {
            capacity = Math.min(capacity * 2, topicsCapacity);
        }
        final byte[] grown = new byte[capacity];
        if (bytes != null)
        {
            System.arraycopy(bytes, 0, grown, 0, bytes.length);
        }
        return grown;
    }
}
