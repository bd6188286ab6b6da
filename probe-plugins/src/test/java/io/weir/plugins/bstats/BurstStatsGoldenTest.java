package io.weir.plugins.bstats;

import java.util.List;

import io.weir.core.testing.CollectedRecord;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

class BurstStatsGoldenTest
{
    @Test
    void bstatsCaptureEqualsIpfixprobe() throws Exception
    {
        final List<CollectedRecord> records = Golden.run("bstats.pcap", new BurstStatsPlugin(Golden.flowSlots()));
        Golden.assertMatches(Golden.reference("bstats"), records, "SBI_BRST_PACKETS");
    }
}
