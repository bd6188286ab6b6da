package io.weir.plugins.ssadetector;

/**
 * The detector of ipfixprobe's ssadetector plugin, per flow: from a flow's 30th packet on, a
 * payload of 60..150 bytes that follows, within 3 s, a payload in the other direction at most 12
 * bytes shorter (or equal) completes a pattern like a tunnelled TCP handshake; the pattern's length
 * is noted and the remembered times are cleared. Otherwise the payload's time is remembered for its
 * length and direction. At the end a flow of more than 30 packets gets level 1 when it saw at least
 * 3 patterns, no more than 2500 packets per pattern, and few distinct pattern lengths (at most 60 %,
 * 40 % or 20 % of the patterns for fewer than 15, fewer than 40, or more patterns).
 * <p>
 * ipfixprobe also fills a second table ("SYN-ACK") that it never reads; it has no effect on the
 * result, so it is not kept here. A flow's own state is written from its 30th packet and when it
 * ends (which also sets it up for the slot's next flow): one int per cache slot — table block + 1,
 * 0 for none (bits 0-21), pattern lengths noted (22-28), level (29), exported (30) — and the pattern
 * count, a long per slot read only while the flow holds a block.
 * Not thread safe: owned by the capture worker.
 */
final class SsaFlows
{
    static final int FIRST_EXAMINED_PACKET = 30;
    static final int MIN_PACKETS_FOR_EXPORT = 31;
    static final int LOOKBACK_LENGTHS = 12;
    static final long WINDOW_MICROS = 3_000_000L;
    static final int MIN_PATTERNS = 3;
    static final double MAX_PACKETS_PER_PATTERN = 2500;
    static final int FEW_PATTERNS = 15;
    static final int SOME_PATTERNS = 40;
    static final double FEW_PATTERNS_MAX_DISTINCT = 0.6;
    static final double SOME_PATTERNS_MAX_DISTINCT = 0.4;
    static final double MANY_PATTERNS_MAX_DISTINCT = 0.2;

    /**
     * Blocks a flow can refer to (4 M, 6.6 GB of tables); a flow that finds none lent when it reaches
     * its 30th packet tries again with each later packet and, until it gets one, finds no pattern.
     */
    static final int MAX_BLOCKS = (1 << 22) - 1;

    private static final int BLOCK_MASK = MAX_BLOCKS;
    private static final int COUNT_SHIFT = 22;
    private static final int COUNT_MASK = 0x7F;
    private static final int LEVEL = 1 << 29;
    private static final int EXPORTED = 1 << 30;

    private final SynTablePool pool;
    private final int[] state;
    private final long[] patterns;

    SsaFlows(final int flowSlots, final SynTablePool pool)
    {
        this.pool = pool;
        this.state = new int[flowSlots];
        this.patterns = new long[flowSlots];
    }

    /**
     * One packet of a flow that has seen {@code packets} packets, this one included.
     *
     * @param direction 0 from the flow's source, 1 towards it
     */
    void onPacket(final int slot, final long packets, final int payloadLength, final int direction,
                  final long timeMicros)
    {
        if (packets < FIRST_EXAMINED_PACKET)
        {
            return;
        }
        int word = state[slot];
        if ((word & BLOCK_MASK) == 0)
        {
            final int block = pool.acquire();
            if (block == SynTablePool.NONE)
            {
                return;
            }
            word = block + 1;
            state[slot] = word;
            patterns[slot] = 0;
        }
        if (payloadLength < SynTablePool.MIN_LENGTH || payloadLength > SynTablePool.MAX_LENGTH)
        {
            return;
        }
        final int b = (word & BLOCK_MASK) - 1;
        final long[] times = pool.times();
        final int index = payloadLength - SynTablePool.MIN_LENGTH;
        final int other = 1 - direction;
        for (int i = Math.max(index - LOOKBACK_LENGTHS, 0); i <= index; i++)
        {
            if (timeMicros - times[SynTablePool.timeIndex(b, i, other)] <= WINDOW_MICROS)
            {
                pool.clearTimes(b);
                final int count = (word >>> COUNT_SHIFT) & COUNT_MASK;
                if (count < SynTablePool.MAX_PATTERN_LENGTHS)
                {
                    pool.patternLengths()[b * SynTablePool.MAX_PATTERN_LENGTHS + count] = (byte)payloadLength;
                    state[slot] = word + (1 << COUNT_SHIFT);
                }
                patterns[slot]++;
                return;
            }
        }
        times[SynTablePool.timeIndex(b, index, direction)] = timeMicros;
    }

    /** Decides the level of a flow that ends after {@code packets} packets, and returns its block. */
    void onEnd(final int slot, final long packets)
    {
        final int word = state[slot];
        final int b = (word & BLOCK_MASK) - 1;
        int next = 0;
        if (packets >= MIN_PACKETS_FOR_EXPORT)
        {
            next = EXPORTED;
            if (b >= 0 && isTunnel(packets, patterns[slot], b, (word >>> COUNT_SHIFT) & COUNT_MASK))
            {
                next |= LEVEL;
            }
        }
        if (b >= 0)
        {
            pool.release(b);
        }
        state[slot] = next;
    }

    boolean exported(final int slot)
    {
        return (state[slot] & EXPORTED) != 0;
    }

    int level(final int slot)
    {
        return (state[slot] & LEVEL) != 0 ? 1 : 0;
    }

    /** Patterns found in the flow in {@code slot} so far (valid while it holds a block). */
    long patterns(final int slot)
    {
        return (state[slot] & BLOCK_MASK) == 0 ? 0 : patterns[slot];
    }

    private boolean isTunnel(final long packets, final long patternCount, final int b, final int lengthCount)
    {
        if (patternCount < MIN_PATTERNS || (double)packets / (double)patternCount > MAX_PACKETS_PER_PATTERN)
        {
            return false;
        }
        final double distinct = distinctShare(pool.patternLengths(), b * SynTablePool.MAX_PATTERN_LENGTHS, lengthCount);
        if (patternCount < FEW_PATTERNS)
        {
            return distinct <= FEW_PATTERNS_MAX_DISTINCT;
        }
        if (patternCount < SOME_PATTERNS)
        {
            return distinct <= SOME_PATTERNS_MAX_DISTINCT;
        }
        return distinct <= MANY_PATTERNS_MAX_DISTINCT;
    }

    /** Distinct values among {@code count} lengths (all 60..150), divided by {@code count}. */
    static double distinctShare(final byte[] lengths, final int from, final int count)
    {
        long seenLow = 0;
        long seenHigh = 0;
        int distinct = 0;
        for (int i = 0; i < count; i++)
        {
            final int bit = (lengths[from + i] & 0xFF) - SynTablePool.MIN_LENGTH;
            if (bit < 64)
            {
                if ((seenLow & (1L << bit)) == 0)
                {
                    seenLow |= 1L << bit;
                    distinct++;
                }
            }
            else if ((seenHigh & (1L << (bit - 64))) == 0)
            {
                seenHigh |= 1L << (bit - 64);
                distinct++;
            }
        }
        return (double)distinct / (double)count;
    }
}
