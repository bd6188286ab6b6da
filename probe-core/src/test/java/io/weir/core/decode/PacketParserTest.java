package io.weir.core.decode;

import static io.weir.core.decode.Layers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.Map;

import io.weir.core.capture.LinkType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The parser on crafted bytes: each test builds a frame whose field values it chose, and checks
 * that the view reports exactly those values (or the right reason for skipping the frame).
 */
class PacketParserTest
{
    private final PacketParser parser = new PacketParser();
    private final PacketView view = new PacketView();

    private boolean parse(final int linkType, final byte[] frame)
    {
        return parse(linkType, frame, frame.length, frame.length);
    }

    private boolean parse(final int linkType, final byte[] frame, final int capturedLength, final int wireLength)
    {
        return parser.parse(view, new UnsafeBuffer(frame), 0, capturedLength, wireLength, 42L, linkType, 3);
    }

    private void assertParsed(final int linkType, final byte[] frame)
    {
        assertTrue(parse(linkType, frame), () -> "skipped: " + view.skipReason());
        assertNull(view.skipReason());
    }

    private void assertSkipped(final SkipReason reason, final int linkType, final byte[] frame)
    {
        assertFalse(parse(linkType, frame), "parsed, expected " + reason);
        assertEquals(reason, view.skipReason());
    }

    private void assertEthernetParsed(final byte[] frame)
    {
        assertParsed(LinkType.ETHERNET, frame);
    }

    private void assertEthernetSkipped(final SkipReason reason, final byte[] frame)
    {
        assertSkipped(reason, LinkType.ETHERNET, frame);
    }

    // Ethernet, IPv4, TCP

    @Test
    void decodesEveryFieldOfEthernetIpv4Tcp()
    {
        final byte[] frame = ethernet(MAC_B, MAC_A, ETHERTYPE_IPV4, ipv4("192.0.2.1", "198.51.100.7", TCP, 0x28, 57,
            0xBEEF, IPV4_DONT_FRAGMENT, new byte[0], tcp(40000, 443, 0xFFFF_FFF0L, 0x9000_0000L, ACK | PSH, 501,
                bytes(1, 1, 8, 10, 0, 0, 0, 5, 0, 0, 0, 6), counting(100, 1))));

        assertEthernetParsed(frame);
        assertEquals(frame.length, view.capturedLength());
        assertEquals(frame.length, view.wireLength());
        assertEquals(42L, view.timestampNs());
        assertEquals(LinkType.ETHERNET, view.linkType());
        assertEquals(3, view.interfaceId());
        assertEquals(MAC_B, view.destinationMac());
        assertEquals(MAC_A, view.sourceMac());
        assertEquals(0, view.vlanId());
        assertEquals(0, view.vlanCount());
        assertEquals(0, view.mplsTopEntry());
        assertEquals(0x0800, view.etherType());
        assertEquals(14, view.l3Offset());
        assertEquals(4, view.ipVersion());
        assertEquals(TCP, view.protocol());
        assertEquals(0, view.sourceHigh());
        assertEquals(ipv4Value("192.0.2.1"), view.sourceLow());
        assertEquals(0, view.destinationHigh());
        assertEquals(ipv4Value("198.51.100.7"), view.destinationLow());
        assertEquals(0x28, view.tos());
        assertEquals(57, view.ttl());
        assertEquals(0xBEEF, view.fragmentId());
        assertEquals(0b010, view.ipFlags());
        assertEquals(0, view.fragmentOffset());
        assertFalse(view.moreFragments());
        assertFalse(view.isFragment());
        assertEquals(20 + 32 + 100, view.ipLength());
        assertEquals(20, view.ipHeaderLength());
        assertEquals(34, view.l4Offset());
        assertEquals(40000, view.sourcePort());
        assertEquals(443, view.destinationPort());
        assertEquals(0xFFFF_FFF0, view.tcpSequence());
        assertEquals(0x9000_0000, view.tcpAcknowledgement());
        assertEquals(ACK | PSH, view.tcpFlags());
        assertEquals(501, view.tcpWindow());
        assertEquals(0, view.tcpMss());
        assertEquals(0, view.icmpType());
        assertEquals(0, view.icmpCode());
        assertEquals(66, view.payloadOffset());
        assertEquals(100, view.payloadLength());
        assertEquals(100, view.payloadLengthWire());
        assertEquals(1, view.buffer().getByte(view.payloadOffset()));
    }

    @Test
    void setsNopAndTimestampOptionBitsAsIpfixprobeReportsThem()
    {
        final byte[] frame = ethernet(ETHERTYPE_IPV4, ipv4("10.0.0.1", "10.0.0.2", TCP,
            tcp(1, 2, 1, 1, ACK, 1, bytes(1, 1, 8, 10, 0, 0, 0, 5, 0, 0, 0, 6), new byte[0])));

        assertEthernetParsed(frame);
        // ipfixprobe 5.7 reports TCP_OPT 32832 for the NOP, NOP, timestamps segments of pcaps/http.pcap.
        assertEquals(32832L, view.tcpOptions());
    }

