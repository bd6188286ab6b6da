package io.weir.plugins.basicplus;

import io.weir.plugins.pstats.testing.Fuzz;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

class BasicPlusFuzzTest
{
    @Test
    void mutatedFramesNeverThrowAndEveryFlowIsExported() throws Exception
    {
        Fuzz.run(() -> new BasicPlusPlugin(Golden.flowSlots()), "tls.pcap", "http.pcap");
    }
}
