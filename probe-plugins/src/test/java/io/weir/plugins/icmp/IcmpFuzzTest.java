package io.weir.plugins.icmp;

import io.weir.plugins.pstats.testing.Fuzz;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

class IcmpFuzzTest
{
    @Test
    void mutatedFramesNeverThrowAndEveryFlowIsExported() throws Exception
    {
        Fuzz.run(() -> new IcmpPlugin(Golden.flowSlots()), "mixed.pcap", "sip.pcap");
    }
}