    @Test
    void readsMssAndOptionBitsOfLinuxSyn()
    {
        final byte[] frame = ethernet(ETHERTYPE_IPV4, ipv4("10.0.0.1", "10.0.0.2", TCP,
            tcp(1, 2, 0, 0, SYN, 64240, linuxSynOptions(1460), new byte[0])));

        assertEthernetParsed(frame);
        assertEquals(1460, view.tcpMss());
        assertEquals(SYN, view.tcpFlags());
        final long expected = TcpOptionBits.ianaBit(2) | TcpOptionBits.ianaBit(4) | TcpOptionBits.ianaBit(8)
            | TcpOptionBits.ianaBit(1) | TcpOptionBits.ianaBit(3);
        assertEquals(Long.toBinaryString(expected), Long.toBinaryString(view.tcpOptions()));
        assertEquals(0, view.payloadLength());
        assertEquals(14 + 20 + 40, view.payloadOffset());
    }

    @Test
    void setsEachTcpOptionKindBelow64AtItsIanaBitPosition()
    {
        for (int kind = 0; kind < 64; kind++)
        {
            final byte[] options = kind <= 1 ? bytes(kind, 0, 0, 0) : bytes(kind, 2, 0, 0);
            final byte[] frame = ethernet(ETHERTYPE_IPV4,
                ipv4("10.0.0.1", "10.0.0.2", TCP, tcp(1, 2, 0, 0, SYN, 1, options, new byte[0])));

            assertEthernetParsed(frame);
            final long expected = TcpOptionBits.ianaBit(kind) | TcpOptionBits.ianaBit(0);
            assertEquals(Long.toBinaryString(expected), Long.toBinaryString(view.tcpOptions()), "kind " + kind);
        }
    }

    @Test
    void ignoresTcpOptionKindsThatTcpOptionsCannotHold()
    {
        final byte[] frame = ethernet(ETHERTYPE_IPV4, ipv4("10.0.0.1", "10.0.0.2", TCP,
            tcp(1, 2, 0, 0, SYN, 1, bytes(254, 4, 0xF9, 0x89, 76, 3, 0, 64, 2, 1, 0, 0), new byte[0])));

        assertEthernetParsed(frame);
        assertEquals(TcpOptionBits.ianaBit(1) | TcpOptionBits.ianaBit(0), view.tcpOptions());
    }

    @Test
    void stopsReadingTcpOptionsAtEndOfOptionList()
    {
        final byte[] frame = ethernet(ETHERTYPE_IPV4, ipv4("10.0.0.1", "10.0.0.2", TCP,
            tcp(1, 2, 0, 0, SYN, 1, bytes(2, 4, 0x05, 0xB4, 0, 3, 3, 7), new byte[0])));

        assertEthernetParsed(frame);
        assertEquals(1460, view.tcpMss());
        assertEquals(TcpOptionBits.ianaBit(2) | TcpOptionBits.ianaBit(0), view.tcpOptions());
    }

    @Test
    void stopsAtTcpOptionWithImpossibleLength()
    {
        final byte[] zeroLength = ethernet(ETHERTYPE_IPV4, ipv4("10.0.0.1", "10.0.0.2", TCP,
            tcp(1, 2, 0, 0, ACK, 1, bytes(5, 0, 2, 4, 0x05, 0xB4, 1, 1), new byte[0])));
        assertEthernetParsed(zeroLength);
        assertEquals(TcpOptionBits.ianaBit(5), view.tcpOptions());
        assertEquals(0, view.tcpMss());

        final byte[] pastHeader = ethernet(ETHERTYPE_IPV4, ipv4("10.0.0.1", "10.0.0.2", TCP,
            tcp(1, 2, 0, 0, ACK, 1, bytes(1, 2, 6, 0x05), counting(8, 0))));
        assertEthernetParsed(pastHeader);
        assertEquals(0, view.tcpMss());
        assertEquals(8, view.payloadLength());
    }

    @Test
    void excludesEthernetPaddingFromIpLengthAndPayload()
    {
        final byte[] frame = padded(ethernet(ETHERTYPE_IPV4, ipv4("10.1.2.3", "10.3.2.1", UDP,
            udp(5353, 53, counting(4, 0x40)))), 0xEE);
        assertEquals(60, frame.length);

        assertEthernetParsed(frame);
        assertEquals(20 + 8 + 4, view.ipLength());
        assertEquals(14 + 28, view.payloadOffset());
        assertEquals(4, view.payloadLength());
        assertEquals(4, view.payloadLengthWire());
        assertEquals(5353, view.sourcePort());
        assertEquals(53, view.destinationPort());
    }

    @Test
    void limitsPayloadToCapturedBytesAndTakesWireLengthFromIpHeader()
    {
        final byte[] frame = ethernet(ETHERTYPE_IPV4, ipv4("10.0.0.1", "10.0.0.2", TCP,
            tcp(1, 2, ACK, counting(1000, 0))));

        assertTrue(parse(LinkType.ETHERNET, frame, 96, frame.length));
        assertEquals(1040, view.ipLength());
        assertEquals(54, view.payloadOffset());
        assertEquals(96 - 54, view.payloadLength());
        assertEquals(1000, view.payloadLengthWire());
    }

    @Test
    void takesFrameLengthForIpv4TotalLengthZeroOfSegmentationOffload()
    {
        final byte[] frame = withU16(ethernet(ETHERTYPE_IPV4, ipv4("10.0.0.1", "10.0.0.2", TCP,
            tcp(1, 2, ACK, counting(500, 0)))), 14 + 2, 0);

        assertTrue(parse(LinkType.ETHERNET, frame, 200, 20_014));
        assertEquals(20_000, view.ipLength());
        assertEquals(200 - 54, view.payloadLength());
        assertEquals(20_000 - 40, view.payloadLengthWire());
    }

