package io.weir.plugins.ovpn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.testing.Frames;
import io.weir.core.testing.TestData;
import io.weir.plugins.wg.testing.Tshark;

/** The packets of ovpn.pcap as tshark dissects them, OpenVPN decoded on the capture's ports. */
final class OvpnCapture
{
    static final Path CAPTURE = TestData.capture("ovpn.pcap");

    /**
     * One packet: addresses, ports, protocol, payload, tshark's OpenVPN opcode and TLS handshake type,
     * and whether tshark dissected a PDU reassembled from earlier segments in this frame.
     */
    record Packet(int frame, String source, String destination, int sourcePort, int destinationPort, int protocol,
                  byte[] payload, String opcode, String handshakeType, boolean reassembled)
    {
        /** The packet rebuilt as an Ethernet frame with the same addresses, ports and payload, parsed. */
        PacketView view()
        {
            final byte[] bytes = protocol == OvpnPlugin.TCP
                ? Frames.tcp4(source, sourcePort, destination, destinationPort, Frames.TCP_ACK, payload.length)
                : Frames.udp4(source, sourcePort, destination, destinationPort, payload.length);
            System.arraycopy(payload, 0, bytes, protocol == OvpnPlugin.TCP ? 54 : 42, payload.length);
            return Frames.parse(bytes, frame * 1000L);
        }
    }

    private static List<Packet> packets;

    private OvpnCapture()
    {
    }

    static synchronized List<Packet> packets()
    {
        if (packets == null)
        {
            packets = new ArrayList<>();
            for (final List<String> row : Tshark.decodedAs(CAPTURE, List.of("tcp.port==10103,openvpn",
                "udp.port==10102,openvpn", "udp.port==10100,openvpn"), "frame.number", "ip.src", "ip.dst", "ip.proto",
                "tcp.srcport", "tcp.dstport", "udp.srcport", "udp.dstport", "tcp.payload", "udp.payload",
                "openvpn.opcode", "tls.handshake.type", "tcp.segment"))
            {
                final int protocol = Integer.parseInt(row.get(3));
                final boolean tcp = protocol == OvpnPlugin.TCP;
                packets.add(new Packet(Integer.parseInt(row.get(0)), row.get(1), row.get(2),
                    Integer.parseInt(row.get(tcp ? 4 : 6)), Integer.parseInt(row.get(tcp ? 5 : 7)), protocol,
                    Tshark.hex(row.get(tcp ? 8 : 9)), row.get(10), row.get(11), !row.get(12).isEmpty()));
            }
        }
        return packets;
    }
}
