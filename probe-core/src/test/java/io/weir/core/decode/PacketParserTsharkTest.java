package io.weir.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.weir.core.capture.LinkType;
import io.weir.core.decode.CraftedFrames.Crafted;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks the parser against tshark, field by field, for every packet of the bundled captures
 * and for crafted frames of every supported encapsulation and link type. tshark is the independent
 * reference: where weir differs on purpose, the difference is spelled out here and in the report.
 */
class PacketParserTsharkTest
{
    private static final List<String> FIELDS = List.of(
        "frame.protocols", "eth.src", "eth.dst", "sll.src.eth", "vlan.id", "ieee8021ad.id",
        "mpls.label", "mpls.exp", "mpls.bottom", "mpls.ttl",
        "ip.src", "ip.dst", "ip.proto", "ip.len", "ip.hdr_len", "ip.ttl", "ip.dsfield", "ip.id", "ip.flags",
        "ip.flags.mf", "ip.frag_offset",
        "ipv6.src", "ipv6.dst", "ipv6.plen", "ipv6.nxt", "ipv6.hlim", "ipv6.tclass",
        "ipv6.hopopts.nxt", "ipv6.routing.nxt", "ipv6.fraghdr.nxt", "ipv6.dstopts.nxt", "ah.next_header",
        "ipv6.fraghdr.offset", "ipv6.fraghdr.more", "ipv6.fraghdr.ident",
        "tcp.srcport", "tcp.dstport", "tcp.seq_raw", "tcp.ack_raw", "tcp.flags", "tcp.window_size_value",
        "tcp.option_kind", "tcp.options.mss_val", "tcp.len", "tcp.payload",
        "udp.srcport", "udp.dstport", "udp.length", "udp.payload",
        "sctp.srcport", "sctp.dstport", "icmp.type", "icmp.code", "icmpv6.type", "icmpv6.code");

    private static final Set<Integer> IPV6_EXTENSION_HEADERS = Set.of(0, 43, 44, 51, 60, 135);
    private static final Set<String> IPV6_NEXT_HEADER_FIELDS = Set.of(
        "ipv6.hopopts.nxt", "ipv6.routing.nxt", "ipv6.fraghdr.nxt", "ipv6.dstopts.nxt", "ah.next_header");

    private final PacketParser parser = new PacketParser();
    private final PacketView view = new PacketView();

    @Test
    void everyBundledCapturePacketMatchesTshark()
    {
        final List<String> differences = new ArrayList<>();
        int compared = 0;
        int flowPackets = 0;
        for (final Path capture : PcapFiles.bundledCaptures())
        {
            final List<PcapFiles.Packet> packets = PcapFiles.read(capture);
            final List<Tshark.Frame> frames = Tshark.fields(capture, FIELDS, List.of());
            assertEquals(packets.size(), frames.size(), "tshark frames in " + capture);
            for (int i = 0; i < packets.size(); i++)
            {
                final PcapFiles.Packet packet = packets.get(i);
                final String where = capture.getFileName() + "#" + packet.number();
                if (compare(where, packet.linkType(), packet.bytes(), packet.wireLength(), frames.get(i), differences))
                {
                    flowPackets++;
                }
                compared++;
            }
        }
        assertTrue(compared > 2000, "packets compared: " + compared);
        assertTrue(flowPackets > 1800, "flow packets: " + flowPackets);
        assertEquals(List.of(), differences, String.join("\n", differences));
    }