    @Test
    void rejectsIpv4TotalLengthShorterThanItsHeader()
    {
        final byte[] frame = withU16(ethernet(ETHERTYPE_IPV4, ipv4("10.0.0.1", "10.0.0.2", UDP,
            udp(1, 2, counting(10, 0)))), 14 + 2, 19);

        assertEthernetSkipped(SkipReason.BAD_IP_HEADER, frame);
    }

    @Test
    void rejectsIpv4HeaderOfWrongVersionOrTooShortLength()
    {
        final byte[] ipv4 = ethernet(ETHERTYPE_IPV4, ipv4("10.0.0.1", "10.0.0.2", UDP, udp(1, 2, counting(10, 0))));

        assertEthernetSkipped(SkipReason.BAD_IP_HEADER, withU8(ipv4, 14, 0x55));
        assertEthernetSkipped(SkipReason.BAD_IP_HEADER, withU8(ipv4, 14, 0x44));
        assertEthernetSkipped(SkipReason.BAD_IP_HEADER, ethernet(ETHERTYPE_IPV4, CraftedFrames.udp6()));
    }

    @Test
    void rejectsIpv4HeaderWhoseOptionsAreCutOff()
    {
        final byte[] frame = withU8(ethernet(ETHERTYPE_IPV4, ipv4("10.0.0.1", "10.0.0.2", ICMP,
            icmp(8, 0, new byte[4]))), 14, 0x4F);

        assertEthernetSkipped(SkipReason.TRUNCATED_IP_HEADER, frame);
    }

    @Test
    void findsTransportHeaderAfterIpv4Options()
    {
        final byte[] options = bytes(1, 7, 7, 4, 0, 0, 0, 0, 0, 0, 0, 0);
        final byte[] frame = ethernet(ETHERTYPE_IPV4, ipv4("172.16.0.1", "172.16.0.2", TCP, 0, 1, 77, 0, options,
            tcp(1111, 2222, PSH | ACK, counting(8, 0))));

        assertEthernetParsed(frame);
        assertEquals(32, view.ipHeaderLength());
        assertEquals(14 + 32, view.l4Offset());
        assertEquals(1111, view.sourcePort());
        assertEquals(2222, view.destinationPort());
        assertEquals(PSH | ACK, view.tcpFlags());
        assertEquals(8, view.payloadLength());
        assertEquals(32 + 20 + 8, view.ipLength());
    }

    @Test
    void decodesPortsOfFirstIpv4Fragment()
    {
        final byte[] frame = ethernet(ETHERTYPE_IPV4, ipv4("10.9.9.9", "10.8.8.8", UDP, 0, 64, 0x4242,
            IPV4_MORE_FRAGMENTS, new byte[0], concat(udpHeader(7000, 7001, 80), counting(32, 0))));

        assertEthernetParsed(frame);
        assertEquals(7000, view.sourcePort());
        assertEquals(7001, view.destinationPort());
        assertEquals(0, view.fragmentOffset());
        assertTrue(view.moreFragments());
        assertTrue(view.isFragment());
        assertEquals(0x4242, view.fragmentId());
        assertEquals(0b001, view.ipFlags());
        assertEquals(32, view.payloadLength());
        assertEquals(32, view.payloadLengthWire());
    }

    @Test
    void laterIpv4FragmentHasNoPortsAndANonZeroOffset()
    {
        final byte[] frame = ethernet(ETHERTYPE_IPV4, ipv4("10.9.9.9", "10.8.8.8", UDP, 0, 64, 0x4242,
            IPV4_MORE_FRAGMENTS | 185, new byte[0], counting(64, 0)));

        assertEthernetParsed(frame);
        assertEquals(UDP, view.protocol());
        assertEquals(185, view.fragmentOffset());
        assertTrue(view.moreFragments());
        assertTrue(view.isFragment());
        assertEquals(0, view.sourcePort());
        assertEquals(0, view.destinationPort());
        assertEquals(34, view.l4Offset());
        assertEquals(34, view.payloadOffset());
        assertEquals(64, view.payloadLength());
        assertEquals(64, view.payloadLengthWire());
    }

    // VLAN, MPLS, PPPoE

    @Test
    void keepsOuterVlanOfQinQ()
    {
        final byte[] udp = ipv4("10.0.0.1", "10.0.0.2", UDP, udp(1, 2, new byte[4]));
        assertEthernetParsed(ethernet(ETHERTYPE_QINQ, vlanTag(3, 300, ETHERTYPE_VLAN, vlanTag(0, 20, ETHERTYPE_IPV4, udp))));
        assertEquals(300, view.vlanId());
        assertEquals(2, view.vlanCount());
        assertEquals(14 + 8, view.l3Offset());
        assertEquals(0x0800, view.etherType());

        assertEthernetParsed(ethernet(ETHERTYPE_QINQ_OLD, vlanTag(0, 4000, ETHERTYPE_VLAN, vlanTag(0, 7, ETHERTYPE_IPV4, udp))));
        assertEquals(4000, view.vlanId());
        assertEquals(2, view.vlanCount());
    }

