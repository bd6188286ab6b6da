package io.weir.plugins.passivedns;

import io.weir.plugins.dnsmessage.TextBuffer;

/**
 * The address records one flow's DNS response gave: one entry per A, AAAA or usable PTR
 * answer, in answer order. Made the first time the slot holds a DNS response and reused for every
 * later flow in that slot; its arrays grow (up to {@link #MAX_ENTRIES}) only the first times a
 * response has more answers than before. Not thread safe.
 */
final class PassiveDnsFlowState
{
    static final int MAX_ENTRIES = 32;
    /** ipfixprobe's aname buffer is 255 bytes with the terminating zero. */
    static final int NAME_CAPACITY = 254;
    private static final int INITIAL_ENTRIES = 4;

    int count;
    int[] ids = new int[INITIAL_ENTRIES];
    long[] ttls = new long[INITIAL_ENTRIES];
    int[] types = new int[INITIAL_ENTRIES];
    int[] addressLengths = new int[INITIAL_ENTRIES];
    byte[][] addresses = new byte[INITIAL_ENTRIES][16];
    TextBuffer[] names = newNames(INITIAL_ENTRIES, 0, null);

    void clear()
    {
        count = 0;
    }

    boolean full()
    {
        return count == MAX_ENTRIES;
    }

    /** The next entry's index, its name cleared; the caller fills the arrays and then calls {@link #commit()}. */
    int next()
    {
        if (count == ids.length)
        {
            grow();
        }
        names[count].clear();
        return count;
    }

    void commit()
    {
        count++;
    }

    private void grow()
    {
        final int capacity = Math.min(MAX_ENTRIES, ids.length * 2);
        ids = java.util.Arrays.copyOf(ids, capacity);
        ttls = java.util.Arrays.copyOf(ttls, capacity);
        types = java.util.Arrays.copyOf(types, capacity);
        addressLengths = java.util.Arrays.copyOf(addressLengths, capacity);
        final byte[][] grownAddresses = java.util.Arrays.copyOf(addresses, capacity);
        for (int i = addresses.length; i < capacity; i++)
        {
            grownAddresses[i] = new byte[16];
        }
        addresses = grownAddresses;
        names = newNames(capacity, names.length, names);
    }

    private static TextBuffer[] newNames(final int capacity, final int kept, final TextBuffer[] old)
    {
        final TextBuffer[] grown = new TextBuffer[capacity];
        if (old != null)
        {
            System.arraycopy(old, 0, grown, 0, kept);
        }
        for (int i = kept; i < capacity; i++)
        {
            grown[i] = new TextBuffer(NAME_CAPACITY);
        }
        return grown;
    }
}
