package io.weir.core.decode;

import static io.weir.core.decode.EthernetDescriptor.*;
import static io.weir.core.decode.IpDescriptor.*;
import static io.weir.core.decode.TransportDescriptor.*;

import java.nio.ByteOrder;

import io.weir.core.capture.LinkType;
import org.agrona.DirectBuffer;

/**
 * Decodes a captured frame into a {@link PacketView}: link layer (Ethernet, Linux cooked v1/v2,
 * BSD loopback, raw IP), VLAN/QinQ tags, MPLS label stacks, PPPoE sessions, IPv4 and IPv6 with
 * extension headers, and TCP, UDP, SCTP, ICMP and ICMPv6 headers. It never throws for bad data
 * and never reads past the captured bytes: it stops at the last good layer and says why.
 * Stateless apart from the view it fills; not thread safe only because the view is not.
 */
public final class PacketParser
{
    private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;
    private static final int MAX_LINK_TAGS = 8;
    private static final int MAX_MPLS_LABELS = 16;
    private static final int AF_INET = 2;

    /**
     * Decodes one frame.
     *
     * @return true when the packet has an IP header and a usable transport header, i.e. can make a
     *         flow; false with {@link PacketView#skipReason()} set otherwise
     */
    public boolean parse(final PacketView view, final DirectBuffer buffer, final int offset,
                         final int capturedLength, final int wireLength, final long timestampNs,
                         final int linkType, final int interfaceId)
    {
        view.reset(buffer, offset, capturedLength, wireLength, timestampNs, linkType, interfaceId);
        final int end = offset + capturedLength;
        int position;
        int etherType;
        switch (linkType)
        {
            case LinkType.ETHERNET:
                if (capturedLength < EthernetDescriptor.HEADER_LENGTH)
                {
                    return skip(view, SkipReason.TRUNCATED_LINK_HEADER);
                }
                view.destinationMac = mac(buffer, offset + DESTINATION_OFFSET);
                view.sourceMac = mac(buffer, offset + SOURCE_OFFSET);
                etherType = u16(buffer, offset + ETHER_TYPE_OFFSET);
                position = offset + EthernetDescriptor.HEADER_LENGTH;
                break;
            case LinkType.LINUX_SLL:
                if (capturedLength < SLL_HEADER_LENGTH)
                {
                    return skip(view, SkipReason.TRUNCATED_LINK_HEADER);
                }
                if (u16(buffer, offset + SLL_HATYPE_OFFSET) == ARPHRD_ETHER && u16(buffer, offset + SLL_HALEN_OFFSET) == 6)
                {
                    view.sourceMac = mac(buffer, offset + SLL_ADDRESS_OFFSET);
                }
                etherType = u16(buffer, offset + SLL_PROTOCOL_OFFSET);
                position = offset + SLL_HEADER_LENGTH;
                break;
            case LinkType.LINUX_SLL2:
                if (capturedLength < SLL2_HEADER_LENGTH)
                {
                    return skip(view, SkipReason.TRUNCATED_LINK_HEADER);
                }
                if (u16(buffer, offset + SLL2_HATYPE_OFFSET) == ARPHRD_ETHER && u8(buffer, offset + SLL2_HALEN_OFFSET) == 6)
                {
                    view.sourceMac = mac(buffer, offset + SLL2_ADDRESS_OFFSET);
                }
                etherType = u16(buffer, offset + SLL2_PROTOCOL_OFFSET);
                position = offset + SLL2_HEADER_LENGTH;
                break;
            case LinkType.NULL:
            case LinkType.LOOP:
                if (capturedLength < 4)
                {
                    return skip(view, SkipReason.TRUNCATED_LINK_HEADER);
                }
                etherType = loopbackEtherType(buffer.getInt(offset, BIG), linkType == LinkType.NULL);
                position = offset + 4;
                break;
            case LinkType.RAW:
                if (capturedLength < 1)
                {
                    return skip(view, SkipReason.TRUNCATED_IP_HEADER);
                }
                etherType = rawEtherType(buffer, offset);
                if (etherType == 0)
                {
                    return skip(view, SkipReason.BAD_IP_HEADER);
                }
                position = offset;
                break;
            case LinkType.IPV4:
                etherType = TYPE_IPV4;
                position = offset;
                break;
            case LinkType.IPV6:
                etherType = TYPE_IPV6;
                position = offset;
                break;
            default:
                return skip(view, SkipReason.UNSUPPORTED_LINK_TYPE);
        }

        int tags = 0;
        boolean mplsSeen = false;
        while (true)
        {
            if (etherType == TYPE_VLAN || etherType == TYPE_QINQ || etherType == TYPE_QINQ_OLD)
            {
                if (position + VLAN_TAG_LENGTH > end)
                {
                    return skip(view, SkipReason.TRUNCATED_LINK_HEADER);
                }
                if (++tags > MAX_LINK_TAGS)
                {
                    return skip(view, SkipReason.MALFORMED_LINK_LAYER);
                }
                if (view.vlanCount++ == 0)
                {
                    view.vlanId = u16(buffer, position) & 0x0FFF;
                }
                etherType = u16(buffer, position + 2);
                position += VLAN_TAG_LENGTH;
            }
            else if (etherType == TYPE_MPLS_UNICAST || etherType == TYPE_MPLS_MULTICAST)
            {
                int labels = 0;
                int entry;
                do
                {
                    if (position + MPLS_ENTRY_LENGTH > end)
                    {
                        return skip(view, SkipReason.TRUNCATED_LINK_HEADER);
                    }
                    if (++labels > MAX_MPLS_LABELS)
                    {
                        return skip(view, SkipReason.MALFORMED_LINK_LAYER);
                    }
                    entry = buffer.getInt(position, BIG);
                    if (!mplsSeen)
                    {
                        view.mplsTopEntry = entry;
                        mplsSeen = true;
                    }
                    position += MPLS_ENTRY_LENGTH;
                }
                while ((entry & MPLS_BOTTOM_OF_STACK) == 0);
                if (position >= end)
                {
                    return skip(view, SkipReason.TRUNCATED_IP_HEADER);
                }
                final int nibble = u8(buffer, position) >>> 4;
                if (nibble == 4)
                {
                    etherType = TYPE_IPV4;
                }
                else if (nibble == 6)
                {
                    etherType = TYPE_IPV6;
                }
                else if (nibble == 0)
                {
                    // Ethernet over MPLS: pseudowire control word, then a whole Ethernet frame.
                    if (position + 4 + EthernetDescriptor.HEADER_LENGTH > end)
                    {
                        return skip(view, SkipReason.TRUNCATED_LINK_HEADER);
                    }
                    if (++tags > MAX_LINK_TAGS)
                    {
                        return skip(view, SkipReason.MALFORMED_LINK_LAYER);
                    }
                    position += 4;
                    etherType = u16(buffer, position + ETHER_TYPE_OFFSET);
                    position += EthernetDescriptor.HEADER_LENGTH;
                }
                else
                {
                    view.etherType = etherType;
                    return skip(view, SkipReason.NON_IP);
                }
            }
            else if (etherType == TYPE_PPPOE_SESSION)
            {
                if (position + PPPOE_HEADER_LENGTH + 1 > end)
                {
                    return skip(view, SkipReason.TRUNCATED_LINK_HEADER);
                }
                if (u8(buffer, position + 1) != 0)
                {
                    return skip(view, SkipReason.MALFORMED_LINK_LAYER);
                }
                int pppProtocol = u8(buffer, position + PPPOE_HEADER_LENGTH);
                int pppProtocolLength = 1;
                // PPP protocol numbers have an even first octet; an odd one is a protocol sent in one octet
                // (RFC 1661 protocol field compression).
                if ((pppProtocol & 1) == 0)
                {
                    if (position + PPPOE_HEADER_LENGTH + 2 > end)
                    {
                        return skip(view, SkipReason.TRUNCATED_LINK_HEADER);
                    }
                    pppProtocol = u16(buffer, position + PPPOE_HEADER_LENGTH);
                    pppProtocolLength = 2;
                }
                position += PPPOE_HEADER_LENGTH + pppProtocolLength;
                if (pppProtocol == PPP_IPV4)
                {
                    etherType = TYPE_IPV4;
                }
                else if (pppProtocol == PPP_IPV6)
                {
                    etherType = TYPE_IPV6;
                }
                else
                {
                    view.etherType = TYPE_PPPOE_SESSION;
                    return skip(view, SkipReason.NON_IP);
                }
            }
            else
            {
                break;
            }
        }

        view.etherType = etherType;
        view.l3Offset = position;
        if (etherType == TYPE_IPV4)
        {
            return parseIpv4(view, buffer, position, end);
        }
        if (etherType == TYPE_IPV6)
        {
            return parseIpv6(view, buffer, position, end);
        }
        return skip(view, SkipReason.NON_IP);
    }