    @Test
    void takesVlanIdWithoutPriorityAndDropEligibleBits()
    {
        assertEthernetParsed(ethernet(ETHERTYPE_VLAN, vlanTag(7, 0x1000 | 100, ETHERTYPE_IPV4,
            ipv4("10.0.0.1", "10.0.0.2", UDP, udp(1, 2, new byte[4])))));

        assertEquals(100, view.vlanId());
        assertEquals(1, view.vlanCount());
        assertEquals(18, view.l3Offset());
    }

    @Test
    void acceptsEightStackedTagsButNotNine()
    {
        byte[] tagged = ipv4("10.0.0.1", "10.0.0.2", UDP, udp(1, 2, new byte[4]));
        int etherType = ETHERTYPE_IPV4;
        for (int tag = 1; tag <= 8; tag++)
        {
            tagged = vlanTag(0, tag, etherType, tagged);
            etherType = ETHERTYPE_VLAN;
        }
        assertEthernetParsed(ethernet(ETHERTYPE_VLAN, tagged));
        assertEquals(8, view.vlanId());
        assertEquals(8, view.vlanCount());

        assertEthernetSkipped(SkipReason.MALFORMED_LINK_LAYER,
            ethernet(ETHERTYPE_VLAN, vlanTag(0, 9, ETHERTYPE_VLAN, tagged)));
    }

    @Test
    void keepsTopMplsEntryAndDecodesIpv4AfterBottomOfStack()
    {
        final int top = mplsEntry(16, 5, false, 64);
        final byte[] frame = ethernet(ETHERTYPE_MPLS, mpls(new int[] {top, mplsEntry(17, 0, false, 63),
            mplsEntry(18, 0, true, 62)}, ipv4("10.0.0.1", "10.0.0.2", UDP, udp(1, 2, new byte[12]))));

        assertEthernetParsed(frame);
        assertEquals(top, view.mplsTopEntry());
        assertEquals(0x0800, view.etherType());
        assertEquals(14 + 12, view.l3Offset());
        assertEquals(1, view.sourcePort());
        assertEquals(12, view.payloadLength());
    }

    @Test
    void decodesIpv6AfterMplsBottomOfStack()
    {
        final int top = mplsEntry(0xFFFFF, 7, true, 255);
        assertEthernetParsed(ethernet(ETHERTYPE_MPLS, mpls(new int[] {top}, CraftedFrames.tcp6())));

        assertEquals(top, view.mplsTopEntry());
        assertEquals(6, view.ipVersion());
        assertEquals(0x86DD, view.etherType());
        assertEquals(18, view.l3Offset());
        assertEquals(51000, view.sourcePort());
    }

    @Test
    void decodesEthernetOverMplsWithControlWord()
    {
        final long innerSource = 0x0200_0000_00C2L;
        final byte[] inner = ethernet(0x0200_0000_00C1L, innerSource, ETHERTYPE_IPV4,
            ipv4("10.0.0.1", "10.0.0.2", UDP, udp(1, 2, new byte[16])));
        final int top = mplsEntry(2000, 1, false, 10);
        final byte[] frame = ethernet(MAC_B, MAC_A, ETHERTYPE_MPLS,
            mpls(new int[] {top, mplsEntry(777, 0, true, 10)}, controlWord(9, inner)));

        assertEthernetParsed(frame);
        assertEquals(MAC_A, view.sourceMac());
        assertEquals(MAC_B, view.destinationMac());
        assertEquals(top, view.mplsTopEntry());
        assertEquals(14 + 8 + 4 + 14, view.l3Offset());
        assertEquals(ipv4Value("10.0.0.1"), view.sourceLow());
        assertEquals(2, view.destinationPort());
        assertEquals(16, view.payloadLength());
    }

    @Test
    void keepsTopMplsEntryOfOuterStackEvenWhenItIsZero()
    {
        final byte[] inner = ethernet(ETHERTYPE_MPLS, mpls(new int[] {mplsEntry(99, 0, true, 1)},
            ipv4("10.0.0.1", "10.0.0.2", UDP, udp(1, 2, new byte[4]))));
        final byte[] frame = ethernet(ETHERTYPE_MPLS,
            mpls(new int[] {0, mplsEntry(777, 0, true, 10)}, controlWord(0, inner)));

        assertEthernetParsed(frame);
        assertEquals(0, view.mplsTopEntry());
    }

    @Test
    void reportsUnknownPayloadAfterMplsStackAsNotIp()
    {
        final byte[] frame = ethernet(ETHERTYPE_MPLS, mpls(new int[] {mplsEntry(5, 0, true, 1)}, filled(40, 0x51)));

        assertEthernetSkipped(SkipReason.NON_IP, frame);
        assertEquals(ETHERTYPE_MPLS, view.etherType());
    }

    @Test
    void rejectsMplsStackWithoutBottomWithinSixteenLabels()
    {
        final int[] labels = new int[17];
        for (int i = 0; i < labels.length; i++)
        {
            labels[i] = mplsEntry(100 + i, 0, i == labels.length - 1, 1);
        }

        assertEthernetSkipped(SkipReason.MALFORMED_LINK_LAYER,
            ethernet(ETHERTYPE_MPLS, mpls(labels, ipv4("10.0.0.1", "10.0.0.2", UDP, udp(1, 2, new byte[4])))));
    }

