package io.weir.core.decode;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Builds protocol headers for tests, inside out: each method takes the bytes that follow the
 * header and returns header plus those bytes, filling in length fields from what follows.
 * Values are written exactly as given (checksums stay zero: weir does not verify them).
 */
final class Layers
{
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_ARP = 0x0806;
    static final int ETHERTYPE_IPV6 = 0x86DD;
    static final int ETHERTYPE_VLAN = 0x8100;
    static final int ETHERTYPE_QINQ = 0x88A8;
    static final int ETHERTYPE_QINQ_OLD = 0x9100;
    static final int ETHERTYPE_MPLS = 0x8847;
    static final int ETHERTYPE_PPPOE_DISCOVERY = 0x8863;
    static final int ETHERTYPE_PPPOE_SESSION = 0x8864;

    static final int PPP_IPV4 = 0x0021;
    static final int PPP_IPV6 = 0x0057;
    static final int PPP_LCP = 0xC021;

    static final int HOPOPTS = 0;
    static final int ICMP = 1;
    static final int TCP = 6;
    static final int UDP = 17;
    static final int ROUTING = 43;
    static final int FRAGMENT = 44;
    static final int AH = 51;
    static final int ICMPV6 = 58;
    static final int NO_NEXT_HEADER = 59;
    static final int DSTOPTS = 60;
    static final int SCTP = 132;
    static final int MOBILITY = 135;

    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int PSH = 0x08;
    static final int ACK = 0x10;
    static final int URG = 0x20;
    static final int ECE = 0x40;
    static final int CWR = 0x80;

    static final int IPV4_DONT_FRAGMENT = 0x4000;
    static final int IPV4_MORE_FRAGMENTS = 0x2000;

    static final long MAC_A = 0x0200_0000_000AL;
    static final long MAC_B = 0x0200_0000_000BL;

    private Layers()
    {
    }

