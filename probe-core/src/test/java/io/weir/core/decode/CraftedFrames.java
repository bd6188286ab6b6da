package io.weir.core.decode;

import static io.weir.core.decode.Layers.*;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.capture.LinkType;

/**
 * Well-formed frames of every encapsulation and link type the parser supports, for tests that
 * run over all of them (tshark cross-check, truncation, allocation).
 */
final class CraftedFrames
{
    /** Bottom MPLS label of Ethernet-over-MPLS frames; tshark is told to decode it as Ethernet with control word. */
    static final int PSEUDOWIRE_LABEL = 777;
    static final List<String> TSHARK_DECODE_AS = List.of("mpls.label==" + PSEUDOWIRE_LABEL + ",pwethcw");

    /**
     * @param tsharkDifference why tshark reads this frame differently from weir, by design; null when it does not
     */
    record Crafted(String name, int linkType, byte[] frame, String tsharkDifference)
    {
        Crafted(final String name, final int linkType, final byte[] frame)
        {
            this(name, linkType, frame, null);
        }

        @Override
        public String toString()
        {
            return name + " (link type " + linkType + ", " + frame.length + " bytes)";
        }
    }

    private CraftedFrames()
    {
    }

    static byte[] tcpSyn4()
    {
        return ipv4("192.0.2.1", "198.51.100.7", TCP,
            tcp(40000, 443, 0x8000_0001L, 0, SYN, 64240, linuxSynOptions(1460), new byte[0]));
    }

    static byte[] tcpData4()
    {
        return ipv4("192.0.2.1", "198.51.100.7", TCP, 0x28, 57, 0xBEEF, IPV4_DONT_FRAGMENT, new byte[0],
            tcp(40000, 443, 0xFFFF_FFF0L, 0x9000_0000L, ACK | PSH, 501, bytes(1, 1, 8, 10, 0, 0, 0, 5, 0, 0, 0, 6),
                counting(100, 1)));
    }

    static byte[] udp4(final int payload)
    {
        return ipv4("10.1.2.3", "10.3.2.1", UDP, udp(5353, 53, counting(payload, 0x40)));
    }

    static byte[] tcp6()
    {
        return ipv6("2001:db8::1", "2001:db8::2", TCP, 0xB8, 33,
            tcp(51000, 80, 7, 9, ACK | FIN, 1024, new byte[0], counting(10, 0x61)));
    }

    static byte[] udp6()
    {
        return ipv6("fe80::1", "ff02::fb", UDP, udp(5353, 5353, counting(30, 0x20)));
    }

    /** Hop-by-hop, routing, fragment (first), destination options and AH headers before TCP. */
    static byte[] extensionChain6()
    {
        final byte[] tcp = tcp(1234, 22, 5, 6, SYN | ECE | CWR, 8192, bytes(2, 4, 0x05, 0xA0), new byte[0]);
        return ipv6("2001:db8::a", "2001:db8::b", HOPOPTS,
            optionsHeader(ROUTING, 1,
                routingHeader(FRAGMENT, new String[] {"2001:db8::c"},
                    fragmentHeader(DSTOPTS, 0, true, 0xCAFE_F00D,
                        optionsHeader(AH, 2,
                            authenticationHeader(TCP, 3, tcp))))));
    }

