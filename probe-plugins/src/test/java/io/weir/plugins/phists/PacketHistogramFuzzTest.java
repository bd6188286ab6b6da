package io.weir.plugins.phists;

import io.weir.plugins.pstats.testing.Fuzz;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

class PacketHistogramFuzzTest
{
    @Test
    void mutatedFramesNeverThrowAndEveryFlowIsExported() throws Exception
    {
        Fuzz.run(() -> new PacketHistogramPlugin(Golden.flowSlots(), true), "mixed.pcap", "http.pcap");
    }
}
