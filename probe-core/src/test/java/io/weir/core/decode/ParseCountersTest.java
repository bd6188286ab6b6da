package io.weir.core.decode;

import static io.weir.core.decode.Layers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteOrder;
import java.util.EnumMap;
import java.util.Map;

import io.weir.core.capture.LinkType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class ParseCountersTest
{
    private final PacketParser parser = new PacketParser();
    private final PacketView view = new PacketView();

    private void skip(final ParseCounters counters, final int linkType, final byte[] frame, final int capturedLength)
    {
        assertFalse(parser.parse(view, new UnsafeBuffer(frame), 0, capturedLength, frame.length, 0, linkType, 0));
        counters.onSkipped(view);
    }

    private void skip(final ParseCounters counters, final int linkType, final byte[] frame)
    {
        skip(counters, linkType, frame, frame.length);
    }

    /** One frame the parser skips for each reason. */
    private void skipOnce(final ParseCounters counters, final SkipReason reason)
    {
        final byte[] udp4 = ethernet(ETHERTYPE_IPV4, CraftedFrames.udp4(4));
        switch (reason)
        {
            case UNSUPPORTED_LINK_TYPE -> skip(counters, 105, udp4);
            case TRUNCATED_LINK_HEADER -> skip(counters, LinkType.ETHERNET, udp4, 13);
            case MALFORMED_LINK_LAYER -> skip(counters, LinkType.ETHERNET, ethernet(ETHERTYPE_PPPOE_SESSION,
                withU8(pppoeSession(1, PPP_IPV4, CraftedFrames.udp4(4)), 1, 0x09)));
            case NON_IP -> skip(counters, LinkType.ETHERNET, padded(ethernet(ETHERTYPE_ARP, arpRequest()), 0));
            case TRUNCATED_IP_HEADER -> skip(counters, LinkType.ETHERNET, udp4, 14 + 19);
            case BAD_IP_HEADER -> skip(counters, LinkType.ETHERNET, withU8(udp4, 14, 0x35));
            case BAD_IPV6_EXTENSION_HEADERS -> skip(counters, LinkType.ETHERNET, ethernet(ETHERTYPE_IPV6,
                ipv6("::1", "::2", HOPOPTS, optionsHeader(UDP, 1, new byte[0]))), 14 + 40 + 7);
            case TRUNCATED_TRANSPORT_HEADER -> skip(counters, LinkType.ETHERNET, udp4, 14 + 20 + 7);
            default -> throw new IllegalArgumentException(reason.name());
        }
        assertEquals(reason, view.skipReason());
    }

    @Test
    void countsSkippedPacketsByReason()
    {
        final ParseCounters counters = new ParseCounters();
        final Map<SkipReason, Long> expected = new EnumMap<>(SkipReason.class);
        long total = 0;
        for (final SkipReason reason : SkipReason.values())
        {
            final int times = reason.ordinal() + 1;
            for (int i = 0; i < times; i++)
            {
                skipOnce(counters, reason);
            }
            expected.put(reason, (long)times);
            total += times;
        }

        for (final SkipReason reason : SkipReason.values())
        {
            assertEquals(expected.get(reason), counters.skipped(reason), reason.name());
        }
        assertEquals(total, counters.skippedTotal());
    }

    @Test
    void breaksDownNotIpByTheEtherTypeAfterTagsAndLabels()
    {
        final ParseCounters counters = new ParseCounters();
        skip(counters, LinkType.ETHERNET, padded(ethernet(ETHERTYPE_VLAN, vlanTag(0, 10, ETHERTYPE_ARP, arpRequest())), 0));
        skip(counters, LinkType.ETHERNET, padded(ethernet(ETHERTYPE_QINQ, vlanTag(0, 10, ETHERTYPE_VLAN,
            vlanTag(0, 11, ETHERTYPE_ARP, arpRequest()))), 0));
        skip(counters, LinkType.ETHERNET, ethernet(ETHERTYPE_MPLS, mpls(new int[] {mplsEntry(3, 0, true, 1)},
            filled(46, 0x11))));
        skip(counters, LinkType.ETHERNET, padded(ethernet(0x88CC, bytes(2, 7, 4)), 0));
        skip(counters, LinkType.NULL, loopback(7, ByteOrder.LITTLE_ENDIAN, CraftedFrames.udp4(1)));
        skip(counters, LinkType.LINUX_SLL, linuxCooked(0, 1, macBytes(MAC_A), ETHERTYPE_ARP, arpRequest()));

        assertEquals(6, counters.skipped(SkipReason.NON_IP));
        assertEquals(Map.of(ETHERTYPE_ARP, 3L, ETHERTYPE_MPLS, 1L, 0x88CC, 1L, 0, 1L), counters.nonIpEtherTypes());
        assertEquals(Map.of(), counters.unsupportedLinkTypes());
    }

    @Test
    void breaksDownUnsupportedLinkTypes()
    {
        final ParseCounters counters = new ParseCounters();
        final byte[] frame = ethernet(ETHERTYPE_IPV4, CraftedFrames.udp4(4));
        skip(counters, 105, frame);
        skip(counters, 127, frame);
        skip(counters, 105, frame);

        assertEquals(3, counters.skipped(SkipReason.UNSUPPORTED_LINK_TYPE));
        assertEquals(Map.of(105, 2L, 127, 1L), counters.unsupportedLinkTypes());
        assertEquals(Map.of(), counters.nonIpEtherTypes());
    }

    @Test
    void addsTheCountsOfAnotherWorker()
    {
        final ParseCounters first = new ParseCounters();
        final ParseCounters second = new ParseCounters();
        skipOnce(first, SkipReason.NON_IP);
        skip(first, 105, new byte[20]);
        skipOnce(second, SkipReason.NON_IP);
        skipOnce(second, SkipReason.BAD_IP_HEADER);
        skip(second, 105, new byte[20]);
        skip(second, 147, new byte[20]);

        first.add(second);

        assertEquals(2, first.skipped(SkipReason.NON_IP));
        assertEquals(1, first.skipped(SkipReason.BAD_IP_HEADER));
        assertEquals(3, first.skipped(SkipReason.UNSUPPORTED_LINK_TYPE));
        assertEquals(6, first.skippedTotal());
        assertEquals(Map.of(ETHERTYPE_ARP, 2L), first.nonIpEtherTypes());
        assertEquals(Map.of(105, 2L, 147, 1L), first.unsupportedLinkTypes());
        assertEquals(4, second.skippedTotal());
    }
}
