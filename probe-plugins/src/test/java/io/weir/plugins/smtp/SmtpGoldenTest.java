package io.weir.plugins.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.IpfixprobeReference;
import io.weir.core.testing.ReferenceMatch;
import io.weir.core.testing.TestData;
import io.weir.plugins.text.Golden;
import io.weir.plugins.text.Tshark;
import org.junit.jupiter.api.Test;

class SmtpGoldenTest
{
    /**
     * The client ends its message with a segment that carries the last body bytes and then
     * "CRLF.CRLF" (frame 45). ipfixprobe ends the message only at a segment that is exactly
     * ".CRLF", so it takes the QUIT that follows (frame 54, which tshark decodes as the command
     * QUIT) for message text and leaves the QUIT bit (0x0400) out of SMTP_COMMAND_FLAGS.
     */
    @Test
    void everyFieldEqualsIpfixprobeOnSmtpPcapButTheQuitIpfixprobeMisses() throws Exception
    {
        final IpfixprobeReference reference = Golden.reference("smtp");
        final List<String[]> quits = Tshark.fields(TestData.capture("smtp.pcap"),
            "smtp.req.command == \"QUIT\"", "tcp.srcport", "tcp.dstport");
        assertEquals(1, quits.size());
        assertEquals("1470", quits.get(0)[0]);
        assertEquals(1, reference.records().size());
        final Map<String, String> expected = new LinkedHashMap<>(reference.records().get(0));
        assertEquals("1470", expected.get("SRC_PORT"));
        assertEquals(0, Long.parseLong(expected.get("SMTP_COMMAND_FLAGS")) & SmtpCodes.QUIT);
        expected.put("SMTP_COMMAND_FLAGS",
            Long.toString(Long.parseLong(expected.get("SMTP_COMMAND_FLAGS")) | SmtpCodes.QUIT));
        final List<CollectedRecord> records = Golden.carrying(
            Golden.run("smtp.pcap", new SmtpPlugin(Golden.flowSlots())), "SMTP_COMMAND_FLAGS");

        final ReferenceMatch match = Golden.match(Golden.rewritten(reference, new ArrayList<>(List.of(expected))),
            records);

        assertEquals("33821", expected.get("SMTP_COMMAND_FLAGS"));
        assertTrue(match.missing().isEmpty() && match.extra().isEmpty(), match.report());
    }
}