    static List<Crafted> all()
    {
        final List<Crafted> frames = new ArrayList<>();
        final int ethernet = LinkType.ETHERNET;
        frames.add(new Crafted("ipv4 tcp syn", ethernet, ethernet(ETHERTYPE_IPV4, tcpSyn4())));
        frames.add(new Crafted("ipv4 tcp data", ethernet, ethernet(ETHERTYPE_IPV4, tcpData4())));
        frames.add(new Crafted("ipv4 udp padded", ethernet, padded(ethernet(ETHERTYPE_IPV4, udp4(4)), 0xEE)));
        frames.add(new Crafted("ipv6 tcp", ethernet, ethernet(ETHERTYPE_IPV6, tcp6())));
        frames.add(new Crafted("802.1q ipv4 udp", ethernet,
            ethernet(ETHERTYPE_VLAN, vlanTag(5, 100, ETHERTYPE_IPV4, udp4(20)))));
        frames.add(new Crafted("qinq ipv4 tcp", ethernet,
            ethernet(ETHERTYPE_QINQ, vlanTag(3, 300, ETHERTYPE_VLAN, vlanTag(0, 20, ETHERTYPE_IPV4, tcpData4())))));
        frames.add(new Crafted("old qinq ipv6 udp", ethernet,
            ethernet(ETHERTYPE_QINQ_OLD, vlanTag(0, 4000, ETHERTYPE_VLAN, vlanTag(0, 7, ETHERTYPE_IPV6, udp6())))));
        frames.add(new Crafted("mpls x3 ipv4 udp", ethernet, ethernet(ETHERTYPE_MPLS, mpls(new int[] {
            mplsEntry(16, 5, false, 64), mplsEntry(17, 0, false, 63), mplsEntry(18, 0, true, 62)}, udp4(12)))));
        frames.add(new Crafted("mpls ipv6 tcp", ethernet,
            ethernet(ETHERTYPE_MPLS, mpls(new int[] {mplsEntry(1000, 0, true, 255)}, tcp6()))));
        frames.add(new Crafted("ethernet over mpls", ethernet, ethernet(ETHERTYPE_MPLS, mpls(new int[] {
            mplsEntry(2000, 1, false, 10), mplsEntry(PSEUDOWIRE_LABEL, 0, true, 10)},
            controlWord(9, ethernet(0x0200_0000_00C1L, 0x0200_0000_00C2L, ETHERTYPE_IPV4, udp4(16)))))));
        frames.add(new Crafted("pppoe ipv4 tcp", ethernet,
            ethernet(ETHERTYPE_PPPOE_SESSION, pppoeSession(0x1234, PPP_IPV4, tcpSyn4()))));
        frames.add(new Crafted("pppoe ipv6 udp", ethernet,
            ethernet(ETHERTYPE_PPPOE_SESSION, pppoeSession(0x1234, PPP_IPV6, udp6()))));
        frames.add(new Crafted("pppoe compressed protocol ipv4 udp", ethernet,
            ethernet(ETHERTYPE_PPPOE_SESSION, pppoeSessionCompressed(0x99, PPP_IPV4, udp4(11)))));
        frames.add(new Crafted("pppoe discovery", ethernet,
            padded(ethernet(ETHERTYPE_PPPOE_DISCOVERY, pppoeDiscoveryInitiation()), 0)));
        frames.add(new Crafted("pppoe lcp", ethernet,
            padded(ethernet(ETHERTYPE_PPPOE_SESSION, pppoeSession(0x1234, PPP_LCP, lcpConfigureRequest())), 0)));
        frames.add(new Crafted("arp", ethernet, padded(ethernet(ETHERTYPE_ARP, arpRequest()), 0)));
        frames.add(new Crafted("ipv4 options tcp", ethernet, ethernet(ETHERTYPE_IPV4,
            ipv4("172.16.0.1", "172.16.0.2", TCP, 0, 1, 77, 0,
                bytes(1, 7, 7, 4, 0, 0, 0, 0, 0, 0, 0, 0), tcp(1, 2, PSH | ACK, counting(8, 0))))));
        frames.add(new Crafted("ipv4 first fragment udp", ethernet, ethernet(ETHERTYPE_IPV4,
            ipv4("10.9.9.9", "10.8.8.8", UDP, 0, 64, 0x4242, IPV4_MORE_FRAGMENTS, new byte[0],
                concat(udpHeader(7000, 7001, 80), counting(32, 0))))));
        frames.add(new Crafted("ipv4 later fragment", ethernet, padded(ethernet(ETHERTYPE_IPV4,
            ipv4("10.9.9.9", "10.8.8.8", UDP, 0, 64, 0x4242, 5, new byte[0], counting(16, 0x80))), 0xEE)));
        frames.add(new Crafted("ipv6 extension chain tcp", ethernet, ethernet(ETHERTYPE_IPV6, extensionChain6())));
        frames.add(new Crafted("ipv6 later fragment", ethernet, ethernet(ETHERTYPE_IPV6,
            ipv6("2001:db8::1", "2001:db8::2", FRAGMENT, fragmentHeader(UDP, 100, false, 99, counting(24, 0))))));
        frames.add(new Crafted("ipv6 hop-by-hop icmpv6", ethernet, ethernet(ETHERTYPE_IPV6,
            ipv6("fe80::2", "ff02::16", HOPOPTS, 0, 1, optionsHeader(ICMPV6, 1, icmp(143, 0, filled(24, 0)))))));
        frames.add(new Crafted("ipv4 icmp echo", ethernet, ethernet(ETHERTYPE_IPV4,
            ipv4("10.0.0.1", "10.0.0.2", ICMP, icmp(8, 0, counting(36, 0))))));
        frames.add(new Crafted("ipv4 icmp error with inner udp", ethernet, ethernet(ETHERTYPE_IPV4,
            ipv4("10.0.0.254", "10.0.0.1", ICMP, icmp(3, 3, concat(new byte[4],
                ipv4("10.0.0.1", "10.0.0.9", UDP, udp(33000, 53, counting(8, 0)))))))));
        frames.add(new Crafted("ipv6 icmpv6 echo", ethernet, ethernet(ETHERTYPE_IPV6,
            ipv6("2001:db8::1", "2001:db8::2", ICMPV6, icmp(128, 0, counting(12, 0))))));
        frames.add(new Crafted("ipv4 sctp", ethernet, ethernet(ETHERTYPE_IPV4,
            ipv4("10.0.0.1", "10.0.0.2", SCTP, sctpInit(2905, 2906)))));
        frames.add(new Crafted("ipv6 sctp", ethernet, ethernet(ETHERTYPE_IPV6,
            ipv6("2001:db8::1", "2001:db8::2", SCTP, sctpInit(3868, 3869)))));
        frames.add(new Crafted("ipv4 tcp unusual options", ethernet, ethernet(ETHERTYPE_IPV4,
            ipv4("10.0.0.1", "10.0.0.2", TCP, tcp(9, 10, 1, 2, SYN, 100,
                bytes(30, 4, 0, 0, 34, 2, 254, 4, 0xF9, 0x89, 76, 3, 0, 1, 0, 0), new byte[0])))));
        addDocumentedDifferences(frames);

        frames.add(new Crafted("raw ipv4 udp", LinkType.RAW, udp4(3)));
        frames.add(new Crafted("raw ipv6 tcp", LinkType.RAW, tcp6()));
        frames.add(new Crafted("ipv4 link type tcp", LinkType.IPV4, tcpData4()));
        frames.add(new Crafted("ipv6 link type udp", LinkType.IPV6, udp6()));

        frames.add(new Crafted("sll ethernet ipv4 tcp", LinkType.LINUX_SLL,
            linuxCooked(0, 1, macBytes(0x0200_0000_0011L), ETHERTYPE_IPV4, tcpSyn4())));
        frames.add(new Crafted("sll loopback ipv6 udp", LinkType.LINUX_SLL,
            linuxCooked(0, 772, new byte[6], ETHERTYPE_IPV6, udp6())));
        frames.add(new Crafted("sll tun ipv4 udp", LinkType.LINUX_SLL,
            linuxCooked(4, 65534, new byte[0], ETHERTYPE_IPV4, udp4(5))));
        frames.add(new Crafted("sll2 ethernet ipv4 udp", LinkType.LINUX_SLL2,
            linuxCookedV2(ETHERTYPE_IPV4, 3, 1, 0, macBytes(0x0200_0000_0022L), udp4(6))));
        frames.add(new Crafted("sll2 none ipv6 tcp", LinkType.LINUX_SLL2,
            linuxCookedV2(ETHERTYPE_IPV6, 4, 65534, 4, new byte[0], tcp6())));

        frames.add(new Crafted("null le inet", LinkType.NULL, loopback(2, ByteOrder.LITTLE_ENDIAN, udp4(7))));
        frames.add(new Crafted("null be inet", LinkType.NULL, loopback(2, ByteOrder.BIG_ENDIAN, tcpSyn4())));
        for (final int family : new int[] {10, 24, 28, 30})
        {
            final String difference = family == 10
                ? "tshark does not take Linux's AF_INET6 (10) for IPv6 in a BSD loopback header; weir does" : null;
            frames.add(new Crafted("null le inet6 " + family, LinkType.NULL,
                loopback(family, ByteOrder.LITTLE_ENDIAN, udp6()), difference));
            frames.add(new Crafted("null be inet6 " + family, LinkType.NULL,
                loopback(family, ByteOrder.BIG_ENDIAN, tcp6()), difference));
            frames.add(new Crafted("loop inet6 " + family, LinkType.LOOP,
                loopback(family, ByteOrder.BIG_ENDIAN, udp6()), difference));
        }
        frames.add(new Crafted("loop inet", LinkType.LOOP, loopback(2, ByteOrder.BIG_ENDIAN, udp4(9))));
        return frames;
    }

