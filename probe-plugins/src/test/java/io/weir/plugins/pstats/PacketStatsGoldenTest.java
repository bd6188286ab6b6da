package io.weir.plugins.pstats;

import java.util.List;

import io.weir.core.testing.CollectedRecord;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

class PacketStatsGoldenTest
{
    @Test
    void mixedCaptureEqualsIpfixprobe() throws Exception
    {
        final List<CollectedRecord> records = Golden.run("mixed.pcap",
            new PacketStatsPlugin(Golden.flowSlots(), PacketStatsPluginFactory.DEFAULT_COUNT, false, false));
        Golden.assertMatches(Golden.reference("pstats"), records, "PPI_PKT_LENGTHS");
    }
}