    static byte[] bytes(final int... values)
    {
        final byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++)
        {
            result[i] = (byte)values[i];
        }
        return result;
    }

    static byte[] filled(final int length, final int value)
    {
        final byte[] result = new byte[length];
        Arrays.fill(result, (byte)value);
        return result;
    }

    /** {@code length} bytes counting up from {@code first}: payload whose position is visible in a diff. */
    static byte[] counting(final int length, final int first)
    {
        final byte[] result = new byte[length];
        for (int i = 0; i < length; i++)
        {
            result[i] = (byte)(first + i);
        }
        return result;
    }

    static byte[] concat(final byte[]... parts)
    {
        int length = 0;
        for (final byte[] part : parts)
        {
            length += part.length;
        }
        final byte[] result = new byte[length];
        int position = 0;
        for (final byte[] part : parts)
        {
            System.arraycopy(part, 0, result, position, part.length);
            position += part.length;
        }
        return result;
    }

    /** A copy with a big-endian 16-bit value written at {@code index}. */
    static byte[] withU16(final byte[] frame, final int index, final int value)
    {
        final byte[] copy = frame.clone();
        copy[index] = (byte)(value >>> 8);
        copy[index + 1] = (byte)value;
        return copy;
    }

    static byte[] withU8(final byte[] frame, final int index, final int value)
    {
        final byte[] copy = frame.clone();
        copy[index] = (byte)value;
        return copy;
    }

    static byte[] address(final String literal)
    {
        try
        {
            return InetAddress.getByName(literal).getAddress();
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException(literal, ex);
        }
    }

    /** An IPv4 address as weir holds it (low 32 bits of the low long). */
    static long ipv4Value(final String literal)
    {
        return ByteBuffer.wrap(address(literal)).getInt() & 0xFFFF_FFFFL;
    }

    static long ipv6High(final String literal)
    {
        return ByteBuffer.wrap(address(literal)).getLong(0);
    }

    static long ipv6Low(final String literal)
    {
        return ByteBuffer.wrap(address(literal)).getLong(8);
    }

    private static ByteBuffer buffer(final int length)
    {
        return ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN);
    }

    private static void putMac(final ByteBuffer out, final long mac)
    {
        out.putShort((short)(mac >>> 32)).putInt((int)mac);
    }

    static byte[] ethernet(final long destination, final long source, final int etherType, final byte[] payload)
    {
        final ByteBuffer out = buffer(14 + payload.length);
        putMac(out, destination);
        putMac(out, source);
        out.putShort((short)etherType).put(payload);
        return out.array();
    }

    static byte[] ethernet(final int etherType, final byte[] payload)
    {
        return ethernet(MAC_B, MAC_A, etherType, payload);
    }

    /** Pads a frame to the 60-byte Ethernet minimum with {@code fill} bytes (as some NICs leave garbage there). */
    static byte[] padded(final byte[] frame, final int fill)
    {
        if (frame.length >= 60)
        {
            return frame;
        }
        return concat(frame, filled(60 - frame.length, fill));
    }

    /** One 802.1Q/802.1ad tag: TCI (PCP, DEI, VID) and the EtherType that follows it. */
    static byte[] vlanTag(final int priority, final int vlanId, final int etherType, final byte[] payload)
    {
        final ByteBuffer out = buffer(4 + payload.length);
        out.putShort((short)((priority << 13) | vlanId)).putShort((short)etherType).put(payload);
        return out.array();
    }

    static int mplsEntry(final int label, final int trafficClass, final boolean bottom, final int ttl)
    {
        return (label << 12) | (trafficClass << 9) | (bottom ? 0x100 : 0) | ttl;
    }

    static byte[] mpls(final int[] entries, final byte[] payload)
    {
        final ByteBuffer out = buffer(4 * entries.length + payload.length);
        for (final int entry : entries)
        {
            out.putInt(entry);
        }
        return out.put(payload).array();
    }

    /** RFC 4385 pseudowire control word (first nibble 0) before an Ethernet frame carried over MPLS. */
    static byte[] controlWord(final int sequence, final byte[] ethernetFrame)
    {
        final ByteBuffer out = buffer(4 + ethernetFrame.length);
        return out.putInt(sequence & 0xFFFF).put(ethernetFrame).array();
    }

    static byte[] pppoeSession(final int sessionId, final int pppProtocol, final byte[] payload)
    {
        final ByteBuffer out = buffer(8 + payload.length);
        out.put((byte)0x11).put((byte)0).putShort((short)sessionId).putShort((short)(2 + payload.length));
        return out.putShort((short)pppProtocol).put(payload).array();
    }

    /** PPPoE session whose PPP protocol field is compressed to one octet (RFC 1661 section 6.5). */
    static byte[] pppoeSessionCompressed(final int sessionId, final int pppProtocol, final byte[] payload)
    {
        final ByteBuffer out = buffer(7 + payload.length);
        out.put((byte)0x11).put((byte)0).putShort((short)sessionId).putShort((short)(1 + payload.length));
        return out.put((byte)pppProtocol).put(payload).array();
    }

    /** PPPoE Active Discovery Initiation with a Service-Name tag. */
    static byte[] pppoeDiscoveryInitiation()
    {
        final byte[] tags = bytes(0x01, 0x01, 0x00, 0x00);
        final ByteBuffer out = buffer(6 + tags.length);
        out.put((byte)0x11).put((byte)0x09).putShort((short)0).putShort((short)tags.length);
        return out.put(tags).array();
    }

    /** LCP Configure-Request with a magic-number option. */
    static byte[] lcpConfigureRequest()
    {
        return bytes(0x01, 0x01, 0x00, 0x0A, 0x05, 0x06, 0x12, 0x34, 0x56, 0x78);
    }

    static byte[] arpRequest()
    {
        final ByteBuffer out = buffer(28);
        out.putShort((short)1).putShort((short)0x0800).put((byte)6).put((byte)4).putShort((short)1);
        putMac(out, MAC_A);
        out.put(address("10.0.0.1"));
        putMac(out, 0);
        out.put(address("10.0.0.2"));
        return out.array();
    }

    static byte[] ipv4(final String source, final String destination, final int protocol, final byte[] payload)
    {
        return ipv4(source, destination, protocol, 0, 64, 0x1234, IPV4_DONT_FRAGMENT, new byte[0], payload);
    }

    /**
     * @param flagsAndOffset the 16-bit flags/fragment offset field as on the wire
     * @param options        IPv4 options, a multiple of 4 bytes
     */
    static byte[] ipv4(final String source, final String destination, final int protocol, final int tos, final int ttl,
                       final int id, final int flagsAndOffset, final byte[] options, final byte[] payload)
    {
        if (options.length % 4 != 0)
        {
            throw new IllegalArgumentException("IPv4 options must fill whole words");
        }
        final int headerLength = 20 + options.length;
        final ByteBuffer out = buffer(headerLength + payload.length);
        out.put((byte)(0x40 | headerLength / 4)).put((byte)tos).putShort((short)(headerLength + payload.length));
        out.putShort((short)id).putShort((short)flagsAndOffset).put((byte)ttl).put((byte)protocol).putShort((short)0);
        out.put(address(source)).put(address(destination)).put(options).put(payload);
        return out.array();
    }

    static byte[] ipv6(final String source, final String destination, final int nextHeader, final byte[] payload)
    {
        return ipv6(source, destination, nextHeader, 0, 64, payload);
    }

    static byte[] ipv6(final String source, final String destination, final int nextHeader, final int trafficClass,
                       final int hopLimit, final byte[] payload)
    {
        final ByteBuffer out = buffer(40 + payload.length);
        out.putInt((6 << 28) | (trafficClass << 20) | 0x12345);
        out.putShort((short)payload.length).put((byte)nextHeader).put((byte)hopLimit);
        return out.put(address(source)).put(address(destination)).put(payload).array();
    }

    /**
     * Hop-by-hop or destination options header of {@code units8} 8-octet units, filled with one
     * PadN option (so that it is well formed).
     */
    static byte[] optionsHeader(final int nextHeader, final int units8, final byte[] payload)
    {
        final int length = 8 * units8;
        final ByteBuffer out = buffer(length + payload.length);
        out.put((byte)nextHeader).put((byte)(units8 - 1));
        out.put((byte)1).put((byte)(length - 4)).put(new byte[length - 4]);
        return out.put(payload).array();
    }

    /** Type 0 routing header with segments left 0 and {@code addresses} addresses. */
    static byte[] routingHeader(final int nextHeader, final String[] addresses, final byte[] payload)
    {
        final ByteBuffer out = buffer(8 + 16 * addresses.length + payload.length);
        out.put((byte)nextHeader).put((byte)(2 * addresses.length)).put((byte)0).put((byte)0).putInt(0);
        for (final String address : addresses)
        {
            out.put(address(address));
        }
        return out.put(payload).array();
    }

    static byte[] fragmentHeader(final int nextHeader, final int offsetUnits8, final boolean more,
                                 final int identification, final byte[] payload)
    {
        final ByteBuffer out = buffer(8 + payload.length);
        out.put((byte)nextHeader).put((byte)0).putShort((short)((offsetUnits8 << 3) | (more ? 1 : 0)));
        return out.putInt(identification).put(payload).array();
    }

    /** Authentication header with an ICV of {@code icvWords} 32-bit words (payload length = words + 1). */
    static byte[] authenticationHeader(final int nextHeader, final int icvWords, final byte[] payload)
    {
        final ByteBuffer out = buffer(12 + 4 * icvWords + payload.length);
        out.put((byte)nextHeader).put((byte)(icvWords + 1)).putShort((short)0);
        out.putInt(0x1000).putInt(7).put(filled(4 * icvWords, 0xAB));
        return out.put(payload).array();
    }

    /** TCP header; {@code options} must be a multiple of 4 bytes. */
    static byte[] tcp(final int sourcePort, final int destinationPort, final long sequence, final long acknowledgement,
                      final int flags, final int window, final byte[] options, final byte[] payload)
    {
        if (options.length % 4 != 0)
        {
            throw new IllegalArgumentException("TCP options must fill whole words");
        }
        final int headerLength = 20 + options.length;
        final ByteBuffer out = buffer(headerLength + payload.length);
        out.putShort((short)sourcePort).putShort((short)destinationPort).putInt((int)sequence).putInt((int)acknowledgement);
        out.put((byte)(headerLength / 4 << 4)).put((byte)flags).putShort((short)window).putShort((short)0).putShort((short)0);
        return out.put(options).put(payload).array();
    }

    static byte[] tcp(final int sourcePort, final int destinationPort, final int flags, final byte[] payload)
    {
        return tcp(sourcePort, destinationPort, 1000, 0, flags, 65535, new byte[0], payload);
    }

    /** Options of a typical Linux SYN: MSS, SACK permitted, timestamps, NOP, window scale. */
    static byte[] linuxSynOptions(final int mss)
    {
        return bytes(2, 4, mss >>> 8, mss & 0xFF, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7);
    }

    static byte[] udp(final int sourcePort, final int destinationPort, final byte[] payload)
    {
        final ByteBuffer out = buffer(8 + payload.length);
        out.putShort((short)sourcePort).putShort((short)destinationPort).putShort((short)(8 + payload.length));
        return out.putShort((short)0).put(payload).array();
    }

    /** A UDP header alone, with the length of a datagram whose rest travels in other fragments. */
    static byte[] udpHeader(final int sourcePort, final int destinationPort, final int length)
    {
        final ByteBuffer out = buffer(8);
        return out.putShort((short)sourcePort).putShort((short)destinationPort).putShort((short)length).putShort((short)0)
            .array();
    }

    /** SCTP common header and one INIT chunk. */
    static byte[] sctpInit(final int sourcePort, final int destinationPort)
    {
        final ByteBuffer out = buffer(12 + 20);
        out.putShort((short)sourcePort).putShort((short)destinationPort).putInt(0).putInt(0);
        out.put((byte)1).put((byte)0).putShort((short)20).putInt(0x01020304).putInt(65536);
        return out.putShort((short)10).putShort((short)10).putInt(99).array();
    }

    /** ICMP or ICMPv6 message: type, code, zero checksum, then {@code rest} (identifier, data, ...). */
    static byte[] icmp(final int type, final int code, final byte[] rest)
    {
        final ByteBuffer out = buffer(4 + rest.length);
        return out.put((byte)type).put((byte)code).putShort((short)0).put(rest).array();
    }

    static byte[] linuxCooked(final int packetType, final int hardwareType, final byte[] address, final int protocol,
                              final byte[] payload)
    {
        final ByteBuffer out = buffer(16 + payload.length);
        out.putShort((short)packetType).putShort((short)hardwareType).putShort((short)address.length);
        out.put(Arrays.copyOf(address, 8)).putShort((short)protocol);
        return out.put(payload).array();
    }

    static byte[] linuxCookedV2(final int protocol, final int interfaceIndex, final int hardwareType,
                                final int packetType, final byte[] address, final byte[] payload)
    {
        final ByteBuffer out = buffer(20 + payload.length);
        out.putShort((short)protocol).putShort((short)0).putInt(interfaceIndex).putShort((short)hardwareType);
        out.put((byte)packetType).put((byte)address.length).put(Arrays.copyOf(address, 8));
        return out.put(payload).array();
    }

    static byte[] macBytes(final long mac)
    {
        final ByteBuffer out = buffer(6);
        putMac(out, mac);
        return out.array();
    }

    /** BSD loopback header: the address family as a 32-bit value in {@code order}. */
    static byte[] loopback(final int family, final ByteOrder order, final byte[] payload)
    {
        final ByteBuffer out = ByteBuffer.allocate(4 + payload.length).order(order);
        out.putInt(family);
        return out.order(ByteOrder.BIG_ENDIAN).put(payload).array();
    }
}
