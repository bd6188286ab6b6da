package io.weir.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.weir.core.decode.SkipReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing is lost or invented: per biflow key (unordered endpoints, protocol, VLAN id), the packets
 * and IP bytes over weir's records equal what tshark counts in the capture, and every frame weir
 * did not put into a flow is one the summary accounts for (not IP, with its EtherType). Run on
 * every bundled capture and on link-layer rewrites of Ethernet captures.
 */
class TsharkConservationTest
{
    /** Ethernet captures rewritten to other link types, and which rewrites make sense for each. */
    private static final Map<String, List<LinkRewrite>> REWRITTEN = Map.of(
        "mixed.pcap", List.of(LinkRewrite.values()),
        "tls.pcap", List.of(LinkRewrite.NULL_LITTLE_ENDIAN, LinkRewrite.NULL_BIG_ENDIAN, LinkRewrite.LOOP,
            LinkRewrite.RAW, LinkRewrite.IPV4),
        "vlan.pcap", List.of(LinkRewrite.NULL_BIG_ENDIAN, LinkRewrite.RAW, LinkRewrite.IPV4),
        "ssdp.pcap", List.of(LinkRewrite.RAW, LinkRewrite.IPV6, LinkRewrite.LOOP));

    @TempDir
    Path tempDir;

    static Stream<Path> bundledCaptures()
    {
        return Repository.allPcaps().stream();
    }

    static Stream<Arguments> rewrites()
    {
        final List<Arguments> cases = new ArrayList<>();
        for (final Map.Entry<String, List<LinkRewrite>> entry : new TreeMap<>(REWRITTEN).entrySet())
        {
            for (final LinkRewrite rewrite : entry.getValue())
            {
                cases.add(Arguments.of(entry.getKey(), rewrite));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledCaptures")
    void bundledCaptureConservesPacketsAndBytes(final Path capture) throws IOException
    {
        assertConserved(capture);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("rewrites")
    void rewrittenLinkTypeConservesPacketsAndBytes(final String name, final LinkRewrite rewrite) throws IOException
    {
        final Path target = tempDir.resolve(name + "." + rewrite + ".pcap");
        final int packets = rewrite.rewrite(ClassicPcap.of(Repository.pcap(name), tempDir), target);
        assertTrue(packets > 0, "the rewrite of " + name + " to " + rewrite + " kept no packets");
        final String encapsulation = Tool.run("capinfos", "-T", "-E", "-r", target.toString()).trim();
        assertTrue(encapsulation.endsWith(expectedEncapsulation(rewrite)),
            () -> "capinfos does not read " + target + " as " + rewrite + ": " + encapsulation);
        final TsharkPackets tshark = assertConserved(target);
        assertEquals(packets, tshark.ipPackets(), "tshark read every rewritten packet as IP");
    }

    /** All bundled captures as one stream through a 16-record cache: evicted flows keep every packet. */
    @Test
    void evictionsFromASmallCacheLoseNoPackets() throws IOException
    {
        final List<String> args = new ArrayList<>(List.of("-s", "cache;s=4;l=2"));
        final Map<BiflowKey, Totals> expected = new TreeMap<>();
        long frames = 0;
        long nonIp = 0;
        for (final Path capture : Repository.allPcaps())
        {
            args.add("-i");
            args.add("pcap;file=" + capture);
            final TsharkPackets tshark = TsharkPackets.read(capture);
            tshark.ipTotals().forEach((key, totals) -> expected.merge(key, totals, Totals::plus));
            frames += tshark.frames();
            nonIp += tshark.nonIpFrames();
        }
        final JsonRun run = JsonRun.of(tempDir, "all", args.toArray(String[]::new));
        final WeirSummary summary = run.cli().summary();
        assertTrue(summary.flowEndReasons().get("lack of resources") > 0, () -> "flows were evicted: " + summary);
        assertEquals(frames, summary.packetsRead());
        assertEquals(nonIp, summary.packetsSkipped());
        assertEquals("", differences(expected, countsByKey(run.flows())), "per-key packets and IP bytes");
    }

    private static String expectedEncapsulation(final LinkRewrite rewrite)
    {
        return switch (rewrite)
        {
            case NULL_LITTLE_ENDIAN, NULL_BIG_ENDIAN -> "null";
            case LOOP -> "loop";
            case RAW -> "rawip";
            case IPV4 -> "rawip4";
            case IPV6 -> "rawip6";
        };
    }

    private TsharkPackets assertConserved(final Path capture) throws IOException
    {
        final TsharkPackets tshark = TsharkPackets.read(capture);
        final JsonRun run = JsonRun.of(tempDir, capture.getFileName().toString(), "-i", "pcap;file=" + capture);
        final WeirSummary summary = run.cli().summary();
        final List<Flow> flows = run.flows();
        final String name = capture.getFileName().toString();

        assertEquals(tshark.frames(), summary.packetsRead(), name + ": frames read");
        final Map<SkipReason, Long> expectedSkips = new EnumMap<>(SkipReason.class);
        if (tshark.nonIpFrames() > 0)
        {
            expectedSkips.put(SkipReason.NON_IP, tshark.nonIpFrames());
        }
        assertEquals(expectedSkips, summary.skipped(), name + ": frames skipped, by reason");
        assertEquals(tshark.nonIpEtherTypes(), summary.nonIpEtherTypes(), name + ": non-IP frames by EtherType");
        assertEquals(tshark.ipPackets(), summary.packetsIntoFlows(), name + ": IP packets into flows");
        assertEquals(tshark.ipBytes(), summary.ipBytes(), name + ": IP bytes into flows");
        assertEquals(0, summary.recordsDropped(), name + ": records dropped");
        assertEquals(summary.flowsExported(), flows.size(), name + ": records in the JSON file");

        assertEquals("", differences(tshark.ipTotals(), countsByKey(flows)),
            name + ": per-key packets and IP bytes (tshark vs weir)");
        return tshark;
    }

    private static Map<BiflowKey, Totals> countsByKey(final List<Flow> flows)
    {
        final Map<BiflowKey, Totals> counts = new TreeMap<>();
        for (final Map.Entry<BiflowKey, Totals> entry : Totals.ofFlows(flows).entrySet())
        {
            counts.put(entry.getKey(), entry.getValue().countsOnly());
        }
        return counts;
    }

    private static String differences(final Map<BiflowKey, Totals> tshark, final Map<BiflowKey, Totals> weir)
    {
        final Set<BiflowKey> keys = new TreeSet<>(tshark.keySet());
        keys.addAll(weir.keySet());
        final StringBuilder differences = new StringBuilder();
        for (final BiflowKey key : keys)
        {
            final Totals expected = tshark.get(key);
            final Totals actual = weir.get(key);
            if (expected == null || !expected.equals(actual))
            {
                differences.append("  ").append(key).append(": tshark ").append(expected).append(", weir ")
                    .append(actual).append('\n');
            }
        }
        return differences.toString();
    }
}
