package io.weir.plugins.mpls;

import io.weir.plugins.pstats.testing.Fuzz;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

class MplsFuzzTest
{
    @Test
    void mutatedFramesNeverThrowAndEveryFlowIsExported() throws Exception
    {
        Fuzz.run(() -> new MplsPlugin(Golden.flowSlots()), "vlan.pcap", "mixed.pcap");
    }
}
