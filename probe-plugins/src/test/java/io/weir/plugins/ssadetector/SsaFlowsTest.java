package io.weir.plugins.ssadetector;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The detector's rules, one at a time, and its level thresholds. */
class SsaFlowsTest
{
    private static final int SLOT = 0;
    private static final long SECOND = 1_000_000L;

    private final SynTablePool pool = new SynTablePool(1, SsaFlows.MAX_BLOCKS);
    private final SsaFlows flows = new SsaFlows(2, pool);
    private long packets;
    private long now;

    /** Ends whatever flow the slot held, as the cache does before the slot's next flow. */
    @BeforeEach
    void startFlow()
    {
        flows.onEnd(SLOT, 0);
        packets = 29;
        now = 1_700_000_000L * SECOND;
    }

    private void packet(final int length, final int direction, final long afterMicros)
    {
        now += afterMicros;
        flows.onPacket(SLOT, ++packets, length, direction, now);
    }

    /** One tunnelled handshake of a given length: out, back (same length), within 1 ms. */
    private void pattern(final int length)
    {
        packet(length, 0, 1000);
        packet(length, 1, 1000);
    }

    private int level(final long total)
    {
        flows.onEnd(SLOT, total);
        return flows.level(SLOT);
    }

    @Test
    void aPayloadFollowingOneFromTheOtherSideCompletesAPattern()
    {
        packet(80, 0, 0);
        packet(80, 0, 1000);
        assertEquals(0, flows.patterns(SLOT), "same direction");
        packet(80, 1, 1000);
        assertEquals(1, flows.patterns(SLOT));
    }

    @Test
    void theEarlierPayloadMayBeUpToTwelveBytesShorterButNotLonger()
    {
        packet(88, 0, 0);
        packet(100, 1, 1000);
        assertEquals(1, flows.patterns(SLOT));
        startFlow();
        packet(87, 0, 1000);
        packet(100, 1, 1000);
        assertEquals(0, flows.patterns(SLOT), "13 bytes shorter");
        startFlow();
        packet(101, 0, 1000);
        packet(100, 1, 1000);
        assertEquals(0, flows.patterns(SLOT), "longer");
    }

    @Test
    void theEarlierPayloadMustBeAtMostThreeSecondsOld()
    {
        packet(70, 0, 0);
        packet(70, 1, 3 * SECOND);
        assertEquals(1, flows.patterns(SLOT));
        packet(70, 0, 1000);
        packet(70, 1, 3 * SECOND + 1);
        assertEquals(1, flows.patterns(SLOT));
    }

    @Test
    void aPatternForgetsEverythingRemembered()
    {
        packet(70, 0, 0);
        packet(90, 0, 1000);
        packet(70, 1, 1000);
        assertEquals(1, flows.patterns(SLOT));
        packet(90, 1, 1000);
        assertEquals(1, flows.patterns(SLOT), "the 90 from before the pattern is forgotten");
    }

    @Test
    void payloadsOutside60To150BytesAreIgnored()
    {
        packet(59, 0, 0);
        packet(60, 1, 1000);
        assertEquals(0, flows.patterns(SLOT));
        packet(151, 0, 1000);
        packet(150, 1, 1000);
        assertEquals(0, flows.patterns(SLOT));
        packet(150, 0, 1000);
        packet(150, 1, 1000);
        packet(60, 1, 1000);
        packet(60, 0, 1000);
        assertEquals(2, flows.patterns(SLOT));
    }

    @Test
    void packetsBeforeTheThirtiethAreNotExamined()
    {
        flows.onPacket(SLOT, 28, 80, 0, now);
        flows.onPacket(SLOT, 29, 80, 1, now + 1);
        assertEquals(0, flows.patterns(SLOT));
        assertEquals(0, pool.lent(), "no table before the 30th packet");
        flows.onPacket(SLOT, 30, 80, 0, now + 2);
        assertEquals(1, pool.lent());
        flows.onPacket(SLOT, 31, 80, 1, now + 3);
        assertEquals(1, flows.patterns(SLOT));
    }

    @Test
    void flowsOfThirtyPacketsOrFewerCarryNoLevel()
    {
        pattern(80);
        flows.onEnd(SLOT, 30);
        assertFalse(flows.exported(SLOT));
        assertEquals(0, pool.lent(), "the table goes back at the end");
        flows.onEnd(SLOT, 31);
        assertTrue(flows.exported(SLOT));
    }

