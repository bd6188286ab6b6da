package io.weir.core.decode;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Parses a frame three times and insists on the same answer: from a buffer exactly as long as the
 * captured bytes (Agrona's bounds checks turn any read past them into an exception), and from the
 * middle of two larger buffers whose other bytes are a different poison each (a read outside
 * [offset, offset + capturedLength) would make the two views differ). Then checks that what the
 * parser reports is sane.
 */
final class GuardedParse
{
    static final String RESULT = "parsed";
    private static final int POISON_BEFORE = 29;
    private static final int POISON_AFTER = 67;
    private static final Set<Integer> SCANNED_PROTOCOLS = Set.of(Layers.TCP, Layers.UDP, Layers.SCTP);

    private final PacketParser parser = new PacketParser();
    private final PacketView view = new PacketView();

    /**
     * @return the view's snapshot (offsets relative to the frame) plus {@link #RESULT}
     */
    Map<String, Object> parse(final String what, final int linkType, final byte[] frame, final int capturedLength,
                              final int wireLength)
    {
        final Map<String, Object> exact = parseAt(what, linkType,
            new UnsafeBuffer(Arrays.copyOf(frame, capturedLength)), 0, capturedLength, wireLength);
        checkSane(what, exact);
        for (final int poison : new int[] {0x00, 0xFF})
        {
            final byte[] larger = new byte[POISON_BEFORE + capturedLength + POISON_AFTER];
            Arrays.fill(larger, (byte)poison);
            System.arraycopy(frame, 0, larger, POISON_BEFORE, capturedLength);
            final Map<String, Object> poisoned =
                parseAt(what, linkType, new UnsafeBuffer(larger), POISON_BEFORE, capturedLength, wireLength);
            if (!exact.equals(poisoned))
            {
                throw new AssertionError(what + ": the view depends on bytes outside the frame (poison 0x"
                    + Integer.toHexString(poison) + ")\n in frame: " + exact + "\n poisoned: " + poisoned);
            }
        }
        return exact;
    }

    private Map<String, Object> parseAt(final String what, final int linkType, final UnsafeBuffer buffer,
                                        final int offset, final int capturedLength, final int wireLength)
    {
        final boolean parsed;
        try
        {
            parsed = parser.parse(view, buffer, offset, capturedLength, wireLength, 7L, linkType, 1);
        }
        catch (final RuntimeException ex)
        {
            throw new AssertionError(what + ": parser threw", ex);
        }
        final Map<String, Object> snapshot = ViewSnapshot.of(view);
        snapshot.put(RESULT, parsed);
        return snapshot;
    }

    private static void checkSane(final String what, final Map<String, Object> view)
    {
        final boolean parsed = (Boolean)view.get(RESULT);
        final int captured = (Integer)view.get("capturedLength");
        if (!parsed)
        {
            require(what, view, view.get("skipReason") != null, "a skipped packet says why");
            return;
        }
        final int version = (Integer)view.get("ipVersion");
        final int l3 = (Integer)view.get("l3Offset");
        final int l4 = (Integer)view.get("l4Offset");
        final int payload = (Integer)view.get("payloadOffset");
        final int payloadLength = (Integer)view.get("payloadLength");
        final int payloadLengthWire = (Integer)view.get("payloadLengthWire");
        final int ipLength = (Integer)view.get("ipLength");
        final int ipHeaderLength = (Integer)view.get("ipHeaderLength");
        final int protocol = (Integer)view.get("protocol");
        final int etherType = (Integer)view.get("etherType");

        require(what, view, view.get("skipReason") == null, "a parsed packet has no skip reason");
        require(what, view, version == 4 && etherType == 0x0800 || version == 6 && etherType == 0x86DD,
            "IP version and EtherType agree");
        require(what, view, 0 <= l3 && l3 <= l4 && l4 <= payload && payload <= captured,
            "0 <= l3 <= l4 <= payload <= captured");
        require(what, view, payloadLength >= 0 && payload + payloadLength <= captured, "payload within the frame");
        require(what, view, ipHeaderLength == l4 - l3, "IP header length is the distance from L3 to L4");
        require(what, view, ipHeaderLength >= (version == 4 ? 20 : 40), "IP header at least the fixed header");
        require(what, view, ipLength >= ipHeaderLength, "IP length covers the IP header");
        require(what, view, 0 <= payloadLengthWire && payloadLengthWire <= ipLength - ipHeaderLength,
            "wire payload within the IP packet");
        require(what, view, payloadLength <= payloadLengthWire, "captured payload no longer than on the wire");
        require(what, view, (Integer)view.get("vlanCount") <= 8 && (Integer)view.get("vlanId") <= 4095,
            "VLAN tags bounded");
        final boolean ports = SCANNED_PROTOCOLS.contains(protocol) && (Integer)view.get("fragmentOffset") == 0;
        if (!ports)
        {
            require(what, view, (Integer)view.get("sourcePort") == 0 && (Integer)view.get("destinationPort") == 0,
                "no ports without a transport header");
        }
        if (protocol != Layers.ICMP && protocol != Layers.ICMPV6)
        {
            require(what, view, (Integer)view.get("icmpType") == 0 && (Integer)view.get("icmpCode") == 0,
                "no ICMP type without ICMP");
        }
        if (protocol != Layers.TCP || !ports)
        {
            require(what, view, (Integer)view.get("tcpFlags") == 0 && (Long)view.get("tcpOptions") == 0
                && (Integer)view.get("tcpMss") == 0, "no TCP fields without a TCP header");
        }
    }

    private static void require(final String what, final Map<String, Object> view, final boolean condition,
                                final String rule)
    {
        if (!condition)
        {
            throw new AssertionError(what + ": " + rule + " does not hold for " + view);
        }
    }
}
