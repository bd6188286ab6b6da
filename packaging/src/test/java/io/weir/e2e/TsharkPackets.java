package io.weir.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What tshark sees in a capture, reduced to what flow metering counts: per packet, the outer IP
 * header's biflow key (unordered endpoints, protocol, outer VLAN id; ports 0 for protocols without
 * ports) and IP length, or for a frame without IP its EtherType. Reassembly is off and the first
 * occurrence of each field is the outer header's (an ICMP error quotes an inner IP/UDP header).
 * A later IP fragment carries no ports: it is given those of its first fragment when that was
 * seen earlier with the same addresses, protocol and identification, as a fragment-aware probe does.
 */
final class TsharkPackets
{
    private static final String[] FIELDS = {
        "frame.number", "frame.protocols", "eth.type", "eth.len", "vlan.id", "vlan.etype", "sll.etype", "sll.ltype",
        "ip.src", "ip.dst", "ip.proto", "ip.len", "ip.id", "ip.frag_offset", "ip.flags.mf",
        "ipv6.src", "ipv6.dst", "ipv6.nxt", "ipv6.plen", "ipv6.hopopts.nxt", "ipv6.dstopts.nxt", "ipv6.routing.nxt",
        "ipv6.fraghdr.nxt", "ipv6.fraghdr.offset", "ipv6.fraghdr.more", "ipv6.fraghdr.ident",
        "tcp.srcport", "tcp.dstport", "udp.srcport", "udp.dstport", "sctp.srcport", "sctp.dstport"};

    private final int frames;
    private final Map<BiflowKey, Totals> ipTotals;
    private final long ipPackets;
    private final long ipBytes;
    private final Map<Integer, Long> nonIpEtherTypes;
    private final long nonIpFrames;

    private TsharkPackets(final int frames, final Map<BiflowKey, Totals> ipTotals, final long ipPackets,
                          final long ipBytes, final Map<Integer, Long> nonIpEtherTypes, final long nonIpFrames)
    {
        this.frames = frames;
        this.ipTotals = ipTotals;
        this.ipPackets = ipPackets;
        this.ipBytes = ipBytes;
        this.nonIpEtherTypes = nonIpEtherTypes;
        this.nonIpFrames = nonIpFrames;
    }

