package io.weir.plugins.idpcontent;

import io.weir.plugins.pstats.testing.Fuzz;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

class IdpContentFuzzTest
{
    @Test
    void mutatedFramesNeverThrowAndEveryFlowIsExported() throws Exception
    {
        Fuzz.run(() -> new IdpContentPlugin(Golden.flowSlots()), "idpcontent.pcap", "http.pcap");
    }
}
