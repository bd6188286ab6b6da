package io.weir.plugins.flowhash;

import io.weir.plugins.pstats.testing.Fuzz;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

class FlowHashFuzzTest
{
    @Test
    void mutatedFramesNeverThrowAndEveryFlowIsExported() throws Exception
    {
        Fuzz.run(() -> new FlowHashPlugin(Golden.flowSlots()), "mixed.pcap", "vlan.pcap");
    }
}
