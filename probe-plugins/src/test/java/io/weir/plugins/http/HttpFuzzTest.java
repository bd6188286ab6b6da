package io.weir.plugins.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.core.testing.TestData;
import io.weir.plugins.text.Fuzz;
import org.junit.jupiter.api.Test;

class HttpFuzzTest
{
    private static final long SEED = 20240604L;

    @Test
    void malformedRequestsAndResponsesNeverThrowAndEveryFlowIsExported() throws Exception
    {
        final Fuzz fuzz = Fuzz.of(TestData.capture("http.pcap"), frame -> startsHttpMessage(frame.payload()), SEED, 2000);
        final HttpPlugin plugin = new HttpPlugin(io.weir.plugins.text.Golden.flowSlots());

        final Fuzz.Result result = fuzz.run(plugin);

        assertEquals(0, result.failures(), () -> "first failure: " + result.firstFailure());
        assertTrue(result.notExported().isEmpty(), () -> "flows not exported: " + result.notExported());
        assertTrue(result.variants() > 5_000, "variants: " + result.variants());
    }

    @Test
    void malformedSsdpSearchesNeverThrowAndEveryFlowIsExported() throws Exception
    {
        final Fuzz fuzz = Fuzz.of(TestData.capture("ssdp.pcap"), frame -> startsHttpMessage(frame.payload()), SEED, 500);

        final Fuzz.Result result = fuzz.run(new HttpPlugin(io.weir.plugins.text.Golden.flowSlots()));

        assertEquals(0, result.failures(), () -> "first failure: " + result.firstFailure());
        assertTrue(result.notExported().isEmpty(), () -> "flows not exported: " + result.notExported());
    }

    private static boolean startsHttpMessage(final byte[] payload)
    {
        final String start = new String(payload, 0, Math.min(payload.length, 9), java.nio.charset.StandardCharsets.ISO_8859_1);
        return start.startsWith("GET ") || start.startsWith("HEAD ") || start.startsWith("HTTP/")
            || start.startsWith("M-SEARCH ") || start.startsWith("NOTIFY ");
    }
}
