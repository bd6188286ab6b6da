package io.weir.plugins.nettisa;

import java.util.List;

import io.weir.core.testing.CollectedRecord;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

class NettisaGoldenTest
{
    @Test
    void mixedCaptureEqualsIpfixprobe() throws Exception
    {
        final List<CollectedRecord> records = Golden.run("mixed.pcap", new NettisaPlugin(Golden.flowSlots()));
        Golden.assertMatches(Golden.reference("nettisa"), records, "NTS_MEAN");
    }
}
