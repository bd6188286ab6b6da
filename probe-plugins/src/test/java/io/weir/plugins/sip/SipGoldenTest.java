package io.weir.plugins.sip;

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

class SipGoldenTest
{
    /**
     * Every SIP message is a flow of its own; on the 5060-5060 conversations each message ends
     * the previous message's flow and starts the next. ipfixprobe gives such a flow the previous
     * flow's last packet time as TIME_FIRST; each of them holds one packet, which tshark lists
     * at the record's TIME_LAST, and that is where weir starts it.
     */
    @Test
    void everyFieldOfEveryRecordEqualsIpfixprobeOnSipPcapButTheStartOfReinsertedFlows() throws Exception
    {
        final IpfixprobeReference reference = Golden.reference("sip");
        final ContinuationStarts starts = ContinuationStarts.of(reference.records(), TestData.capture("sip.pcap"));
        final List<CollectedRecord> records = Golden.carrying(
            Golden.run("sip.pcap", new SipPlugin(Golden.flowSlots())), "SIP_MSG_TYPE");

        final ReferenceMatch match = Golden.match(Golden.rewritten(reference, starts.records()), records);

        assertEquals(40, reference.records().size());
        int movedStarts = 0;
        for (final Map<String, String> record : reference.records())
        {
            movedStarts += record.get("TIME_FIRST").equals(record.get("TIME_LAST")) ? 0 : 1;
        }
        assertEquals(31, movedStarts);
        assertEquals(movedStarts, starts.corrected().size());
        for (final Map<String, String> record : starts.corrected())
        {
            assertEquals(1, Integer.parseInt(record.get("PACKETS")) + Integer.parseInt(record.get("PACKETS_REV")));
            assertEquals(record.get("TIME_LAST"), record.get("TIME_FIRST"), "a one-packet flow starts when it ends");
        }
        assertTrue(match.missing().isEmpty() && match.extra().isEmpty(), match.report());
    }
}