    private static boolean parseIpv4(final PacketView view, final DirectBuffer buffer, final int l3, final int end)
    {
        if (l3 + IPV4_MIN_HEADER_LENGTH > end)
        {
            return skip(view, SkipReason.TRUNCATED_IP_HEADER);
        }
        final int versionAndLength = u8(buffer, l3);
        final int headerLength = (versionAndLength & 0x0F) << 2;
        if (versionAndLength >>> 4 != 4 || headerLength < IPV4_MIN_HEADER_LENGTH)
        {
            return skip(view, SkipReason.BAD_IP_HEADER);
        }
        if (l3 + headerLength > end)
        {
            return skip(view, SkipReason.TRUNCATED_IP_HEADER);
        }
        final int totalLength = u16(buffer, l3 + IPV4_TOTAL_LENGTH_OFFSET);
        if (totalLength != 0 && totalLength < headerLength)
        {
            return skip(view, SkipReason.BAD_IP_HEADER);
        }
        final int fragmentField = u16(buffer, l3 + IPV4_FRAGMENT_OFFSET);
        view.ipVersion = 4;
        view.ipHeaderLength = headerLength;
        view.tos = u8(buffer, l3 + IPV4_TOS_OFFSET);
        view.fragmentId = u16(buffer, l3 + IPV4_ID_OFFSET);
        view.ipFlags = fragmentField >>> 13;
        view.fragmentOffset = fragmentField & IPV4_OFFSET_MASK;
        view.moreFragments = (fragmentField & IPV4_MORE_FRAGMENTS) != 0;
        view.ttl = u8(buffer, l3 + IPV4_TTL_OFFSET);
        view.protocol = u8(buffer, l3 + IPV4_PROTOCOL_OFFSET);
        view.sourceLow = buffer.getInt(l3 + IPV4_SOURCE_OFFSET, BIG) & 0xFFFF_FFFFL;
        view.destinationLow = buffer.getInt(l3 + IPV4_DESTINATION_OFFSET, BIG) & 0xFFFF_FFFFL;
        // Total length 0 comes from TCP segmentation offload: the frame tells how long the packet is.
        view.ipLength = totalLength != 0 ? totalLength : Math.max(headerLength, frameBytesFrom(view, l3));
        return parseTransport(view, buffer, l3 + headerLength, Math.min(end, l3 + view.ipLength), l3);
    }

