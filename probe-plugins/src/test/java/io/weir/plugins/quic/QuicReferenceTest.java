package io.weir.plugins.quic;

import java.util.ArrayList;
import java.util.List;

import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.IpfixprobeReference;
import io.weir.core.testing.PipelineHarness;
import io.weir.core.testing.ReferenceMatch;
import io.weir.core.testing.TestData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden test: weir's quic records from quic_initial-sample.pcap (draft-29) equal pcaps/expected/quic on every field. */
class QuicReferenceTest
{
    @Test
    void everyReferenceRecordIsMatchedOnEveryField() throws Exception
    {
        final QuicPlugin plugin = (QuicPlugin)new QuicPluginFactory().create(PluginOptions.parse("quic"), io.weir.core.flow.FlowCacheConfig.DEFAULT.capacity());
        final PluginChain chain = new PluginChain(List.of(plugin));
        final List<CollectedRecord> records = PipelineHarness.run(TestData.capture("quic_initial-sample.pcap"), chain);
        assertEquals(0, chain.failures(0), () -> "plugin threw: " + chain.firstFailure(0));
        assertEquals(0, plugin.streamsLent());

        final IpfixprobeReference reference = IpfixprobeReference.read(TestData.expected("quic"));
        final List<String> fields = new ArrayList<>(reference.types().keySet());
        fields.remove("LINK_BIT_FIELD");
        fields.remove("DIR_BIT_FIELD");
        final List<CollectedRecord> withQuic = new ArrayList<>();
        for (final CollectedRecord record : records)
        {
            if (record.byIpfixprobeName().containsKey("QUIC_SNI"))
            {
                withQuic.add(record);
            }
        }
        final ReferenceMatch match = ReferenceMatch.of(reference, fields, withQuic);
        assertTrue(match.missing().isEmpty() && match.extra().isEmpty(), match::report);
        assertEquals(1, reference.records().size());
        assertEquals(1, plugin.clientHellos());
    }
}