    @Test
    void rejectsMplsStackCutBeforeBottom()
    {
        assertEthernetSkipped(SkipReason.TRUNCATED_LINK_HEADER, ethernet(ETHERTYPE_MPLS,
            mpls(new int[] {mplsEntry(1, 0, false, 1), mplsEntry(2, 0, false, 1)}, new byte[0])));
    }

    @Test
    void decodesPppoeSessionCarryingIpv4AndIpv6()
    {
        assertEthernetParsed(ethernet(ETHERTYPE_PPPOE_SESSION, pppoeSession(0x1234, PPP_IPV4, CraftedFrames.tcpSyn4())));
        assertEquals(4, view.ipVersion());
        assertEquals(22, view.l3Offset());
        assertEquals(0x0800, view.etherType());
        assertEquals(40000, view.sourcePort());
        assertEquals(1460, view.tcpMss());

        assertEthernetParsed(ethernet(ETHERTYPE_PPPOE_SESSION, pppoeSession(0x1234, PPP_IPV6, CraftedFrames.udp6())));
        assertEquals(6, view.ipVersion());
        assertEquals(22, view.l3Offset());
        assertEquals(0x86DD, view.etherType());
        assertEquals(5353, view.destinationPort());
    }

    @Test
    void decodesPppoeSessionWithCompressedProtocolField()
    {
        assertEthernetParsed(ethernet(ETHERTYPE_PPPOE_SESSION,
            pppoeSessionCompressed(0x1234, PPP_IPV4, CraftedFrames.udp4(5))));
        assertEquals(21, view.l3Offset());
        assertEquals(53, view.destinationPort());
        assertEquals(5, view.payloadLength());
    }

    @Test
    void countsPppoeDiscoveryAndLcpAsNotIp()
    {
        final ParseCounters counters = new ParseCounters();
        assertEthernetSkipped(SkipReason.NON_IP, ethernet(ETHERTYPE_PPPOE_DISCOVERY, pppoeDiscoveryInitiation()));
        counters.onSkipped(view);
        assertEthernetSkipped(SkipReason.NON_IP,
            ethernet(ETHERTYPE_PPPOE_SESSION, pppoeSession(7, PPP_LCP, lcpConfigureRequest())));
        counters.onSkipped(view);

        assertEquals(2, counters.skipped(SkipReason.NON_IP));
        assertEquals(Map.of(ETHERTYPE_PPPOE_DISCOVERY, 1L, ETHERTYPE_PPPOE_SESSION, 1L), counters.nonIpEtherTypes());
    }

    @Test
    void rejectsPppoeSessionFrameWithNonZeroCode()
    {
        final byte[] frame = withU8(ethernet(ETHERTYPE_PPPOE_SESSION, pppoeSession(1, PPP_IPV4, CraftedFrames.tcpSyn4())),
            15, 0x09);

        assertEthernetSkipped(SkipReason.MALFORMED_LINK_LAYER, frame);
    }

    // IPv6

    @Test
    void decodesIpv6HeaderFields()
    {
        assertEthernetParsed(ethernet(ETHERTYPE_IPV6, CraftedFrames.tcp6()));

        assertEquals(6, view.ipVersion());
        assertEquals(ipv6High("2001:db8::1"), view.sourceHigh());
        assertEquals(ipv6Low("2001:db8::1"), view.sourceLow());
        assertEquals(ipv6High("2001:db8::2"), view.destinationHigh());
        assertEquals(ipv6Low("2001:db8::2"), view.destinationLow());
        assertEquals(0xB8, view.tos());
        assertEquals(33, view.ttl());
        assertEquals(TCP, view.protocol());
        assertEquals(40, view.ipHeaderLength());
        assertEquals(40 + 20 + 10, view.ipLength());
        assertEquals(0, view.ipFlags());
        assertEquals(ACK | FIN, view.tcpFlags());
        assertEquals(7, view.tcpSequence());
        assertEquals(9, view.tcpAcknowledgement());
        assertEquals(1024, view.tcpWindow());
        assertEquals(10, view.payloadLength());
    }

    @Test
    void walksHopByHopRoutingFragmentDestinationAndAuthenticationHeaders()
    {
        assertEthernetParsed(ethernet(ETHERTYPE_IPV6, CraftedFrames.extensionChain6()));

        assertEquals(TCP, view.protocol());
        assertEquals(40 + 8 + 24 + 8 + 16 + 24, view.ipHeaderLength());
        assertEquals(14 + 120, view.l4Offset());
        assertEquals(1234, view.sourcePort());
        assertEquals(22, view.destinationPort());
        assertEquals(SYN | ECE | CWR, view.tcpFlags());
        assertEquals(1440, view.tcpMss());
        assertEquals(0, view.fragmentOffset());
        assertTrue(view.moreFragments());
        assertEquals(0xCAFE_F00D, view.fragmentId());
        assertEquals(120 + 24, view.ipLength());
    }

    @Test
    void laterIpv6FragmentHasNoPortsAndANonZeroOffset()
    {
        assertEthernetParsed(ethernet(ETHERTYPE_IPV6, ipv6("2001:db8::1", "2001:db8::2", FRAGMENT,
            fragmentHeader(UDP, 100, false, 99, counting(24, 0)))));

        assertEquals(UDP, view.protocol());
        assertEquals(100, view.fragmentOffset());
        assertFalse(view.moreFragments());
        assertTrue(view.isFragment());
        assertEquals(99, view.fragmentId());
        assertEquals(0, view.sourcePort());
        assertEquals(0, view.destinationPort());
        assertEquals(48, view.ipHeaderLength());
        assertEquals(14 + 48, view.payloadOffset());
        assertEquals(24, view.payloadLength());
        assertEquals(24, view.payloadLengthWire());
    }

