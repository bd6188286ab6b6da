package io.weir.plugins.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.IpfixprobeReference;
import io.weir.core.testing.ReferenceMatch;
import io.weir.plugins.text.Golden;
import org.junit.jupiter.api.Test;

class HttpGoldenTest
{
    @Test
    void everyFieldOfEveryRecordEqualsIpfixprobeOnHttpPcap() throws Exception
    {
        final IpfixprobeReference reference = Golden.reference("http");
        final List<CollectedRecord> records = Golden.carrying(
            Golden.run("http.pcap", new HttpPlugin(Golden.flowSlots())), "HTTP_REQUEST_METHOD");

        final ReferenceMatch match = Golden.match(reference, records);

        assertEquals(9, reference.records().size());
        assertTrue(match.missing().isEmpty() && match.extra().isEmpty(), match.report());
    }
}
