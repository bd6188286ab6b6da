package io.weir.plugins.idpcontent;

import java.util.List;

import io.weir.core.testing.CollectedRecord;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

class IdpContentGoldenTest
{
    @Test
    void idpcontentCaptureEqualsIpfixprobe() throws Exception
    {
        final List<CollectedRecord> records = Golden.run("idpcontent.pcap", new IdpContentPlugin(Golden.flowSlots()));
        Golden.assertMatches(Golden.reference("idpcontent"), records, "IDP_CONTENT");
    }
}