    @Test
    void readsNoHeadersInsideTheDataOfLaterIpv6Fragment()
    {
        // The fragmentable part starts with a destination options header, which travels in the first fragment;
        // here the data happens to look like a header claiming 2 KB.
        final byte[] data = concat(bytes(DSTOPTS, 0xFF), counting(30, 0));
        assertEthernetParsed(ethernet(ETHERTYPE_IPV6, ipv6("2001:db8::1", "2001:db8::2", FRAGMENT,
            fragmentHeader(DSTOPTS, 300, true, 5, data))));

        assertEquals(DSTOPTS, view.protocol());
        assertEquals(300, view.fragmentOffset());
        assertEquals(48, view.ipHeaderLength());
        assertEquals(32, view.payloadLength());
    }

    @Test
    void acceptsSixteenIpv6ExtensionHeaders()
    {
        assertEthernetParsed(ethernet(ETHERTYPE_IPV6, ipv6("2001:db8::1", "2001:db8::2", DSTOPTS,
            destinationOptionsChain(16, udp(1, 2, new byte[3])))));

        assertEquals(UDP, view.protocol());
        assertEquals(40 + 16 * 8, view.ipHeaderLength());
        assertEquals(2, view.destinationPort());
    }

    @Test
    void rejectsTooLongIpv6ExtensionChain()
    {
        assertEthernetSkipped(SkipReason.BAD_IPV6_EXTENSION_HEADERS, ethernet(ETHERTYPE_IPV6,
            ipv6("2001:db8::1", "2001:db8::2", DSTOPTS, destinationOptionsChain(17, udp(1, 2, new byte[3])))));
    }

    private static byte[] destinationOptionsChain(final int headers, final byte[] upperLayer)
    {
        byte[] chain = upperLayer;
        int next = UDP;
        for (int i = 0; i < headers; i++)
        {
            chain = optionsHeader(next, 1, chain);
            next = DSTOPTS;
        }
        return chain;
    }

    @Test
    void rejectsTruncatedIpv6ExtensionChain()
    {
        final byte[] frame = ethernet(ETHERTYPE_IPV6, CraftedFrames.extensionChain6());

        for (final int cut : new int[] {54, 58, 62, 70, 78, 100, 110, 120, 133})
        {
            assertFalse(parse(LinkType.ETHERNET, frame, cut, frame.length), "cut at " + cut);
            assertEquals(SkipReason.BAD_IPV6_EXTENSION_HEADERS, view.skipReason(), "cut at " + cut);
        }
    }

    @Test
    void rejectsIpv6ExtensionHeaderLongerThanThePacket()
    {
        final byte[] icmp = icmp(128, 0, new byte[12]);
        final byte[] captured = withU8(ethernet(ETHERTYPE_IPV6,
            ipv6("2001:db8::1", "2001:db8::2", HOPOPTS, optionsHeader(ICMPV6, 1, icmp))), 54 + 1, 10);
        assertEthernetSkipped(SkipReason.BAD_IPV6_EXTENSION_HEADERS, captured);

        final byte[] beyondPayloadLength = withU16(padded(ethernet(ETHERTYPE_IPV6,
            ipv6("2001:db8::1", "2001:db8::2", HOPOPTS, optionsHeader(NO_NEXT_HEADER, 2, new byte[0]))), 0), 18, 8);
        assertEthernetSkipped(SkipReason.BAD_IPV6_EXTENSION_HEADERS, concat(beyondPayloadLength, new byte[16]));
    }

    @Test
    void takesFrameLengthForIpv6PayloadLengthZero()
    {
        final byte[] frame = withU16(ethernet(ETHERTYPE_IPV6, CraftedFrames.tcp6()), 18, 0);

        assertTrue(parse(LinkType.ETHERNET, frame, frame.length, 9014));
        assertEquals(9000, view.ipLength());
        assertEquals(10, view.payloadLength());
        assertEquals(9000 - 60, view.payloadLengthWire());
    }

    @Test
    void acceptsNoNextHeaderAsTheEndOfTheChain()
    {
        assertEthernetParsed(ethernet(ETHERTYPE_IPV6,
            ipv6("2001:db8::1", "2001:db8::2", HOPOPTS, optionsHeader(NO_NEXT_HEADER, 1, new byte[0]))));

        assertEquals(NO_NEXT_HEADER, view.protocol());
        assertEquals(48, view.ipHeaderLength());
        assertEquals(0, view.payloadLength());
    }

    // UDP, SCTP, ICMP

    @Test
    void decodesSctpPorts()
    {
        assertEthernetParsed(ethernet(ETHERTYPE_IPV4, ipv4("10.0.0.1", "10.0.0.2", SCTP, sctpInit(2905, 2906))));

        assertEquals(SCTP, view.protocol());
        assertEquals(2905, view.sourcePort());
        assertEquals(2906, view.destinationPort());
        assertEquals(14 + 20 + 12, view.payloadOffset());
        assertEquals(20, view.payloadLength());
        assertEquals(0, view.tcpFlags());
    }

