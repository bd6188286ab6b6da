package io.weir.plugins.netbios;

/**
 * The NetBIOS names one flow's packets queried or registered, one entry per parsed packet, in
 * packet order. Made the first time the slot holds a NetBIOS flow and reused afterwards; its
 * arrays grow (up to {@link #MAX_ENTRIES}) only the first times a flow has more names than before.
 * Not thread safe.
 */
final class NetbiosFlowState
{
    static final int MAX_ENTRIES = 32;
    static final int NAME_LENGTH = 15;
    private static final int INITIAL_ENTRIES = 2;

    int count;
    byte[] names = new byte[INITIAL_ENTRIES * NAME_LENGTH];
    byte[] suffixes = new byte[INITIAL_ENTRIES];

    void clear()
    {
        count = 0;
    }

    boolean full()
    {
        return count == MAX_ENTRIES;
    }

    /** Room for one more entry: its index. */
    int next()
    {
        if (count == suffixes.length)
        {
            final int capacity = Math.min(MAX_ENTRIES, suffixes.length * 2);
            names = java.util.Arrays.copyOf(names, capacity * NAME_LENGTH);
            suffixes = java.util.Arrays.copyOf(suffixes, capacity);
        }
        return count;
    }
}