    @Test
    void threePatternsOfOneLengthAreATunnel()
    {
        pattern(80);
        pattern(80);
        assertEquals(0, level(100), "two patterns");
        startFlow();
        for (int i = 0; i < 3; i++)
        {
            pattern(80);
        }
        assertEquals(1, level(100));
    }

    @Test
    void tooManyPacketsPerPatternIsNoTunnel()
    {
        for (int i = 0; i < 3; i++)
        {
            pattern(80);
        }
        assertEquals(1, level(7500));
        for (int i = 0; i < 3; i++)
        {
            pattern(80);
        }
        assertEquals(0, level(7501 * 2));
    }

    @Test
    void distinctLengthsMayBeAtMost60PercentOfFewerThan15Patterns()
    {
        final int[] fivePatterns = {80, 81, 82, 80, 80};
        for (final int length : fivePatterns)
        {
            pattern(length);
        }
        assertEquals(1, level(100), "3 of 5");
        startFlow();
        for (final int length : new int[] {80, 81, 82, 83, 80})
        {
            pattern(length);
        }
        assertEquals(0, level(100), "4 of 5");
    }

    @Test
    void distinctLengthsMayBeAtMost40PercentOf15To39Patterns()
    {
        for (int i = 0; i < 15; i++)
        {
            pattern(80 + i % 6);
        }
        assertEquals(1, level(1000), "6 of 15");
        startFlow();
        for (int i = 0; i < 15; i++)
        {
            pattern(80 + i % 7);
        }
        assertEquals(0, level(1000), "7 of 15");
    }

    @Test
    void distinctLengthsMayBeAtMost20PercentOf40OrMorePatterns()
    {
        for (int i = 0; i < 40; i++)
        {
            pattern(80 + i % 8);
        }
        assertEquals(1, level(1000), "8 of 40");
        startFlow();
        for (int i = 0; i < 40; i++)
        {
            pattern(80 + i % 9);
        }
        assertEquals(0, level(1000), "9 of 40");
    }

    @Test
    void onlyTheFirstHundredPatternLengthsCount()
    {
        for (int i = 0; i < 100; i++)
        {
            pattern(80 + i % 20);
        }
        for (int i = 0; i < 400; i++)
        {
            pattern(80);
        }
        assertEquals(500, flows.patterns(SLOT));
        assertEquals(1, level(5000), "20 of the first 100 lengths are distinct: 0.2");
    }

    @Test
    void distinctShareCountsEveryLengthFrom60To150()
    {
        final byte[] lengths = new byte[91];
        for (int i = 0; i < lengths.length; i++)
        {
            lengths[i] = (byte)(60 + i);
        }
        assertEquals(1.0, SsaFlows.distinctShare(lengths, 0, 91));
        final byte[] same = {(byte)150, (byte)150, 60, 60};
        assertEquals(0.5, SsaFlows.distinctShare(same, 0, 4));
    }

    @Test
    void aFlowThatGetsNoTableFindsNoPatternUntilOneIsFree()
    {
        final SynTablePool one = new SynTablePool(1, 1);
        final SsaFlows two = new SsaFlows(2, one);
        two.onPacket(0, 30, 80, 0, now);
        two.onPacket(1, 30, 80, 0, now);
        two.onPacket(1, 31, 80, 1, now + 1);
        assertEquals(0, two.patterns(1), "no table left for the second flow");
        two.onEnd(0, 31);
        two.onPacket(1, 32, 80, 0, now + 2);
        two.onPacket(1, 33, 80, 1, now + 3);
        assertEquals(1, two.patterns(1));
        two.onEnd(1, 33);
        assertEquals(0, one.lent());
    }

    @Test
    void poolLendsClearedBlocksAndGrowsWhenEmpty()
    {
        final SynTablePool small = new SynTablePool(1, SsaFlows.MAX_BLOCKS);
        final int first = small.acquire();
        small.times()[SynTablePool.timeIndex(first, 90, 1)] = 42;
        final int second = small.acquire();
        assertEquals(2, small.lent());
        small.release(first);
        final int again = small.acquire();
        assertEquals(first, again);
        assertEquals(0, small.times()[SynTablePool.timeIndex(again, 90, 1)]);
        assertTrue(second != first);
    }
}
