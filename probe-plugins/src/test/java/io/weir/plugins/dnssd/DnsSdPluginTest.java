package io.weir.plugins.dnssd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.PipelineHarness;
import io.weir.core.testing.TestData;
import io.weir.plugins.dnsmessage.testing.Tshark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dnssd on dnssd.pcap: real name bytes, the txt option and its whitelist, against tshark's mDNS dissection. */
class DnsSdPluginTest
{
    @TempDir
    Path dir;

    private static List<CollectedRecord> run(final String options) throws Exception
    {
        return PipelineHarness.run(TestData.capture("dnssd.pcap"), new PluginChain(List.of(
            new DnsSdPluginFactory().create(PluginOptions.parse(options), 1 << 17))));
    }

    private static Map<String, String> flowFrom(final List<CollectedRecord> records, final String source)
    {
        for (final CollectedRecord record : records)
        {
            if (source.equals(record.byIpfixprobeName().get("SRC_IP")) && record.byName().containsKey("dnssdQueries"))
            {
                return record.byIpfixprobeName();
            }
        }
        throw new AssertionError("no dnssd record from " + source);
    }

    /** The record text holds bytes as ISO-8859-1 characters; names on the wire are UTF-8. */
    private static String utf8(final String recordText)
    {
        return new String(recordText.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static List<String> tsharkTxt(final int frame)
    {
        final String txt = Tshark.fields(TestData.capture("dnssd.pcap"), "frame.number == " + frame, "dns.txt").get(0)[0];
        return List.of(txt.split("\\|", -1));
    }

    @Test
    void keepsTheUtf8BytesOfInstanceNames() throws Exception
    {
        final String tsharkName = Tshark.fields(TestData.capture("dnssd.pcap"), "frame.number == 1", "dns.qry.name")
            .get(0)[0];
        final Map<String, String> flow = flowFrom(run("dnssd"), "fe80::c8a:f878:fa55:8c74");

        assertEquals("Milan\u2019s MacBook Pro (2)._companion-link._tcp.local", tsharkName);
        assertTrue(utf8(flow.get("DNSSD_QUERIES")).startsWith(tsharkName + ";"), flow.get("DNSSD_QUERIES"));
    }

    @Test
    void leavesTxtOutByDefault() throws Exception
    {
        final Map<String, String> flow = flowFrom(run("dnssd"), "147.229.183.95");

        assertEquals("Milan\u2019s MacBook Pro (2)._companion-link._tcp.local;-1;;;;", utf8(flow.get("DNSSD_RESPONSES")));
    }

    @Test
    void keepsEveryTxtStringWithTheTxtOption() throws Exception
    {
        final List<String> strings = tsharkTxt(7);
        final Map<String, String> flow = flowFrom(run("dnssd;txt"), "147.229.183.95");

        assertEquals(List.of("rpBA=B4:26:7E:05:CB:87", "rpVr=140.31"), strings);
        assertEquals("Milan\u2019s MacBook Pro (2)._companion-link._tcp.local;-1;;;" + strings.get(0) + ":"
            + strings.get(1) + ":;", utf8(flow.get("DNSSD_RESPONSES")));
    }

    /**
     * A probe (frame 17) proposes SRV then TXT for each instance; the TXT holds one empty string,
     * kept as ":", and merged into the SRV's entry as ipfixprobe merges it: value plus ':'.
     */
    @Test
    void mergesTxtIntoTheInstanceOfAnEarlierRecord() throws Exception
    {
        final List<String> strings = tsharkTxt(17);
        final Map<String, String> flow = flowFrom(run("dnssd;t"), "fe80::a11:96ff:fe86:9b14");

        assertEquals(List.of("", ""), strings);
        assertEquals("jaja.local;-1;;X86_64:LINUX;;"
            + "jaja [08:11:96:86:9b:14]._workstation._tcp.local;9;jaja.local;;::;"
            + "jaja._udisks-ssh._tcp.local;22;jaja.local;;::;", flow.get("DNSSD_RESPONSES"));
    }

    @Test
    void keepsOnlyWhitelistedKeysOfTheService() throws Exception
    {
        final Path whitelist = Files.writeString(dir.resolve("txt.csv"),
            "_device-info._tcp.local,osxvers\n_companion-link._tcp.local,rpVr,rpBA\n_other._tcp.local,model\n");
        final List<CollectedRecord> records = run("dnssd;txt=" + whitelist);

        assertEquals("Milan\u2019s MacBook Pro (2)._companion-link._tcp.local;-1;;;rpBA=B4:26:7E:05:CB:87:rpVr=140.31:;",
            utf8(flowFrom(records, "147.229.183.95").get("DNSSD_RESPONSES")));
        final String peter = utf8(flowFrom(records, "147.229.183.219").get("DNSSD_RESPONSES"));
        assertTrue(peter.startsWith("Peter\u2019s MacBook Pro._device-info._tcp.local;-1;;;osxvers=19:;"), peter);
        assertTrue(peter.contains("Peter\u2019s MacBook Pro._companion-link._tcp.local;49817;Peters-MacBook-Pro-2.local;;"
            + "rpVr=195.2:rpBA=1A:30:AD:14:0E:7A:;"), peter);
    }

    @Test
    void refusesAnUnreadableWhitelist()
    {
        final PluginOptions options = PluginOptions.parse("dnssd;txt=" + dir.resolve("missing.csv"));

        final IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
            () -> new DnsSdPluginFactory().create(options, 16));
        assertTrue(failure.getMessage().contains("missing.csv"), failure.getMessage());
    }
}
