package io.weir.core.field;

import java.util.List;

/**
 * The fields every flow record carries, as IANA information elements (RFC 5103 reverse
 * elements for the biflow's other direction), in record order. IPv4 and IPv6 records differ
 * only in their address fields.
 */
public final class BasicFields
{
    public static final Field SOURCE_IPV4 = Field.of("sourceIPv4Address", "SRC_IP", FieldType.IPV4_ADDRESS, 0, 8,
        "source address of the flow's first packet");
    public static final Field DESTINATION_IPV4 = Field.of("destinationIPv4Address", "DST_IP",
        FieldType.IPV4_ADDRESS, 0, 12, "destination address of the flow's first packet");
    public static final Field SOURCE_IPV6 = Field.of("sourceIPv6Address", "SRC_IP", FieldType.IPV6_ADDRESS, 0, 27,
        "source address of the flow's first packet");
    public static final Field DESTINATION_IPV6 = Field.of("destinationIPv6Address", "DST_IP",
        FieldType.IPV6_ADDRESS, 0, 28, "destination address of the flow's first packet");
    public static final Field SOURCE_PORT = Field.of("sourceTransportPort", "SRC_PORT", FieldType.UNSIGNED16, 0, 7,
        "source port (0 for ICMP and protocols without ports)");
    public static final Field DESTINATION_PORT = Field.of("destinationTransportPort", "DST_PORT",
        FieldType.UNSIGNED16, 0, 11, "destination port");
    public static final Field PROTOCOL = Field.of("protocolIdentifier", "PROTOCOL", FieldType.UNSIGNED8, 0, 4,
        "IP protocol number");
    public static final Field IP_VERSION = Field.of("ipVersion", null, FieldType.UNSIGNED8, 0, 60,
        "IP version, 4 or 6");
    public static final Field PACKETS = Field.of("packetDeltaCount", "PACKETS", FieldType.UNSIGNED64, 0, 2,
        "packets from source to destination");
    public static final Field BYTES = Field.of("octetDeltaCount", "BYTES", FieldType.UNSIGNED64, 0, 1,
        "IP bytes (total length) from source to destination");
    public static final Field PACKETS_REVERSE = PACKETS.reverse("PACKETS_REV");
    public static final Field BYTES_REVERSE = BYTES.reverse("BYTES_REV");
    public static final Field FLOW_START = Field.of("flowStartMicroseconds", "TIME_FIRST",
        FieldType.DATE_TIME_MICROSECONDS, 0, 154, "time of the first packet");
    public static final Field FLOW_END = Field.of("flowEndMicroseconds", "TIME_LAST",
        FieldType.DATE_TIME_MICROSECONDS, 0, 155, "time of the last packet");
    public static final Field TCP_FLAGS = Field.of("tcpControlBits", "TCP_FLAGS", FieldType.UNSIGNED8, 0, 6,
        "OR of the TCP flags from source to destination");
    public static final Field TCP_FLAGS_REVERSE = TCP_FLAGS.reverse("TCP_FLAGS_REV");
    public static final Field SOURCE_MAC = Field.of("sourceMacAddress", "SRC_MAC", FieldType.MAC_ADDRESS, 0, 56,
        "source MAC address of the first packet");
    public static final Field DESTINATION_MAC = Field.of("destinationMacAddress", "DST_MAC",
        FieldType.MAC_ADDRESS, 0, 80, "destination MAC address of the first packet");
    public static final Field VLAN_ID = Field.of("vlanId", "VLAN_ID", FieldType.UNSIGNED16, 0, 58,
        "outer VLAN id (0 when untagged); part of the flow key");
    public static final Field INGRESS_INTERFACE = Field.of("ingressInterface", null, FieldType.UNSIGNED32, 0, 10,
        "capture interface index of the first packet");
    public static final Field END_REASON = Field.of("flowEndReason", null, FieldType.UNSIGNED8, 0, 136,
        "why the flow ended: 1 idle, 2 active timeout, 3 end of flow, 4 forced, 5 lack of resources");

    private static final List<Field> IPV4 = List.of(SOURCE_IPV4, DESTINATION_IPV4, SOURCE_PORT, DESTINATION_PORT,
        PROTOCOL, IP_VERSION, PACKETS, BYTES, PACKETS_REVERSE, BYTES_REVERSE, FLOW_START, FLOW_END, TCP_FLAGS,
        TCP_FLAGS_REVERSE, SOURCE_MAC, DESTINATION_MAC, VLAN_ID, INGRESS_INTERFACE, END_REASON);
    private static final List<Field> IPV6 = List.of(SOURCE_IPV6, DESTINATION_IPV6, SOURCE_PORT, DESTINATION_PORT,
        PROTOCOL, IP_VERSION, PACKETS, BYTES, PACKETS_REVERSE, BYTES_REVERSE, FLOW_START, FLOW_END, TCP_FLAGS,
        TCP_FLAGS_REVERSE, SOURCE_MAC, DESTINATION_MAC, VLAN_ID, INGRESS_INTERFACE, END_REASON);

    private BasicFields()
    {
    }

    /** The basic fields of a record of the given IP version, in record order. */
    public static List<Field> forIpVersion(final int ipVersion)
    {
        return ipVersion == 6 ? IPV6 : IPV4;
    }
}