    private static boolean parseIpv6(final PacketView view, final DirectBuffer buffer, final int l3, final int end)
    {
        if (l3 + IPV6_HEADER_LENGTH > end)
        {
            return skip(view, SkipReason.TRUNCATED_IP_HEADER);
        }
        final int first = buffer.getInt(l3, BIG);
        if (first >>> 28 != 6)
        {
            return skip(view, SkipReason.BAD_IP_HEADER);
        }
        final int payloadLength = u16(buffer, l3 + IPV6_PAYLOAD_LENGTH_OFFSET);
        view.ipVersion = 6;
        view.tos = (first >>> 20) & 0xFF;
        view.ttl = u8(buffer, l3 + IPV6_HOP_LIMIT_OFFSET);
        view.sourceHigh = buffer.getLong(l3 + IPV6_SOURCE_OFFSET, BIG);
        view.sourceLow = buffer.getLong(l3 + IPV6_SOURCE_OFFSET + 8, BIG);
        view.destinationHigh = buffer.getLong(l3 + IPV6_DESTINATION_OFFSET, BIG);
        view.destinationLow = buffer.getLong(l3 + IPV6_DESTINATION_OFFSET + 8, BIG);
        // Payload length 0 is a jumbogram (or offload): take the length from the frame.
        view.ipLength = payloadLength != 0
            ? payloadLength + IPV6_HEADER_LENGTH : Math.max(IPV6_HEADER_LENGTH, frameBytesFrom(view, l3));
        final int ipEnd = Math.min(end, l3 + view.ipLength);

        int nextHeader = u8(buffer, l3 + IPV6_NEXT_HEADER_OFFSET);
        int position = l3 + IPV6_HEADER_LENGTH;
        int headers = 0;
        while (isExtensionHeader(nextHeader))
        {
            if (++headers > IPV6_MAX_EXTENSION_HEADERS || position + 8 > ipEnd)
            {
                view.protocol = nextHeader;
                return skip(view, SkipReason.BAD_IPV6_EXTENSION_HEADERS);
            }
            final int following = u8(buffer, position);
            final int length;
            if (nextHeader == PROTO_FRAGMENT)
            {
                final int offsetField = u16(buffer, position + 2);
                view.fragmentOffset = offsetField >>> 3;
                view.moreFragments = (offsetField & 1) != 0;
                view.fragmentId = buffer.getInt(position + 4, BIG);
                length = IPV6_FRAGMENT_HEADER_LENGTH;
            }
            else if (nextHeader == PROTO_AH)
            {
                length = (u8(buffer, position + 1) + 2) << 2;
            }
            else
            {
                length = (u8(buffer, position + 1) + 1) << 3;
            }
            if (position + length > ipEnd)
            {
                view.protocol = nextHeader;
                return skip(view, SkipReason.BAD_IPV6_EXTENSION_HEADERS);
            }
            position += length;
            nextHeader = following;
            if (view.fragmentOffset != 0)
            {
                // What follows the fragment header of a later fragment is fragment data, not headers.
                break;
            }
        }
        view.ipHeaderLength = position - l3;
        view.protocol = nextHeader;
        return parseTransport(view, buffer, position, ipEnd, l3);
    }

