package io.weir.core.decode;

import org.agrona.DirectBuffer;

/**
 * One packet, decoded L2..L4 into primitives by {@link PacketParser}. A single instance is
 * reused for every packet (a flyweight over the source's buffer): nothing here may be kept
 * after the packet has been handled. Addresses are held as two longs each; an IPv4 address
 * is in the low 32 bits of the low long. MAC addresses are 48-bit values in a long.
 * Not thread safe: owned by the capture worker.
 */
public final class PacketView
{
    DirectBuffer buffer;
    int frameOffset;
    int capturedLength;
    int wireLength;
    long timestampNs;
    int linkType;
    int interfaceId;

    long sourceMac;
    long destinationMac;
    int vlanId;
    int vlanCount;
    int mplsTopEntry;
    int etherType;

    int l3Offset;
    int ipVersion;
    int protocol;
    long sourceHigh;
    long sourceLow;
    long destinationHigh;
    long destinationLow;
    int ipLength;
    int ipHeaderLength;
    int ttl;
    int tos;
    int ipFlags;
    int fragmentId;
    int fragmentOffset;
    boolean moreFragments;

    int l4Offset;
    int sourcePort;
    int destinationPort;
    int tcpFlags;
    int tcpSequence;
    int tcpAcknowledgement;
    int tcpWindow;
    int tcpMss;
    long tcpOptions;
    int icmpType;
    int icmpCode;

    int payloadOffset;
    int payloadLength;
    int payloadLengthWire;

    SkipReason skipReason;

    void reset(final DirectBuffer buffer, final int offset, final int capturedLength, final int wireLength,
               final long timestampNs, final int linkType, final int interfaceId)
    {
        this.buffer = buffer;
        this.frameOffset = offset;
        this.capturedLength = capturedLength;
        this.wireLength = wireLength;
        this.timestampNs = timestampNs;
        this.linkType = linkType;
        this.interfaceId = interfaceId;
        sourceMac = 0;
        destinationMac = 0;
        vlanId = 0;
        vlanCount = 0;
        mplsTopEntry = 0;
        etherType = 0;
        l3Offset = -1;
        ipVersion = 0;
        protocol = 0;
        sourceHigh = 0;
        sourceLow = 0;
        destinationHigh = 0;
        destinationLow = 0;
        ipLength = 0;
        ipHeaderLength = 0;
        ttl = 0;
        tos = 0;
        ipFlags = 0;
        fragmentId = 0;
        fragmentOffset = 0;
        moreFragments = false;
        l4Offset = -1;
        sourcePort = 0;
        destinationPort = 0;
        tcpFlags = 0;
        tcpSequence = 0;
        tcpAcknowledgement = 0;
        tcpWindow = 0;
        tcpMss = 0;
        tcpOptions = 0;
        icmpType = 0;
        icmpCode = 0;
        payloadOffset = offset + capturedLength;
        payloadLength = 0;
        payloadLengthWire = 0;
        skipReason = null;
    }

    /** The buffer holding the packet; valid only while the packet is being handled. */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    public int frameOffset()
    {
        return frameOffset;
    }

    public int capturedLength()
    {
        return capturedLength;
    }

    public int wireLength()
    {
        return wireLength;
    }

    public long timestampNs()
    {
        return timestampNs;
    }

    public int linkType()
    {
        return linkType;
    }

    public int interfaceId()
    {
        return interfaceId;
    }

    public long sourceMac()
    {
        return sourceMac;
    }

    public long destinationMac()
    {
        return destinationMac;
    }

    /** Outermost VLAN id, 0 when untagged. */
    public int vlanId()
    {
        return vlanId;
    }

    public int vlanCount()
    {
        return vlanCount;
    }

    /** The top MPLS label stack entry (label, TC, S, TTL), 0 without MPLS. */
    public int mplsTopEntry()
    {
        return mplsTopEntry;
    }

    public int etherType()
    {
        return etherType;
    }

    public int l3Offset()
    {
        return l3Offset;
    }

    /** 4 or 6. */
    public int ipVersion()
    {
        return ipVersion;
    }

    public int protocol()
    {
        return protocol;
    }

    public long sourceHigh()
    {
        return sourceHigh;
    }

    public long sourceLow()
    {
        return sourceLow;
    }

    public long destinationHigh()
    {
        return destinationHigh;
    }

    public long destinationLow()
    {
        return destinationLow;
    }

    /** Bytes this packet adds to its flow: the IP total length (IPv6: payload length + 40). */
    public int ipLength()
    {
        return ipLength;
    }

    public int ipHeaderLength()
    {
        return ipHeaderLength;
    }

    public int ttl()
    {
        return ttl;
    }

    public int tos()
    {
        return tos;
    }

    /** IPv4 flags (reserved, DF, MF) as the three high bits of the fragment field; 0 for IPv6. */
    public int ipFlags()
    {
        return ipFlags;
    }

    public int fragmentId()
    {
        return fragmentId;
    }

    /** Fragment offset in 8-byte units; non-zero means a non-first fragment without L4 header. */
    public int fragmentOffset()
    {
        return fragmentOffset;
    }

    public boolean moreFragments()
    {
        return moreFragments;
    }

    public boolean isFragment()
    {
        return fragmentOffset != 0 || moreFragments;
    }

    public int l4Offset()
    {
        return l4Offset;
    }

    public int sourcePort()
    {
        return sourcePort;
    }

    public int destinationPort()
    {
        return destinationPort;
    }

    /** Fills in ports for a non-first fragment from its first fragment. */
    public void fragmentPorts(final int sourcePort, final int destinationPort)
    {
        this.sourcePort = sourcePort;
        this.destinationPort = destinationPort;
    }

    /** TCP flags byte (CWR ECE URG ACK PSH RST SYN FIN); 0 for other protocols. */
    public int tcpFlags()
    {
        return tcpFlags;
    }

    public int tcpSequence()
    {
        return tcpSequence;
    }

    public int tcpAcknowledgement()
    {
        return tcpAcknowledgement;
    }

    public int tcpWindow()
    {
        return tcpWindow;
    }

    /** MSS option value, 0 when absent. */
    public int tcpMss()
    {
        return tcpMss;
    }

    /** TCP options seen, as the bit set of IANA element tcpOptions (209). */
    public long tcpOptions()
    {
        return tcpOptions;
    }

    public int icmpType()
    {
        return icmpType;
    }

    public int icmpCode()
    {
        return icmpCode;
    }

    /** Offset of the application payload in {@link #buffer()}. */
    public int payloadOffset()
    {
        return payloadOffset;
    }

    /** Captured payload bytes (without Ethernet padding). */
    public int payloadLength()
    {
        return payloadLength;
    }

    /** Payload bytes on the wire, as the IP header says. */
    public int payloadLengthWire()
    {
        return payloadLengthWire;
    }

    /** Set when {@link PacketParser#parse} returned false. */
    public SkipReason skipReason()
    {
        return skipReason;
    }
}
