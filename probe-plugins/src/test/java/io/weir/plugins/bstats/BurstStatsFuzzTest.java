package io.weir.plugins.bstats;

import io.weir.plugins.pstats.testing.Fuzz;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

class BurstStatsFuzzTest
{
    @Test
    void mutatedFramesNeverThrowAndEveryFlowIsExported() throws Exception
    {
        Fuzz.run(() -> new BurstStatsPlugin(Golden.flowSlots()), "bstats.pcap", "http.pcap");
    }
}
