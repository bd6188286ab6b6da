package io.weir.plugins.tls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.weir.core.plugin.PluginChain;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.IpfixprobeReference;
import io.weir.core.testing.PipelineHarness;
import io.weir.core.testing.ReferenceMatch;
import io.weir.core.testing.TestData;
import io.weir.plugins.tlshello.Tshark;
import io.weir.plugins.tlshello.TsharkJa4;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden test: weir's tls records from tls.pcap equal ipfixprobe's pcaps/expected/tls on every field,
 * except TLS_JA4 where ipfixprobe 5.7 counts GREASE extensions in the extension count, which the
 * JA4 definition excludes ("Same as counting ciphers. Ignore GREASE."). For those records the test
 * asserts the corrected value, checks that the correction is exactly the GREASE extensions of the
 * record's own TLS_EXT_TYPE list, and checks the corrected value against JA4 computed from tshark's
 * dissection of the same ClientHello.
 */
class TlsReferenceTest
{
    /** ipfixprobe's JA4 -> the JA4 weir exports for the same ClientHello. */
    static final Map<String, String> JA4_CORRECTIONS = Map.of(
        "t13d1518h2_8daaf6152771_e5627efa2ab1", "t13d1516h2_8daaf6152771_e5627efa2ab1",
        "t13d1518h2_8daaf6152771_9b887d9acb53", "t13d1516h2_8daaf6152771_9b887d9acb53",
        "t13d1519h2_8daaf6152771_6cdcb247c39b", "t13d1517h2_8daaf6152771_6cdcb247c39b",
        "t13d1517h2_8daaf6152771_de4a06bb82e3", "t13d1515h2_8daaf6152771_de4a06bb82e3");

    private static List<CollectedRecord> run(final Path capture) throws InterruptedException
    {
        final TlsPlugin plugin = (TlsPlugin)new TlsPluginFactory().create(
            io.weir.core.plugin.PluginOptions.parse("tls"), io.weir.core.flow.FlowCacheConfig.DEFAULT.capacity());
        final PluginChain chain = new PluginChain(List.of(plugin));
        final List<CollectedRecord> records = PipelineHarness.run(capture, chain);
        assertEquals(0, chain.failures(0), () -> "plugin threw: " + chain.firstFailure(0));
        assertEquals(0, plugin.buffersLent(), "reassembly buffers still lent after every flow ended");
        return records;
    }

    private static IpfixprobeReference correctedReference() throws Exception
    {
        final IpfixprobeReference reference = IpfixprobeReference.read(TestData.expected("tls"));
        for (final Map<String, String> record : reference.records())
        {
            final String corrected = JA4_CORRECTIONS.get(record.get("TLS_JA4"));
            if (corrected != null)
            {
                record.put("TLS_JA4", corrected);
            }
        }
        return reference;
    }

    @Test
    void everyReferenceRecordIsMatchedOnEveryField() throws Exception
    {
        final IpfixprobeReference reference = correctedReference();
        final List<String> fields = new ArrayList<>(reference.types().keySet());
        fields.remove("LINK_BIT_FIELD");
        fields.remove("DIR_BIT_FIELD");
        final List<CollectedRecord> withTls = new ArrayList<>();
        for (final CollectedRecord record : run(TestData.capture("tls.pcap")))
        {
            if (record.byIpfixprobeName().containsKey("TLS_SNI"))
            {
                withTls.add(record);
            }
        }
        final ReferenceMatch match = ReferenceMatch.of(reference, fields, withTls);
        assertTrue(match.missing().isEmpty() && match.extra().isEmpty(), match::report);
        assertEquals(28, reference.records().size());
    }

    @Test
    void ja4CorrectionIsTheGreaseExtensionsIpfixprobeCounted() throws Exception
    {
        final IpfixprobeReference reference = IpfixprobeReference.read(TestData.expected("tls"));
        int corrected = 0;
        for (final Map<String, String> record : reference.records())
        {
            final String types = record.get("TLS_EXT_TYPE");
            int grease = 0;
            for (final String type : types.substring(1, types.length() - 1).split("\\|"))
            {
                final int value = Integer.parseInt(type);
                if ((value & 0x0f0f) == 0x0a0a && (value >> 8) == (value & 0xff))
                {
                    grease++;
                }
            }
            final String ipfixprobe = record.get("TLS_JA4");
            final String weir = JA4_CORRECTIONS.getOrDefault(ipfixprobe, ipfixprobe);
            final int ipfixprobeCount = Integer.parseInt(ipfixprobe.substring(6, 8));
            final int weirCount = Integer.parseInt(weir.substring(6, 8));
            assertEquals(ipfixprobeCount - grease, weirCount, () -> "record " + record);
            assertEquals(ipfixprobe.substring(0, 6) + ipfixprobe.substring(8), weir.substring(0, 6) + weir.substring(8));
            if (grease > 0)
            {
                corrected++;
            }
        }
        assertEquals(22, corrected);
    }

    @Test
    void ja4EqualsJa4OfTsharksDissection() throws Exception
    {
        final Path capture = TestData.capture("tls.pcap");
        final String[] fields = new String[TsharkJa4.FIELDS.length + 1];
        fields[0] = "tcp.srcport";
        System.arraycopy(TsharkJa4.FIELDS, 0, fields, 1, TsharkJa4.FIELDS.length);
        final Map<String, String> byPort = new HashMap<>();
        for (final List<String> row : Tshark.fields(capture, "tls.handshake.type == 1 && tcp", fields))
        {
            byPort.put(row.get(0), TsharkJa4.ja4(row.subList(1, row.size()), false));
        }
        assertEquals(28, byPort.size());
        int checked = 0;
        for (final CollectedRecord record : run(capture))
        {
            final String ja4 = record.byIpfixprobeName().get("TLS_JA4");
            if (ja4 != null)
            {
                assertEquals(byPort.get(record.byIpfixprobeName().get("SRC_PORT")), ja4, () -> "record " + record);
                checked++;
            }
        }
        assertEquals(28, checked);
        assertFalse(byPort.containsValue(null));
    }
}
