package io.weir.plugins.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.IpfixprobeReference;
import io.weir.core.testing.ReferenceMatch;
import io.weir.core.testing.TestData;
import io.weir.plugins.text.ContinuationStarts;
import io.weir.plugins.text.Golden;
import org.junit.jupiter.api.Test;

class RtspGoldenTest
{
    /**
     * rtsp.pcap retransmits the DESCRIBE of port 3925 (frame 5): the second request on the flow
     * ends it and starts the next one with that packet. ipfixprobe gives that next flow the
     * first flow's last packet time (frame 4, 09:52:38.693); its first packet is frame 5.
     */
    @Test
    void everyFieldOfEveryRecordEqualsIpfixprobeOnRtspPcapButTheStartOfTheReinsertedFlow() throws Exception
    {
        final IpfixprobeReference reference = Golden.reference("rtsp");
        final ContinuationStarts starts = ContinuationStarts.of(reference.records(), TestData.capture("rtsp.pcap"));
        final List<CollectedRecord> records = Golden.carrying(
            Golden.run("rtsp.pcap", new RtspPlugin(Golden.flowSlots())), "RTSP_REQUEST_METHOD");

        final ReferenceMatch match = Golden.match(Golden.rewritten(reference, starts.records()), records);

        assertEquals(3, reference.records().size());
        assertEquals(1, starts.corrected().size());
        final Map<String, String> reinserted = starts.corrected().get(0);
        assertEquals("3925", reinserted.get("SRC_PORT"));
        assertEquals("2005-07-03T09:52:41.703000", reinserted.get("TIME_FIRST"), "frame 5, the retransmitted DESCRIBE");
        assertTrue(match.missing().isEmpty() && match.extra().isEmpty(), match.report());
    }
}
