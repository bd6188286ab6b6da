package io.weir.plugins.ssadetector;

import java.util.Arrays;

/**
 * Blocks of detector state for the flows that are long enough to be examined, lent to a flow when
 * it reaches that length and returned when it ends. A block holds, for every payload length the
 * detector considers and both directions, the time (microseconds) the length was last seen, and
 * the lengths of the first patterns found. The pool grows when all blocks are lent and keeps its
 * blocks, so that steady state allocates nothing. Not thread safe: owned by the capture worker.
 */
final class SynTablePool
{
    static final int MIN_LENGTH = 60;
    static final int MAX_LENGTH = 150;
    static final int LENGTHS = MAX_LENGTH - MIN_LENGTH + 1;
    static final int TIMES_PER_BLOCK = LENGTHS * 2;
    static final int MAX_PATTERN_LENGTHS = 100;
    static final int NONE = -1;

    private long[] times;
    private byte[] patternLengths;
    private int[] free;
    private int freeCount;
    private int blocks;
    private int lent;
    private final int maxBlocks;

    SynTablePool(final int initialBlocks, final int maxBlocks)
    {
        this.maxBlocks = maxBlocks;
        final int capacity = Math.max(1, Math.min(initialBlocks, maxBlocks));
        times = new long[capacity * TIMES_PER_BLOCK];
        patternLengths = new byte[capacity * MAX_PATTERN_LENGTHS];
        free = new int[capacity];
    }

    /** A block with every time cleared, or {@link #NONE} when {@code maxBlocks} are lent already. */
    int acquire()
    {
        final int block;
        if (freeCount > 0)
        {
            block = free[--freeCount];
        }
        else
        {
            if (blocks == maxBlocks)
            {
                return NONE;
            }
            if (blocks * TIMES_PER_BLOCK == times.length)
            {
                grow();
            }
            block = blocks++;
        }
        clearTimes(block);
        lent++;
        return block;
    }

    void release(final int block)
    {
        free[freeCount++] = block;
        lent--;
    }

    void clearTimes(final int block)
    {
        final int base = block * TIMES_PER_BLOCK;
        Arrays.fill(times, base, base + TIMES_PER_BLOCK, 0L);
    }

    /**
     * Where the time is kept at which a payload of {@code MIN_LENGTH + lengthIndex} bytes was last seen
     * in direction {@code direction} (0 or 1).
     */
    static int timeIndex(final int block, final int lengthIndex, final int direction)
    {
        return block * TIMES_PER_BLOCK + lengthIndex * 2 + direction;
    }

    long[] times()
    {
        return times;
    }

    byte[] patternLengths()
    {
        return patternLengths;
    }

    /** Blocks lent and not returned: 0 once every flow that took one has ended. */
    int lent()
    {
        return lent;
    }

    private void grow()
    {
        final int capacity = (int)Math.min((long)free.length * 2, maxBlocks);
        times = Arrays.copyOf(times, capacity * TIMES_PER_BLOCK);
        patternLengths = Arrays.copyOf(patternLengths, capacity * MAX_PATTERN_LENGTHS);
        free = Arrays.copyOf(free, capacity);
    }
}
