package io.weir.nativeio;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reading CAP_NET_RAW (bit 13) out of /proc/PID/status text. */
class CapabilitiesTest
{
    @Test
    void rootWithEveryCapabilityHasNetRaw()
    {
        assertTrue(Capabilities.hasCapability("Name:\tjava\nCapInh:\t0\nCapEff:\t000001ffffffffff\n", 13));
    }

    @Test
    void withoutBitThirteenThereIsNoNetRaw()
    {
        assertFalse(Capabilities.hasCapability("CapPrm:\t000001ffffffffff\nCapEff:\t000001ffffffdfff\n", 13));
        assertFalse(Capabilities.hasCapability("CapEff:\t0000000000000000\n", 13));
    }

    @Test
    void netAdminAloneIsNotNetRaw()
    {
        assertFalse(Capabilities.hasCapability("CapEff:\t0000000000001000\n", 13));
        assertTrue(Capabilities.hasCapability("CapEff:\t0000000000002000\n", 13));
    }
}
