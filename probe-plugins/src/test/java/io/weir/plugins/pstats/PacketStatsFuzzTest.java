package io.weir.plugins.pstats;

import io.weir.plugins.pstats.testing.Fuzz;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

class PacketStatsFuzzTest
{
    @Test
    void mutatedFramesNeverThrowAndEveryFlowIsExported() throws Exception
    {
        Fuzz.run(() -> new PacketStatsPlugin(Golden.flowSlots(), 30, true, true), "mixed.pcap", "http.pcap", "tls.pcap");
    }
}
