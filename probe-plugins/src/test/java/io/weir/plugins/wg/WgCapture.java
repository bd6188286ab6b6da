package io.weir.plugins.wg;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.testing.TestData;
import io.weir.plugins.wg.testing.Tshark;

/** The UDP packets of wg.pcap as tshark dissects them. */
final class WgCapture
{
    static final Path CAPTURE = TestData.capture("wg.pcap");

    private static final DateTimeFormatter UNIREC_TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    /** One packet: time as the references print it, endpoints, payload, tshark's WireGuard fields ("" when none). */
    record Packet(int frame, String time, String source, int sourcePort, String destination, int destinationPort,
                  byte[] payload, String type, String sender, String receiver)
    {
        boolean between(final String source, final int sourcePort, final String destination, final int destinationPort)
        {
            return this.source.equals(source) && this.sourcePort == sourcePort && this.destination.equals(destination)
                && this.destinationPort == destinationPort
                || this.source.equals(destination) && this.sourcePort == destinationPort
                && this.destination.equals(source) && this.destinationPort == sourcePort;
        }
    }

    private static List<Packet> packets;

    private WgCapture()
    {
    }

    static synchronized List<Packet> packets()
    {
        if (packets == null)
        {
            packets = new ArrayList<>();
            for (final List<String> row : Tshark.fields(CAPTURE, "udp", "frame.number", "frame.time_epoch", "ip.src",
                "udp.srcport", "ip.dst", "udp.dstport", "udp.payload", "wg.type", "wg.sender", "wg.receiver"))
            {
                final BigDecimal epoch = new BigDecimal(row.get(1));
                final Instant instant = Instant.ofEpochSecond(epoch.longValue(),
                    epoch.remainder(BigDecimal.ONE).movePointRight(9).longValue());
                packets.add(new Packet(Integer.parseInt(row.get(0)), UNIREC_TIME.format(instant), row.get(2),
                    Integer.parseInt(row.get(3)), row.get(4), Integer.parseInt(row.get(5)), Tshark.hex(row.get(6)),
                    row.get(7), row.get(8), row.get(9)));
            }
        }
        return packets;
    }

    /** The payload of the first packet tshark dissects as WireGuard message {@code type}. */
    static byte[] firstOfType(final int type)
    {
        for (final Packet packet : packets())
        {
            if (packet.type().equals(Integer.toString(type)))
            {
                return packet.payload().clone();
            }
        }
        throw new AssertionError("no WireGuard message of type " + type);
    }

    /** tshark's index text ("0xd5674ecd") as the unsigned value ipfixprobe prints. */
    static String index(final String hex)
    {
        return Long.toString(Long.decode(hex));
    }
}