    @Test
    void readsIcmpTypeAndCodeAndLeavesPortsZero()
    {
        final byte[] inner = ipv4("10.0.0.1", "10.0.0.9", UDP, udp(33000, 53, counting(8, 0)));
        assertEthernetParsed(ethernet(ETHERTYPE_IPV4,
            ipv4("10.0.0.254", "10.0.0.1", ICMP, icmp(3, 3, concat(new byte[4], inner)))));

        assertEquals(ICMP, view.protocol());
        assertEquals(3, view.icmpType());
        assertEquals(3, view.icmpCode());
        assertEquals(0, view.sourcePort());
        assertEquals(0, view.destinationPort());
        assertEquals(ipv4Value("10.0.0.254"), view.sourceLow());
        assertEquals(34, view.payloadOffset());
        assertEquals(8 + inner.length, view.payloadLength());
    }

    @Test
    void readsIcmpv6TypeAndCodeAndLeavesPortsZero()
    {
        assertEthernetParsed(ethernet(ETHERTYPE_IPV6, ipv6("2001:db8::1", "2001:db8::2", ICMPV6,
            icmp(1, 4, counting(12, 0)))));

        assertEquals(ICMPV6, view.protocol());
        assertEquals(1, view.icmpType());
        assertEquals(4, view.icmpCode());
        assertEquals(0, view.sourcePort());
        assertEquals(0, view.destinationPort());
    }

    @Test
    void rejectsTransportHeadersCutShort()
    {
        final byte[] tcp = ethernet(ETHERTYPE_IPV4, ipv4("10.0.0.1", "10.0.0.2", TCP, tcp(1, 2, ACK, new byte[0])));
        assertFalse(parse(LinkType.ETHERNET, tcp, 14 + 20 + 19, tcp.length));
        assertEquals(SkipReason.TRUNCATED_TRANSPORT_HEADER, view.skipReason());

        final byte[] udp = ethernet(ETHERTYPE_IPV4, ipv4("10.0.0.1", "10.0.0.2", UDP, udp(1, 2, new byte[0])));
        assertFalse(parse(LinkType.ETHERNET, udp, 14 + 20 + 7, udp.length));
        assertEquals(SkipReason.TRUNCATED_TRANSPORT_HEADER, view.skipReason());

        final byte[] sctp = ethernet(ETHERTYPE_IPV4, ipv4("10.0.0.1", "10.0.0.2", SCTP, sctpInit(1, 2)));
        assertFalse(parse(LinkType.ETHERNET, sctp, 14 + 20 + 11, sctp.length));
        assertEquals(SkipReason.TRUNCATED_TRANSPORT_HEADER, view.skipReason());

        // The IP header says the packet ends inside the UDP header; the padding after it is no UDP header.
        assertEthernetSkipped(SkipReason.TRUNCATED_TRANSPORT_HEADER, withU16(padded(udp, 0), 16, 24));
    }

    @Test
    void keepsPayloadEmptyWhenTcpHeaderClaimsMoreThanThePacket()
    {
        final byte[] frame = withU8(ethernet(ETHERTYPE_IPV4, ipv4("10.0.0.1", "10.0.0.2", TCP,
            tcp(1, 2, ACK, counting(8, 0)))), 14 + 20 + 12, 0xF0);

        assertEthernetParsed(frame);
        assertEquals(0, view.payloadLength());
        assertEquals(0, view.payloadLengthWire());
        assertEquals(frame.length, view.payloadOffset());
    }

    // Link types

    @Test
    void decodesRawIpOfEitherVersion()
    {
        assertParsed(LinkType.RAW, CraftedFrames.udp4(3));
        assertEquals(0, view.l3Offset());
        assertEquals(4, view.ipVersion());
        assertEquals(0x0800, view.etherType());
        assertEquals(0, view.sourceMac());

        assertParsed(LinkType.RAW, CraftedFrames.tcp6());
        assertEquals(0, view.l3Offset());
        assertEquals(6, view.ipVersion());
        assertEquals(0x86DD, view.etherType());

        assertSkipped(SkipReason.BAD_IP_HEADER, LinkType.RAW, withU8(CraftedFrames.udp4(3), 0, 0x55));
        assertSkipped(SkipReason.TRUNCATED_IP_HEADER, LinkType.RAW, new byte[0]);
    }

    @Test
    void decodesIpv4AndIpv6LinkTypes()
    {
        assertParsed(LinkType.IPV4, CraftedFrames.tcpData4());
        assertEquals(4, view.ipVersion());
        assertEquals(0, view.l3Offset());
        assertEquals(443, view.destinationPort());

        assertParsed(LinkType.IPV6, CraftedFrames.udp6());
        assertEquals(6, view.ipVersion());
        assertEquals(5353, view.destinationPort());

        assertSkipped(SkipReason.BAD_IP_HEADER, LinkType.IPV4, CraftedFrames.udp6());
        assertSkipped(SkipReason.BAD_IP_HEADER, LinkType.IPV6, CraftedFrames.tcpData4());
    }

