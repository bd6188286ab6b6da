package io.weir.plugins.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.core.testing.TestData;
import io.weir.plugins.text.Fuzz;
import io.weir.plugins.text.Golden;
import org.junit.jupiter.api.Test;

class RtspFuzzTest
{
    private static final long SEED = 20240605L;

    @Test
    void malformedRequestsAndResponsesNeverThrowAndEveryFlowIsExported() throws Exception
    {
        final Fuzz fuzz = Fuzz.of(TestData.capture("rtsp.pcap"), frame -> frame.payload().length > 0, SEED, 2000);

        final Fuzz.Result result = fuzz.run(new RtspPlugin(Golden.flowSlots()));

        assertEquals(0, result.failures(), () -> "first failure: " + result.firstFailure());
        assertTrue(result.notExported().isEmpty(), () -> "flows not exported: " + result.notExported());
        assertTrue(result.variants() > 3_000, "variants: " + result.variants());
    }
}
