package io.weir.plugins.vlan;

import java.util.List;

import io.weir.core.testing.CollectedRecord;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

class VlanGoldenTest
{
    @Test
    void vlanCaptureEqualsIpfixprobe() throws Exception
    {
        final List<CollectedRecord> records = Golden.run("vlan.pcap", new VlanPlugin());
        Golden.assertMatches(Golden.reference("vlan"), records, "VLAN_ID");
    }
}
