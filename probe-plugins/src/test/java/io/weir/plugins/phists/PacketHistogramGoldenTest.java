package io.weir.plugins.phists;

import java.util.List;

import io.weir.core.testing.CollectedRecord;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

class PacketHistogramGoldenTest
{
    @Test
    void mixedCaptureEqualsIpfixprobe() throws Exception
    {
        final List<CollectedRecord> records = Golden.run("mixed.pcap",
            new PacketHistogramPlugin(Golden.flowSlots(), false));
        Golden.assertMatches(Golden.reference("phists"), records, "S_PHISTS_SIZES");
    }
}
