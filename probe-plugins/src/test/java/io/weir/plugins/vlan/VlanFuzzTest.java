package io.weir.plugins.vlan;

import io.weir.plugins.pstats.testing.Fuzz;
import org.junit.jupiter.api.Test;

class VlanFuzzTest
{
    @Test
    void mutatedFramesNeverThrowAndEveryFlowIsExported() throws Exception
    {
        Fuzz.run(() -> new VlanPlugin(), "vlan.pcap");
    }
}
