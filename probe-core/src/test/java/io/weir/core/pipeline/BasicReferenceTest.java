package io.weir.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.weir.core.plugin.PluginChain;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.IpfixprobeReference;
import io.weir.core.testing.PipelineHarness;
import io.weir.core.testing.ReferenceMatch;
import io.weir.core.testing.TestData;
import org.junit.jupiter.api.Test;

/** The whole pipeline on mixed.pcap gives exactly ipfixprobe's flows (no plugin). */
class BasicReferenceTest
{
    static final List<String> BASIC_FIELDS = List.of("SRC_IP", "DST_IP", "SRC_PORT", "DST_PORT", "PROTOCOL",
        "PACKETS", "BYTES", "PACKETS_REV", "BYTES_REV", "TIME_FIRST", "TIME_LAST", "TCP_FLAGS", "TCP_FLAGS_REV",
        "SRC_MAC", "DST_MAC");

    @Test
    void mixedCaptureGivesIpfixprobesFlowsExactly() throws Exception
    {
        final List<CollectedRecord> records = PipelineHarness.run(TestData.capture("mixed.pcap"), PluginChain.none());
        final ReferenceMatch match = ReferenceMatch.of(IpfixprobeReference.read(TestData.expected("basic")),
            BASIC_FIELDS, records);

        assertTrue(match.missing().isEmpty() && match.extra().isEmpty(), match.report());
    }
}
