package io.weir.plugins.mpls;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.weir.core.testing.CollectedRecord;
import io.weir.plugins.pstats.testing.Captures;
import io.weir.plugins.pstats.testing.Golden;
import io.weir.plugins.pstats.testing.TestFrames;
import io.weir.plugins.pstats.testing.Tshark;
import org.junit.jupiter.api.Test;

import static io.weir.plugins.pstats.testing.TestFrames.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class MplsPluginTest
{
    /** Label 1000, traffic class 5, TTL 64 on top of label 16 (bottom), as tshark reads them. */
    @Test
    void topLabelStackSectionOfTheFirstPacketAsTsharkDecodesIt() throws Exception
    {
        final int top = 1000 << 12 | 5 << 9 | 64;
        final int bottom = 16 << 12 | 64;
        final Path capture = Captures.write(List.of(
            at(1.0, TestFrames.udp("192.0.2.1", 1000, "192.0.2.2", 2000, 20, new int[] {top, bottom})),
            at(1.1, TestFrames.udp("192.0.2.2", 2000, "192.0.2.1", 1000, 20, new int[] {7 << 12 | 64})),
            at(1.2, TestFrames.udp("192.0.2.3", 1000, "192.0.2.4", 2000, 20))));
        final List<String[]> decoded = Tshark.fields(capture, "mpls", "mpls.label", "mpls.exp", "mpls.bottom");
        final int label = Integer.parseInt(decoded.get(0)[0]);
        final int trafficClass = Integer.parseInt(decoded.get(0)[1]);
        final int bottomOfStack = Integer.parseInt(decoded.get(0)[2]);
        assertEquals(1000, label);
        final int section = label << 4 | trafficClass << 1 | bottomOfStack;
        final String expected = String.format("%06x", section);

        final List<CollectedRecord> records = Golden.run(capture, new MplsPlugin(Golden.flowSlots()));
        assertEquals(2, records.size());
        for (final CollectedRecord record : records)
        {
            final Map<String, String> r = record.byIpfixprobeName();
            if (r.get("SRC_IP").equals("192.0.2.1"))
            {
                assertEquals(expected, r.get("MPLS_TOP_LABEL_STACK_SECTION"));
            }
            else
            {
                assertFalse(r.containsKey("MPLS_TOP_LABEL_STACK_SECTION"), "flow without MPLS " + r);
            }
        }
    }

    @Test
    void bottomOfStackBitIsKept() throws Exception
    {
        final Path capture = Captures.write(List.of(
            at(1.0, TestFrames.udp("192.0.2.1", 1000, "192.0.2.2", 2000, 20, new int[] {0xFFFFF << 12 | 7 << 9 | 1}))));
        final List<CollectedRecord> records = Golden.run(capture, new MplsPlugin(Golden.flowSlots()));
        assertEquals("ffffff", records.get(0).byIpfixprobeName().get("MPLS_TOP_LABEL_STACK_SECTION"));
    }
}
