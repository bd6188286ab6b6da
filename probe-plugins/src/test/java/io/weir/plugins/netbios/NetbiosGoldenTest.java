package io.weir.plugins.netbios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.plugin.PluginOptions;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.IpfixprobeReference;
import io.weir.core.testing.ReferenceMatch;
import io.weir.core.testing.TestData;
import io.weir.plugins.dnsmessage.testing.Golden;
import io.weir.plugins.dnsmessage.testing.PerEntryRun;
import io.weir.plugins.dnsmessage.testing.Tshark;
import org.junit.jupiter.api.Test;

/**
 * netbios.pcap through the whole pipeline with -p netbios against ipfixprobe's records, and the
 * names against tshark's NBNS dissector.
 */
class NetbiosGoldenTest
{
    private static NetbiosPlugin plugin()
    {
        return (NetbiosPlugin)new NetbiosPluginFactory().create(PluginOptions.parse("netbios"), 1 << 17);
    }

    /**
     * ipfixprobe makes one record per name a flow carries; weir's exporter makes one record per flow,
     * so this needs the flow exporter to make one record per plugin entry (see PerEntryRun).
     */
    @Test
    void eachFlowRecordCarriesOneOfIpfixprobesEntriesOnEveryField() throws Exception
    {
        final Golden golden = Golden.run("netbios.pcap", "netbios", plugin());
        final ReferenceMatch match = golden.match(Golden.asReferenceText(golden.records(), "NB_NAME"));

        assertTrue(golden.unmatchedPluginRecords(match).isEmpty(), golden.report(match));
        assertEquals("", Golden.onlyFurtherEntriesMissing(match, golden.reference()), golden.report(match));
    }

    @Test
    void matchesIpfixprobeWithOneRecordPerEntry() throws Exception
    {
        final NetbiosPlugin plugin = plugin();
        final List<CollectedRecord> records = PerEntryRun.run("netbios.pcap", plugin, plugin::recordCount, plugin::write);
        final IpfixprobeReference reference = IpfixprobeReference.read(TestData.expected("netbios"));
        final List<String> fields = new ArrayList<>(reference.types().keySet());
        fields.removeAll(List.of("LINK_BIT_FIELD", "DIR_BIT_FIELD"));
        final ReferenceMatch match = ReferenceMatch.of(reference, fields, Golden.asReferenceText(records, "NB_NAME"));
        final long withData = records.stream().filter(r -> r.byName().containsKey("nbName")).count();

        assertTrue(match.missing().isEmpty(), match.report());
        assertEquals(reference.records().size(), withData, match.report());
    }

    /**
     * Every NBNS packet's question name, as tshark decodes it, is an entry of its flow, with its
     * real bytes: "__MSBROWSE__" is 0x01 0x02 "__MSBROWSE__" 0x02 with suffix 0x01, which the
     * reference text shows without the control bytes.
     */
    @Test
    void namesAreTheBytesTsharkDecodes() throws Exception
    {
        final NetbiosPlugin plugin = plugin();
        final List<CollectedRecord> records = PerEntryRun.run("netbios.pcap", plugin, plugin::recordCount, plugin::write);
        final List<String> weir = new ArrayList<>();
        for (final CollectedRecord record : records)
        {
            if (record.byName().containsKey("nbName"))
            {
                weir.add(record.byIpfixprobeName().get("SRC_IP") + " " + record.byIpfixprobeName().get("SRC_PORT") + " "
                    + record.byName().get("nbName") + "/" + record.byName().get("nbSuffix"));
            }
        }
        final List<String> tshark = new ArrayList<>();
        for (final String[] row : Tshark.fields(TestData.capture("netbios.pcap"), "nbns && nbns.count.queries > 0",
            "ip.src", "udp.srcport", "nbns.name"))
        {
            final byte[] name = tsharkNameBytes(row[2].split("\\|")[0]);
            final String text = new String(name, 0, 15, StandardCharsets.ISO_8859_1);
            tshark.add(row[0] + " " + row[1] + " " + text + "/" + (name[15] & 0xFF));
        }
        weir.sort(null);
        tshark.sort(null);

        assertEquals(20, tshark.size());
        assertEquals(tshark, weir);
        assertTrue(weir.contains("147.229.182.2 137 \u0001\u0002__MSBROWSE__\u0002/1"), weir.toString());
    }

    /** tshark's "NAME<1d>": printable bytes as they are, others as &lt;hex&gt;; the last one is the suffix. */
    private static byte[] tsharkNameBytes(final String shown)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < shown.length(); i++)
        {
            final char c = shown.charAt(i);
            if (c == '<' && i + 3 < shown.length() && shown.charAt(i + 3) == '>')
            {
                bytes.write(Integer.parseInt(shown.substring(i + 1, i + 3), 16));
                i += 3;
            }
            else
            {
                bytes.write(c);
            }
        }
        final byte[] raw = bytes.toByteArray();
        final byte[] name = new byte[16];
        java.util.Arrays.fill(name, (byte)' ');
        System.arraycopy(raw, 0, name, 0, raw.length - 1);
        name[15] = raw[raw.length - 1];
        return name;
    }
}