    /** Bytes from {@code l3} to the end of the frame on the wire (or as captured, if the wire length is less). */
    private static int frameBytesFrom(final PacketView view, final int l3)
    {
        return Math.max(view.wireLength, view.capturedLength) - (l3 - view.frameOffset);
    }

    private static boolean isExtensionHeader(final int nextHeader)
    {
        switch (nextHeader)
        {
            case PROTO_HOPOPTS, PROTO_ROUTING, PROTO_FRAGMENT, PROTO_AH, PROTO_DSTOPTS, PROTO_MOBILITY:
                return true;
            default:
                return false;
        }
    }

    /**
     * @param l4  start of the transport header
     * @param end end of the captured bytes that belong to the IP packet (Ethernet padding excluded)
     */
    private static boolean parseTransport(
        final PacketView view, final DirectBuffer buffer, final int l4, final int end, final int l3)
    {
        final int protocol = view.protocol;
        view.l4Offset = l4;
        int payload = l4;
        if (view.fragmentOffset == 0)
        {
            switch (protocol)
            {
                case PROTO_TCP:
                    if (l4 + TCP_MIN_HEADER_LENGTH > end)
                    {
                        return skip(view, SkipReason.TRUNCATED_TRANSPORT_HEADER);
                    }
                    payload = parseTcp(view, buffer, l4, end);
                    break;
                case PROTO_UDP:
                    if (l4 + UDP_HEADER_LENGTH > end)
                    {
                        return skip(view, SkipReason.TRUNCATED_TRANSPORT_HEADER);
                    }
                    view.sourcePort = u16(buffer, l4);
                    view.destinationPort = u16(buffer, l4 + 2);
                    payload = l4 + UDP_HEADER_LENGTH;
                    break;
                case PROTO_SCTP:
                    if (l4 + SCTP_HEADER_LENGTH > end)
                    {
                        return skip(view, SkipReason.TRUNCATED_TRANSPORT_HEADER);
                    }
                    view.sourcePort = u16(buffer, l4);
                    view.destinationPort = u16(buffer, l4 + 2);
                    payload = l4 + SCTP_HEADER_LENGTH;
                    break;
                case PROTO_ICMP:
                case PROTO_ICMPV6:
                    if (l4 + ICMP_MIN_LENGTH <= end)
                    {
                        view.icmpType = u8(buffer, l4);
                        view.icmpCode = u8(buffer, l4 + 1);
                    }
                    break;
                default:
                    break;
            }
        }
        view.payloadOffset = Math.min(payload, Math.max(end, l4));
        view.payloadLength = Math.max(0, end - payload);
        view.payloadLengthWire = Math.max(0, view.ipLength - (payload - l3));
        return true;
    }

