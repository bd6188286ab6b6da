package io.weir.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LruOrderTest
{
    private static final long IDENTITY = 0xFEDC_BA98_7654_3210L;

    @Test
    void movingToTheFrontShiftsTheMoreRecentOnesBack()
    {
        assertEquals(0xFEDC_BA98_7654_2103L, FlowCache.moveNibble(IDENTITY, 3, 0, 3));
    }

    @Test
    void movingTheLastToTheMiddleKeepsTheFirstHalf()
    {
        assertEquals(0xEDCB_A98F_7654_3210L, FlowCache.moveNibble(IDENTITY, 15, 8, 0xF));
    }

    @Test
    void movingInPlaceChangesNothing()
    {
        assertEquals(IDENTITY, FlowCache.moveNibble(IDENTITY, 5, 5, 5));
    }

    @Test
    void shortRowsKeepTheirUnusedNibbles()
    {
        assertEquals(0x0000_0000_0000_2103L, FlowCache.moveNibble(0x3210L, 3, 0, 3));
        assertEquals(0x0000_0000_0000_3201L, FlowCache.moveNibble(0x3210L, 1, 0, 1));
    }
}
