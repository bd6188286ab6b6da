package io.weir.plugins.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.core.testing.TestData;
import io.weir.plugins.text.Fuzz;
import io.weir.plugins.text.Golden;
import org.junit.jupiter.api.Test;

class SmtpFuzzTest
{
    private static final long SEED = 20240607L;

    @Test
    void malformedCommandsRepliesAndMessagesNeverThrowAndEveryFlowIsExported() throws Exception
    {
        final Fuzz fuzz = Fuzz.of(TestData.capture("smtp.pcap"),
            frame -> frame.sourcePort() == SmtpPlugin.SMTP_PORT || frame.destinationPort() == SmtpPlugin.SMTP_PORT,
            SEED, 3000);

        final Fuzz.Result result = fuzz.run(new SmtpPlugin(Golden.flowSlots()));

        assertEquals(0, result.failures(), () -> "first failure: " + result.firstFailure());
        assertTrue(result.notExported().isEmpty(), () -> "flows not exported: " + result.notExported());
        assertTrue(result.variants() > 10_000, "variants: " + result.variants());
    }
}