    private static int parseTcp(final PacketView view, final DirectBuffer buffer, final int l4, final int end)
    {
        view.sourcePort = u16(buffer, l4);
        view.destinationPort = u16(buffer, l4 + 2);
        view.tcpSequence = buffer.getInt(l4 + TCP_SEQUENCE_OFFSET, BIG);
        view.tcpAcknowledgement = buffer.getInt(l4 + TCP_ACK_OFFSET, BIG);
        view.tcpFlags = u8(buffer, l4 + TCP_FLAGS_OFFSET);
        view.tcpWindow = u16(buffer, l4 + TCP_WINDOW_OFFSET);
        final int headerLength = Math.max(TCP_MIN_HEADER_LENGTH, (u8(buffer, l4 + TCP_DATA_OFFSET_OFFSET) >>> 4) << 2);
        final int optionsEnd = Math.min(l4 + headerLength, end);
        int option = l4 + TCP_MIN_HEADER_LENGTH;
        while (option < optionsEnd)
        {
            final int kind = u8(buffer, option);
            if (kind < Long.SIZE)
            {
                // IANA tcpOptions (209) numbers the bits of each octet from the other end: kind 0 is bit 7.
                view.tcpOptions |= 1L << ((kind & 0xF8) + (7 - (kind & 0x07)));
            }
            if (kind == TCP_OPTION_END)
            {
                break;
            }
            if (kind == TCP_OPTION_NOP)
            {
                option++;
                continue;
            }
            if (option + 1 >= optionsEnd)
            {
                break;
            }
            final int length = u8(buffer, option + 1);
            if (length < 2 || option + length > optionsEnd)
            {
                break;
            }
            if (kind == TCP_OPTION_MSS && length == 4)
            {
                view.tcpMss = u16(buffer, option + 2);
            }
            option += length;
        }
        return l4 + headerLength;
    }

    private static int loopbackEtherType(final int familyBigEndian, final boolean hostOrder)
    {
        int family = familyBigEndian;
        if (hostOrder && (family & 0xFFFF_0000) != 0)
        {
            family = Integer.reverseBytes(family);
        }
        if (family == AF_INET)
        {
            return TYPE_IPV4;
        }
        // AF_INET6 differs by OS: Linux 10, NetBSD/OpenBSD 24, FreeBSD 28, macOS 30.
        if (family == 10 || family == 24 || family == 28 || family == 30)
        {
            return TYPE_IPV6;
        }
        return 0;
    }

    private static int rawEtherType(final DirectBuffer buffer, final int offset)
    {
        final int version = u8(buffer, offset) >>> 4;
        return version == 4 ? TYPE_IPV4 : version == 6 ? TYPE_IPV6 : 0;
    }

    private static boolean skip(final PacketView view, final SkipReason reason)
    {
        view.skipReason = reason;
        return false;
    }

    private static int u8(final DirectBuffer buffer, final int index)
    {
        return buffer.getByte(index) & 0xFF;
    }

    private static int u16(final DirectBuffer buffer, final int index)
    {
        return buffer.getShort(index, BIG) & 0xFFFF;
    }

    private static long mac(final DirectBuffer buffer, final int index)
    {
        return ((long)u16(buffer, index) << 32) | (buffer.getInt(index + 2, BIG) & 0xFFFF_FFFFL);
    }
}
