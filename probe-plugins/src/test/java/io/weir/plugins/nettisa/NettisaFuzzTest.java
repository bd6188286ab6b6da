package io.weir.plugins.nettisa;

import io.weir.plugins.pstats.testing.Fuzz;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

class NettisaFuzzTest
{
    @Test
    void mutatedFramesNeverThrowAndEveryFlowIsExported() throws Exception
    {
        Fuzz.run(() -> new NettisaPlugin(Golden.flowSlots()), "mixed.pcap", "http.pcap");
    }
}