    @Test
    void craftedFramesOfEveryLinkTypeMatchTshark(@TempDir final Path directory)
    {
        final Map<Integer, List<Crafted>> byLinkType = new LinkedHashMap<>();
        for (final Crafted crafted : CraftedFrames.all())
        {
            byLinkType.computeIfAbsent(crafted.linkType(), key -> new ArrayList<>()).add(crafted);
        }
        assertEquals(Set.of(LinkType.ETHERNET, LinkType.RAW, LinkType.IPV4, LinkType.IPV6, LinkType.LINUX_SLL,
            LinkType.LINUX_SLL2, LinkType.NULL, LinkType.LOOP), byLinkType.keySet());

        final List<String> differences = new ArrayList<>();
        for (final Map.Entry<Integer, List<Crafted>> entry : byLinkType.entrySet())
        {
            final Path capture = directory.resolve("crafted-" + entry.getKey() + ".pcap");
            final List<byte[]> bytes = new ArrayList<>();
            for (final Crafted crafted : entry.getValue())
            {
                bytes.add(crafted.frame());
            }
            PcapFiles.write(capture, entry.getKey(), bytes);
            final List<Tshark.Frame> frames = Tshark.fields(capture, FIELDS, CraftedFrames.TSHARK_DECODE_AS);
            assertEquals(bytes.size(), frames.size(), "tshark frames in " + capture);
            for (int i = 0; i < frames.size(); i++)
            {
                final Crafted crafted = entry.getValue().get(i);
                if (crafted.tsharkDifference() == null)
                {
                    compare(crafted.name(), crafted.linkType(), crafted.frame(), crafted.frame().length, frames.get(i),
                        differences);
                }
                else
                {
                    final List<String> expected = new ArrayList<>();
                    compare(crafted.name(), crafted.linkType(), crafted.frame(), crafted.frame().length, frames.get(i),
                        expected);
                    if (expected.isEmpty())
                    {
                        differences.add(crafted.name() + ": no longer differs from tshark (" +
                            crafted.tsharkDifference() + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), differences, String.join("\n", differences));
    }

    /** @return whether weir made a flow packet of it */
    private boolean compare(final String where, final int linkType, final byte[] frame, final int wireLength,
                            final Tshark.Frame tshark, final List<String> differences)
    {
        try
        {
            return compareFields(where, linkType, frame, wireLength, tshark, differences);
        }
        catch (final IllegalArgumentException ex)
        {
            differences.add(where + " " + ex.getMessage() + " for a packet weir decodes as protocol "
                + view.protocol() + ", skip reason " + view.skipReason());
            return false;
        }
    }

    private boolean compareFields(final String where, final int linkType, final byte[] frame, final int wireLength,
                                  final Tshark.Frame tshark, final List<String> differences)
    {
        final boolean parsed = parser.parse(view, new UnsafeBuffer(frame), 0, frame.length, wireLength, 0, linkType, 0);
        final Checker check = new Checker(where, differences);
        final List<String> protocols = Arrays.asList(tshark.first("frame.protocols").split(":"));
        final int ipv4 = protocols.indexOf("ip");
        final int ipv6 = protocols.indexOf("ipv6");
        final int version = ipv4 < 0 && ipv6 < 0 ? 0 : ipv6 < 0 || (ipv4 >= 0 && ipv4 < ipv6) ? 4 : 6;

        checkLinkLayer(check, linkType, tshark);
        if (version == 0)
        {
            check.equal("parsed (tshark sees no IP in " + tshark.first("frame.protocols") + ")", false, parsed);
            return parsed;
        }
        check.equal("ipVersion", version, view.ipVersion());
        if (version == 4)
        {
            checkIpv4(check, tshark);
        }
        else
        {
            checkIpv6(check, tshark);
        }

        final int protocol = view.protocol();
        final boolean firstFragment = view.fragmentOffset() == 0;
        if (protocol == Layers.TCP && firstFragment)
        {
            checkTcp(check, frame, parsed, tshark);
        }
        else if (protocol == Layers.UDP && firstFragment)
        {
            checkUdp(check, frame, parsed, tshark);
        }
        else if (protocol == Layers.SCTP && firstFragment)
        {
            check.equal("parsed", tshark.has("sctp.srcport"), parsed);
            if (parsed)
            {
                check.equal("sourcePort", tshark.firstNumber("sctp.srcport"), view.sourcePort());
                check.equal("destinationPort", tshark.firstNumber("sctp.dstport"), view.destinationPort());
            }
        }
        else
        {
            check.equal("parsed", true, parsed);
            check.equal("sourcePort", 0, view.sourcePort());
            check.equal("destinationPort", 0, view.destinationPort());
            check.equal("tcpFlags", 0, view.tcpFlags());
            final String prefix = protocol == Layers.ICMP ? "icmp" : protocol == Layers.ICMPV6 ? "icmpv6" : null;
            if (prefix != null && firstFragment)
            {
                check.equal("icmpType", tshark.firstNumber(prefix + ".type"), view.icmpType());
                check.equal("icmpCode", tshark.firstNumber(prefix + ".code"), view.icmpCode());
            }
            if (version == 4)
            {
                check.equal("payloadLengthWire",
                    tshark.firstNumber("ip.len") - tshark.firstNumber("ip.hdr_len"), view.payloadLengthWire());
            }
        }
        return parsed;
    }

    private void checkLinkLayer(final Checker check, final int linkType, final Tshark.Frame tshark)
    {
        if (linkType == LinkType.ETHERNET)
        {
            check.equal("sourceMac", mac(tshark.first("eth.src")), view.sourceMac());
            check.equal("destinationMac", mac(tshark.first("eth.dst")), view.destinationMac());
        }
        else if (linkType == LinkType.LINUX_SLL || linkType == LinkType.LINUX_SLL2)
        {
            check.equal("sourceMac", tshark.has("sll.src.eth") ? mac(tshark.first("sll.src.eth")) : 0L, view.sourceMac());
            check.equal("destinationMac", 0L, view.destinationMac());
        }
        else
        {
            check.equal("sourceMac", 0L, view.sourceMac());
            check.equal("destinationMac", 0L, view.destinationMac());
        }

        final List<String> serviceTags = tshark.all("ieee8021ad.id");
        final List<String> customerTags = tshark.all("vlan.id");
        final String outer = !serviceTags.isEmpty() ? serviceTags.get(0) : !customerTags.isEmpty() ? customerTags.get(0) : "0";
        check.equal("vlanId", Long.parseLong(outer), view.vlanId());
        check.equal("vlanCount", serviceTags.size() + customerTags.size(), view.vlanCount());

        final long top = tshark.has("mpls.label")
            ? tshark.firstNumber("mpls.label") << 12 | tshark.firstNumber("mpls.exp") << 9
                | tshark.firstNumber("mpls.bottom") << 8 | tshark.firstNumber("mpls.ttl")
            : 0;
        check.equal("mplsTopEntry", top, view.mplsTopEntry() & 0xFFFF_FFFFL);
    }

    private void checkIpv4(final Checker check, final Tshark.Frame tshark)
    {
        check.equal("source", address(tshark.first("ip.src")), addressOf(view.sourceHigh(), view.sourceLow(), 4));
        check.equal("destination", address(tshark.first("ip.dst")),
            addressOf(view.destinationHigh(), view.destinationLow(), 4));
        check.equal("protocol", tshark.firstNumber("ip.proto"), view.protocol());
        check.equal("ipLength", tshark.firstNumber("ip.len"), view.ipLength());
        check.equal("ipHeaderLength", tshark.firstNumber("ip.hdr_len"), view.ipHeaderLength());
        check.equal("ttl", tshark.firstNumber("ip.ttl"), view.ttl());
        check.equal("tos", tshark.firstNumber("ip.dsfield"), view.tos());
        check.equal("fragmentId", tshark.firstNumber("ip.id"), view.fragmentId());
        check.equal("ipFlags", tshark.firstNumber("ip.flags"), view.ipFlags());
        check.equal("moreFragments", tshark.firstNumber("ip.flags.mf") != 0, view.moreFragments());
        check.equal("fragmentOffset", tshark.firstNumber("ip.frag_offset"), view.fragmentOffset());
    }

    private void checkIpv6(final Checker check, final Tshark.Frame tshark)
    {
        check.equal("source", address(tshark.first("ipv6.src")), addressOf(view.sourceHigh(), view.sourceLow(), 16));
        check.equal("destination", address(tshark.first("ipv6.dst")),
            addressOf(view.destinationHigh(), view.destinationLow(), 16));
        check.equal("protocol", upperLayerProtocol(tshark), (long)view.protocol());
        check.equal("ipLength", tshark.firstNumber("ipv6.plen") + 40, view.ipLength());
        check.equal("ttl", tshark.firstNumber("ipv6.hlim"), view.ttl());
        check.equal("tos", tshark.firstNumber("ipv6.tclass"), view.tos());
        check.equal("ipFlags", 0, view.ipFlags());
        if (tshark.has("ipv6.fraghdr.offset"))
        {
            check.equal("fragmentOffset", tshark.firstNumber("ipv6.fraghdr.offset"), view.fragmentOffset());
            check.equal("moreFragments", tshark.firstNumber("ipv6.fraghdr.more") != 0, view.moreFragments());
            check.equal("fragmentId", tshark.firstNumber("ipv6.fraghdr.ident"), view.fragmentId() & 0xFFFF_FFFFL);
        }
        else
        {
            check.equal("fragmentOffset", 0, view.fragmentOffset());
            check.equal("moreFragments", false, view.moreFragments());
        }
    }

    /**
     * The one next-header value of the IPv6 header chain that is not itself an extension header.
     * tshark keeps each extension header's next-header in its own field, so their order is lost;
     * the value that ends the chain is the only one that names no extension header.
     */
    private static Long upperLayerProtocol(final Tshark.Frame tshark)
    {
        final Set<Long> candidates = new java.util.TreeSet<>();
        final List<String> values = new ArrayList<>();
        values.add(tshark.first("ipv6.nxt"));
        for (final String field : IPV6_NEXT_HEADER_FIELDS)
        {
            values.addAll(tshark.all(field));
        }
        for (final String value : values)
        {
            final long number = Tshark.parseNumber(value);
            if (!IPV6_EXTENSION_HEADERS.contains((int)number))
            {
                candidates.add(number);
            }
        }
        return candidates.size() == 1 ? candidates.iterator().next() : null;
    }

    private void checkTcp(final Checker check, final byte[] frame, final boolean parsed, final Tshark.Frame tshark)
    {
        check.equal("parsed", tshark.has("tcp.flags"), parsed);
        if (!parsed)
        {
            check.equal("skipReason", SkipReason.TRUNCATED_TRANSPORT_HEADER, view.skipReason());
            return;
        }
        check.equal("sourcePort", tshark.firstNumber("tcp.srcport"), view.sourcePort());
        check.equal("destinationPort", tshark.firstNumber("tcp.dstport"), view.destinationPort());
        check.equal("tcpSequence", tshark.firstNumber("tcp.seq_raw"), view.tcpSequence() & 0xFFFF_FFFFL);
        check.equal("tcpAcknowledgement", tshark.firstNumber("tcp.ack_raw"), view.tcpAcknowledgement() & 0xFFFF_FFFFL);
        check.equal("tcpFlags", tshark.firstNumber("tcp.flags") & 0xFF, view.tcpFlags());
        check.equal("tcpWindow", tshark.firstNumber("tcp.window_size_value"), view.tcpWindow());
        check.equal("tcpMss", tshark.has("tcp.options.mss_val") ? tshark.firstNumber("tcp.options.mss_val") : 0,
            view.tcpMss());
        long options = 0;
        for (final String kind : tshark.all("tcp.option_kind"))
        {
            options |= TcpOptionBits.ianaBit(Integer.parseInt(kind));
        }
        check.equal("tcpOptions", Long.toHexString(options), Long.toHexString(view.tcpOptions()));
        if (!view.moreFragments())
        {
            // tshark leaves the length of a fragmented segment unknown; weir counts what this fragment carries.
            check.equal("payloadLengthWire", tshark.firstNumber("tcp.len"), view.payloadLengthWire());
            check.equal("payload", tshark.has("tcp.payload") ? tshark.first("tcp.payload") : "", payloadHex(frame));
        }
    }

    private void checkUdp(final Checker check, final byte[] frame, final boolean parsed, final Tshark.Frame tshark)
    {
        check.equal("parsed", tshark.has("udp.srcport"), parsed);
        if (!parsed)
        {
            check.equal("skipReason", SkipReason.TRUNCATED_TRANSPORT_HEADER, view.skipReason());
            return;
        }
        check.equal("sourcePort", tshark.firstNumber("udp.srcport"), view.sourcePort());
        check.equal("destinationPort", tshark.firstNumber("udp.dstport"), view.destinationPort());
        if (!view.moreFragments())
        {
            // The UDP length of a fragmented datagram covers all fragments; weir counts what this one carries.
            check.equal("payloadLengthWire", tshark.firstNumber("udp.length") - 8, view.payloadLengthWire());
            check.equal("payload", tshark.has("udp.payload") ? tshark.first("udp.payload") : "", payloadHex(frame));
        }
    }

    private String payloadHex(final byte[] frame)
    {
        final int start = view.payloadOffset() - view.frameOffset();
        return HexFormat.of().formatHex(frame, start, start + view.payloadLength());
    }

    private static long mac(final String text)
    {
        return Long.parseLong(text.replace(":", ""), 16);
    }

    private static String address(final String literal)
    {
        if (literal == null)
        {
            return "absent";
        }
        try
        {
            return InetAddress.getByName(literal).getHostAddress();
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException(literal, ex);
        }
    }

    private static String addressOf(final long high, final long low, final int length)
    {
        final ByteBuffer bytes = ByteBuffer.allocate(16).putLong(high).putLong(low);
        try
        {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes.array(), 16 - length, 16)).getHostAddress();
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException(ex);
        }
    }

    /** Collects differences instead of failing at the first, so one run shows all of them. */
    private record Checker(String where, List<String> differences)
    {
        void equal(final String field, final Object tshark, final Object weir)
        {
            final Object expected = tshark instanceof Integer ? Long.valueOf((Integer)tshark) : tshark;
            final Object actual = weir instanceof Integer ? Long.valueOf((Integer)weir) : weir;
            if (!Objects.equals(expected, actual))
            {
                differences.add(where + " " + field + ": tshark " + tshark + ", weir " + weir);
            }
        }
    }
}