    static TsharkPackets read(final Path capture)
    {
        final List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString(),
            "-o", "ip.defragment:FALSE", "-o", "ipv6.defragment:FALSE",
            "-T", "fields", "-E", "occurrence=f", "-E", "separator=/t", "-E", "header=n"));
        for (final String field : FIELDS)
        {
            command.add("-e");
            command.add(field);
        }
        final String output = Tool.run(command.toArray(String[]::new));

        final Map<BiflowKey, Totals> totals = new TreeMap<>();
        final Map<Integer, Long> etherTypes = new TreeMap<>();
        final Map<String, int[]> firstFragmentPorts = new HashMap<>();
        int frames = 0;
        long ipPackets = 0;
        long ipBytes = 0;
        long nonIp = 0;
        for (final String line : output.lines().toList())
        {
            final Row row = new Row(line.split("\t", -1));
            frames++;
            final String outer = outerNetworkProtocol(row.text("frame.protocols"));
            if (outer == null)
            {
                nonIp++;
                etherTypes.merge(row.etherType(), 1L, Long::sum);
                continue;
            }
            final boolean v6 = outer.equals("ipv6");
            final String source = Flow.address(row.text(v6 ? "ipv6.src" : "ip.src"));
            final String destination = Flow.address(row.text(v6 ? "ipv6.dst" : "ip.dst"));
            final int protocol = v6 ? row.ipv6Protocol() : row.number("ip.proto");
            final long length = v6 ? row.number("ipv6.plen") + 40L : row.number("ip.len");
            final boolean laterFragment = v6
                ? row.has("ipv6.fraghdr.offset") && row.number("ipv6.fraghdr.offset") != 0
                : row.number("ip.frag_offset") != 0;
            final boolean firstOfFragments = !laterFragment && (v6
                ? row.has("ipv6.fraghdr.more") && row.flag("ipv6.fraghdr.more")
                : row.flag("ip.flags.mf"));
            final String fragmentKey = laterFragment || firstOfFragments
                ? source + " " + destination + " " + protocol + " "
                    + (v6 ? row.text("ipv6.fraghdr.ident") : row.text("ip.id"))
                : null;

            int sourcePort = 0;
            int destinationPort = 0;
            if (laterFragment)
            {
                final int[] ports = firstFragmentPorts.get(fragmentKey);
                if (ports != null)
                {
                    sourcePort = ports[0];
                    destinationPort = ports[1];
                }
            }
            else
            {
                final String prefix = protocol == 6 ? "tcp" : protocol == 17 ? "udp" : protocol == 132 ? "sctp" : null;
                if (prefix != null)
                {
                    sourcePort = row.number(prefix + ".srcport");
                    destinationPort = row.number(prefix + ".dstport");
                }
                if (firstOfFragments)
                {
                    firstFragmentPorts.put(fragmentKey, new int[] {sourcePort, destinationPort});
                }
            }
            final int vlan = row.has("vlan.id") ? row.number("vlan.id") : 0;
            totals.merge(BiflowKey.of(source, sourcePort, destination, destinationPort, protocol, vlan),
                Totals.of(1, length), Totals::plus);
            ipPackets++;
            ipBytes += length;
        }
        return new TsharkPackets(frames, totals, ipPackets, ipBytes, etherTypes, nonIp);
    }

    /** "ip" or "ipv6" when the first network-layer protocol in the frame's protocol path is IP, else null. */
    private static String outerNetworkProtocol(final String protocols)
    {
        for (final String protocol : protocols.split(":"))
        {
            if (protocol.equals("ip") || protocol.equals("ipv6"))
            {
                return protocol;
            }
        }
        return null;
    }

    int frames()
    {
        return frames;
    }

    Map<BiflowKey, Totals> ipTotals()
    {
        return ipTotals;
    }

    long ipPackets()
    {
        return ipPackets;
    }

    long ipBytes()
    {
        return ipBytes;
    }

    Map<Integer, Long> nonIpEtherTypes()
    {
        return nonIpEtherTypes;
    }

    long nonIpFrames()
    {
        return nonIpFrames;
    }

    /** One line of tshark's field output, by field name. */
    private static final class Row
    {
        private static final Map<String, Integer> INDEX = new HashMap<>();

        static
        {
            for (int i = 0; i < FIELDS.length; i++)
            {
                INDEX.put(FIELDS[i], i);
            }
        }

        private final String[] values;

        Row(final String[] values)
        {
            if (values.length != FIELDS.length)
            {
                throw new IllegalStateException("tshark gave " + values.length + " fields, not " + FIELDS.length
                    + ": " + String.join("|", values));
            }
            this.values = values;
        }

        String text(final String field)
        {
            final String value = values[INDEX.get(field)];
            if (value.isEmpty())
            {
                throw new IllegalStateException("frame " + values[0] + " has no " + field + ": "
                    + String.join("|", values));
            }
            return value;
        }

        boolean has(final String field)
        {
            return !values[INDEX.get(field)].isEmpty();
        }

        int number(final String field)
        {
            final String value = text(field);
            return value.startsWith("0x") ? Integer.parseInt(value.substring(2), 16) : Integer.parseInt(value);
        }

        boolean flag(final String field)
        {
            final String value = text(field);
            return value.equals("1") || value.equalsIgnoreCase("true");
        }

        /** The transport protocol after the outer IPv6 header's extension headers. */
        int ipv6Protocol()
        {
            int next = number("ipv6.nxt");
            for (int hops = 0; hops < 8; hops++)
            {
                final String field = switch (next)
                {
                    case 0 -> "ipv6.hopopts.nxt";
                    case 60 -> "ipv6.dstopts.nxt";
                    case 43 -> "ipv6.routing.nxt";
                    case 44 -> "ipv6.fraghdr.nxt";
                    default -> null;
                };
                if (field == null)
                {
                    return next;
                }
                next = number(field);
            }
            throw new IllegalStateException("frame " + values[0] + ": IPv6 extension header chain too long");
        }

        /** The EtherType (or 802.3 length) after any VLAN tags, as a probe would read it. */
        int etherType()
        {
            for (final String field : new String[] {"vlan.etype", "eth.type", "eth.len", "sll.etype", "sll.ltype"})
            {
                if (has(field))
                {
                    return number(field);
                }
            }
            return -1;
        }
    }
}
