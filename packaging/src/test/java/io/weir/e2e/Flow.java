package io.weir.e2e;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * The basic fields of one flow record, from weir's JSON or from an ipfixprobe UniRec line, in a
 * form where equal flows are equal records: addresses canonical, times in microseconds since
 * the epoch, MACs lowercase. {@code vlanId} is {@link #NO_VLAN} when the source does not carry it.
 */
record Flow(
    String sourceIp,
    String destinationIp,
    int sourcePort,
    int destinationPort,
    int protocol,
    long packets,
    long bytes,
    long packetsReverse,
    long bytesReverse,
    long firstMicros,
    long lastMicros,
    int tcpFlags,
    int tcpFlagsReverse,
    String sourceMac,
    String destinationMac,
    int vlanId)
{
    static final int NO_VLAN = -1;

    /** A record from weir's JSON output (IANA element names as keys). */
    static Flow fromJson(final Map<String, Object> json)
    {
        final boolean v6 = json.containsKey("sourceIPv6Address");
        return new Flow(
            address((String)json.get(v6 ? "sourceIPv6Address" : "sourceIPv4Address")),
            address((String)json.get(v6 ? "destinationIPv6Address" : "destinationIPv4Address")),
            integer(json, "sourceTransportPort"),
            integer(json, "destinationTransportPort"),
            integer(json, "protocolIdentifier"),
            number(json, "packetDeltaCount"),
            number(json, "octetDeltaCount"),
            number(json, "reversePacketDeltaCount"),
            number(json, "reverseOctetDeltaCount"),
            rfc3339Micros((String)json.get("flowStartMicroseconds")),
            rfc3339Micros((String)json.get("flowEndMicroseconds")),
            integer(json, "tcpControlBits"),
            integer(json, "reverseTcpControlBits"),
            mac((String)json.get("sourceMacAddress")),
            mac((String)json.get("destinationMacAddress")),
            integer(json, "vlanId"));
    }

    /** A record from an ipfixprobe UniRec text line, by field name. */
    static Flow fromUnirec(final Map<String, String> fields)
    {
        return new Flow(
            address(fields.get("SRC_IP")),
            address(fields.get("DST_IP")),
            Integer.parseInt(fields.get("SRC_PORT")),
            Integer.parseInt(fields.get("DST_PORT")),
            Integer.parseInt(fields.get("PROTOCOL")),
            Long.parseLong(fields.get("PACKETS")),
            Long.parseLong(fields.get("BYTES")),
            Long.parseLong(fields.get("PACKETS_REV")),
            Long.parseLong(fields.get("BYTES_REV")),
            unirecMicros(fields.get("TIME_FIRST")),
            unirecMicros(fields.get("TIME_LAST")),
            Integer.parseInt(fields.get("TCP_FLAGS")),
            Integer.parseInt(fields.get("TCP_FLAGS_REV")),
            mac(fields.get("SRC_MAC")),
            mac(fields.get("DST_MAC")),
            fields.containsKey("VLAN_ID") ? Integer.parseInt(fields.get("VLAN_ID")) : NO_VLAN);
    }

    /** The same flow without its VLAN id, to compare with a source that has none. */
    Flow withoutVlan()
    {
        return new Flow(sourceIp, destinationIp, sourcePort, destinationPort, protocol, packets, bytes,
            packetsReverse, bytesReverse, firstMicros, lastMicros, tcpFlags, tcpFlagsReverse, sourceMac,
            destinationMac, NO_VLAN);
    }

    BiflowKey key()
    {
        return BiflowKey.of(sourceIp, sourcePort, destinationIp, destinationPort, protocol, vlanId);
    }

    @Override
    public String toString()
    {
        return String.format("%s %d -> %s %d proto %d: %d pkts %d B, rev %d pkts %d B, %s .. %s, flags %d/%d, %s -> %s%s",
            sourceIp, sourcePort, destinationIp, destinationPort, protocol, packets, bytes, packetsReverse,
            bytesReverse, Instant.EPOCH.plus(firstMicros, ChronoUnit.MICROS), Instant.EPOCH.plus(lastMicros, ChronoUnit.MICROS),
            tcpFlags, tcpFlagsReverse, sourceMac, destinationMac, vlanId == NO_VLAN ? "" : ", vlan " + vlanId);
    }

    static String address(final String literal)
    {
        if (literal == null || literal.isEmpty() || !(literal.indexOf(':') >= 0 || Character.isDigit(literal.charAt(0))))
        {
            throw new IllegalArgumentException("not an IP address literal: " + literal);
        }
        try
        {
            // A literal is parsed without any name lookup.
            return InetAddress.getByName(literal).getHostAddress();
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException("not an IP address literal: " + literal, ex);
        }
    }

    private static String mac(final String text)
    {
        if (text == null || !text.matches("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}"))
        {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
        return text.toLowerCase(Locale.ROOT);
    }

    /** RFC 3339 in UTC with the 'Z' suffix, as weir writes it. */
    static long rfc3339Micros(final String text)
    {
        if (text == null || !text.endsWith("Z"))
        {
            throw new IllegalArgumentException("not an RFC 3339 UTC time: " + text);
        }
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(text));
    }

    /** UniRec text time: {@code YYYY-MM-DDTHH:MM:SS.ffffff}, UTC without a zone suffix. */
    static long unirecMicros(final String text)
    {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(text + "Z"));
    }

    private static long number(final Map<String, Object> json, final String key)
    {
        final Object value = json.get(key);
        if (!(value instanceof Long))
        {
            throw new IllegalArgumentException("JSON key " + key + " is not an integer: " + value + " in " + json);
        }
        return (Long)value;
    }

    private static int integer(final Map<String, Object> json, final String key)
    {
        return Math.toIntExact(number(json, key));
    }
}