    @Test
    void takesSourceMacFromLinuxCookedHeaderOnlyForEthernet()
    {
        final long mac = 0x0200_0000_0011L;
        assertParsed(LinkType.LINUX_SLL, linuxCooked(0, 1, macBytes(mac), ETHERTYPE_IPV4, CraftedFrames.tcpSyn4()));
        assertEquals(mac, view.sourceMac());
        assertEquals(0, view.destinationMac());
        assertEquals(16, view.l3Offset());
        assertEquals(40000, view.sourcePort());

        assertParsed(LinkType.LINUX_SLL, linuxCooked(0, 772, macBytes(mac), ETHERTYPE_IPV6, CraftedFrames.udp6()));
        assertEquals(0, view.sourceMac());
        assertEquals(6, view.ipVersion());

        assertParsed(LinkType.LINUX_SLL2, linuxCookedV2(ETHERTYPE_IPV4, 3, 1, 0, macBytes(mac), CraftedFrames.udp4(6)));
        assertEquals(mac, view.sourceMac());
        assertEquals(20, view.l3Offset());
        assertEquals(53, view.destinationPort());

        assertParsed(LinkType.LINUX_SLL2, linuxCookedV2(ETHERTYPE_IPV6, 4, 65534, 4, new byte[0], CraftedFrames.tcp6()));
        assertEquals(0, view.sourceMac());
        assertEquals(80, view.destinationPort());
    }

    @Test
    void readsBsdNullFamilyInEitherByteOrder()
    {
        for (final ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN})
        {
            assertParsed(LinkType.NULL, loopback(2, order, CraftedFrames.udp4(7)));
            assertEquals(4, view.ipVersion());
            assertEquals(4, view.l3Offset());
            for (final int family : new int[] {10, 24, 28, 30})
            {
                assertParsed(LinkType.NULL, loopback(family, order, CraftedFrames.tcp6()));
                assertEquals(6, view.ipVersion(), "family " + family + " " + order);
            }
            assertSkipped(SkipReason.NON_IP, LinkType.NULL, loopback(7, order, CraftedFrames.udp4(7)));
        }
    }

    @Test
    void readsLoopFamilyInNetworkByteOrder()
    {
        assertParsed(LinkType.LOOP, loopback(2, ByteOrder.BIG_ENDIAN, CraftedFrames.udp4(9)));
        assertEquals(4, view.ipVersion());
        for (final int family : new int[] {10, 24, 28, 30})
        {
            assertParsed(LinkType.LOOP, loopback(family, ByteOrder.BIG_ENDIAN, CraftedFrames.udp6()));
            assertEquals(6, view.ipVersion(), "family " + family);
        }
        assertSkipped(SkipReason.NON_IP, LinkType.LOOP, loopback(2, ByteOrder.LITTLE_ENDIAN, CraftedFrames.udp4(9)));
    }

    @Test
    void skipsUnsupportedLinkType()
    {
        assertSkipped(SkipReason.UNSUPPORTED_LINK_TYPE, 105, ethernet(ETHERTYPE_IPV4, CraftedFrames.tcpSyn4()));
        assertEquals(105, view.linkType());
    }

    @Test
    void rejectsLinkHeadersCutShort()
    {
        assertSkipped(SkipReason.TRUNCATED_LINK_HEADER, LinkType.ETHERNET, new byte[13]);
        assertSkipped(SkipReason.TRUNCATED_LINK_HEADER, LinkType.LINUX_SLL, new byte[15]);
        assertSkipped(SkipReason.TRUNCATED_LINK_HEADER, LinkType.LINUX_SLL2, new byte[19]);
        assertSkipped(SkipReason.TRUNCATED_LINK_HEADER, LinkType.NULL, new byte[3]);
        assertSkipped(SkipReason.TRUNCATED_LINK_HEADER, LinkType.LOOP, new byte[3]);
        assertSkipped(SkipReason.TRUNCATED_LINK_HEADER, LinkType.ETHERNET, ethernet(ETHERTYPE_VLAN, bytes(0, 1, 8)));
        assertSkipped(SkipReason.TRUNCATED_LINK_HEADER, LinkType.ETHERNET,
            ethernet(ETHERTYPE_PPPOE_SESSION, bytes(0x11, 0, 0, 1, 0, 0, 0)));
    }

    @Test
    void reportsArpAndIeee8023FramesAsNotIp()
    {
        assertEthernetSkipped(SkipReason.NON_IP, padded(ethernet(ETHERTYPE_ARP, arpRequest()), 0));
        assertEquals(ETHERTYPE_ARP, view.etherType());

        assertEthernetSkipped(SkipReason.NON_IP, padded(ethernet(38, bytes(0x42, 0x42, 0x03)), 0));
        assertEquals(38, view.etherType());
    }

    @Test
    void forgetsThePreviousPacket()
    {
        final PacketView fresh = new PacketView();
        final byte[] arp = padded(ethernet(ETHERTYPE_ARP, arpRequest()), 0);
        assertFalse(parser.parse(fresh, new UnsafeBuffer(arp), 0, arp.length, arp.length, 42L, LinkType.ETHERNET, 3));

        assertEthernetParsed(ethernet(ETHERTYPE_MPLS, mpls(new int[] {mplsEntry(1, 0, true, 1)},
            CraftedFrames.extensionChain6())));
        assertEthernetParsed(ethernet(ETHERTYPE_VLAN, vlanTag(0, 5, ETHERTYPE_IPV4, CraftedFrames.tcpData4())));
        assertEthernetSkipped(SkipReason.NON_IP, arp);

        assertEquals(ViewSnapshot.of(fresh), ViewSnapshot.of(view));
    }
}
