package io.weir.plugins.basicplus;

import java.util.List;

import io.weir.core.testing.CollectedRecord;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

class BasicPlusGoldenTest
{
    @Test
    void httpCaptureEqualsIpfixprobe() throws Exception
    {
        final List<CollectedRecord> records = Golden.run("http.pcap", new BasicPlusPlugin(Golden.flowSlots()));
        Golden.assertMatches(Golden.reference("basicplus"), records, "IP_TTL");
    }
}
