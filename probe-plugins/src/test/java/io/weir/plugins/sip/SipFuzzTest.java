package io.weir.plugins.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.core.testing.TestData;
import io.weir.plugins.text.Fuzz;
import io.weir.plugins.text.Golden;
import org.junit.jupiter.api.Test;

class SipFuzzTest
{
    private static final long SEED = 20240606L;

    @Test
    void malformedSipMessagesNeverThrowAndEveryFlowIsExported() throws Exception
    {
        final Fuzz fuzz = Fuzz.of(TestData.capture("sip.pcap"), frame -> frame.payload().length > 0, SEED, 3000);

        final Fuzz.Result result = fuzz.run(new SipPlugin(Golden.flowSlots()));

        assertEquals(0, result.failures(), () -> "first failure: " + result.firstFailure());
        assertTrue(result.notExported().isEmpty(), () -> "flows not exported: " + result.notExported());
        assertTrue(result.variants() > 10_000, "variants: " + result.variants());
    }
}
