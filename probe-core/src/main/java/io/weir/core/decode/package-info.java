/**
 * Packet decoding: {@link io.weir.core.decode.PacketParser} fills one reused
 * {@link io.weir.core.decode.PacketView} per packet, without allocating and without throwing, and
 * says why it skipped a packet ({@link io.weir.core.decode.SkipReason}, counted in
 * {@link io.weir.core.decode.ParseCounters}).
 *
 * <p>Choices made where the standards or the peers leave room (tests in the matching test package
 * check each against tshark, and name the cases where tshark reads a frame differently):
 * <ul>
 *   <li>VLAN: the outermost tag's id is kept (the service tag of 802.1ad QinQ); all tags are counted,
 *       at most 8.</li>
 *   <li>MPLS: the first label stack entry seen is kept whole; at most 16 labels. After the bottom of
 *       the stack a first nibble of 4 or 6 means IP, 0 an RFC 4448 pseudowire control word followed by
 *       an Ethernet frame (as ipfixprobe assumes); anything else is not IP.</li>
 *   <li>PPPoE: session frames with code 0 only; the PPP protocol may be compressed to one octet.
 *       Discovery frames and PPP control protocols count as not IP. 802.2 LLC/SNAP is not decoded.</li>
 *   <li>Lengths: {@code ipLength} is the IPv4 total length or the IPv6 payload length plus 40, never
 *       the Ethernet padding; a zero length (segmentation offload, jumbogram) is taken from the frame.
 *       An IPv4 total length shorter than its header is a bad header. Payload offset and length stop
 *       at the end of the IP packet and at the end of the captured bytes; the wire payload length
 *       comes from the IP header.</li>
 *   <li>IPv6: hop-by-hop, routing, fragment, destination options, AH and mobility headers are walked,
 *       at most 16, each within the packet; a later fragment's data is never read as headers.</li>
 *   <li>Fragments: only the first fragment has ports; later ones have a non-zero fragment offset
 *       and ports 0 (the flow cache's fragment table finds their flow).</li>
 *   <li>TCP: a data offset below 5 is read as 20 bytes; option kinds 0..63 are set in the bit layout
 *       of IPFIX tcpOptions (209) as drawn in the IANA registry and as ipfixprobe exports it
 *       (kind k at bit {@code (k & 0xF8) + 7 - (k & 7)} of the value); higher kinds have no bit there.
 *       ICMP and ICMPv6 keep ports 0 and report type and code.</li>
 * </ul>
 */
package io.weir.core.decode;