    /** Odd frames that weir reads differently from tshark, on purpose; each says why. */
    private static void addDocumentedDifferences(final List<Crafted> frames)
    {
        final int ethernet = LinkType.ETHERNET;
        frames.add(new Crafted("tcp header length below 20", ethernet, withU8(ethernet(ETHERTYPE_IPV4,
            ipv4("10.0.0.1", "10.0.0.2", TCP, tcp(1, 2, ACK, counting(8, 0)))), 14 + 20 + 12, 0x40),
            "tshark stops at a TCP data offset below 5 (no flags); weir reads the fixed 20 bytes and keeps the"
                + " segment in its flow, as ipfixprobe does"));
        frames.add(new Crafted("tcp header longer than the packet", ethernet, withU8(ethernet(ETHERTYPE_IPV4,
            ipv4("10.0.0.1", "10.0.0.2", TCP, tcp(1, 2, ACK, counting(8, 0)))), 14 + 20 + 12, 0xF0),
            "tshark calls it a short segment and reads no options or length; weir keeps ports and flags, reads"
                + " options up to the end of the IP packet and reports no payload"));
        frames.add(new Crafted("icmp header of one byte", ethernet, ethernet(ETHERTYPE_IPV4,
            ipv4("10.0.0.1", "10.0.0.2", ICMP, bytes(8))),
            "tshark reports no ICMP type; weir keeps the packet in its flow with type and code 0"));
        frames.add(new Crafted("ipv4 total length shorter than header", ethernet, withU16(ethernet(ETHERTYPE_IPV4,
            ipv4("10.0.0.1", "10.0.0.2", UDP, udp(1, 2, counting(8, 0)))), 16, 19),
            "tshark shows the addresses of an IPv4 header with a bogus total length; weir skips it as a bad IP header"));
        frames.add(new Crafted("ipv6 payload length 0", ethernet, withU16(ethernet(ETHERTYPE_IPV6, tcp6()), 18, 0),
            "weir takes the length from the frame (segmentation offload), as tshark does for IPv4 total length 0;"
                + " tshark gives such an IPv6 packet no payload"));
        byte[] chain = udp(1, 2, new byte[3]);
        for (int i = 0; i < 17; i++)
        {
            chain = optionsHeader(i == 0 ? UDP : DSTOPTS, 1, chain);
        }
        frames.add(new Crafted("ipv6 chain of 17 extension headers", ethernet,
            ethernet(ETHERTYPE_IPV6, ipv6("2001:db8::1", "2001:db8::2", DSTOPTS, chain)),
            "weir walks at most 16 extension headers and skips the packet; tshark walks any number"));
        frames.add(new Crafted("ipv6 mobility header", ethernet, ethernet(ETHERTYPE_IPV6,
            ipv6("2001:db8::1", "2001:db8::2", MOBILITY, bytes(NO_NEXT_HEADER, 0, 0, 0, 0, 0, 0, 0))),
            "weir walks the mobility header as an extension header (IANA lists it as one, ipfixprobe does the"
                + " same) and reports the header after it; tshark reports mobility as the upper layer"));
        frames.add(new Crafted("pppoe session with non-zero code", ethernet, ethernet(ETHERTYPE_PPPOE_SESSION,
            withU8(pppoeSession(1, PPP_IPV4, udp4(4)), 1, 0x09)),
            "RFC 2516 session frames have code 0: weir skips others as malformed; tshark decodes the IP inside"));
        frames.add(new Crafted("llc snap ipv4", ethernet, ethernet(46, concat(
            bytes(0xAA, 0xAA, 0x03, 0, 0, 0, 0x08, 0x00), udp4(10))),
            "weir reads Ethernet II EtherTypes only; tshark also decodes IP in 802.2 LLC/SNAP frames"));
        frames.add(new Crafted("ethernet over mpls without decode-as", ethernet, ethernet(ETHERTYPE_MPLS, mpls(
            new int[] {mplsEntry(PSEUDOWIRE_LABEL + 1, 0, true, 10)}, controlWord(0, ethernet(ETHERTYPE_IPV4, udp4(4))))),
            "after the label stack weir takes first nibble 0 for a pseudowire control word (as ipfixprobe);"
                + " tshark's heuristic takes an all-zero control word for the start of a MAC address"));
    }
}
