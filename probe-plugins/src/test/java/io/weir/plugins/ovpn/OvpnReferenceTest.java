package io.weir.plugins.ovpn;

import java.util.List;

import io.weir.core.decode.PacketView;
import io.weir.core.flow.FlowTable;
import io.weir.core.plugin.FlowContext;
import io.weir.core.testing.IpfixprobeReference;
import io.weir.core.testing.ReferenceMatch;
import io.weir.core.testing.TestData;
import io.weir.plugins.wg.testing.PluginRun;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden test: weir's ovpn records from ovpn.pcap equal ipfixprobe's pcaps/expected/ovpn on every
 * field; the opcodes weir reads and the handshake states it reaches agree with tshark's OpenVPN and
 * TLS dissection of the same packets.
 */
class OvpnReferenceTest
{
    @Test
    void everyReferenceRecordIsMatchedOnEveryField() throws Exception
    {
        final IpfixprobeReference reference = IpfixprobeReference.read(TestData.expected("ovpn"));
        final ReferenceMatch match = ReferenceMatch.of(reference, PluginRun.comparedFields(reference),
            PluginRun.with(PluginRun.records(OvpnPlugin::new, OvpnCapture.CAPTURE), "OVPN_CONF_LEVEL"));
        assertTrue(match.missing().isEmpty() && match.extra().isEmpty(), match::report);
        assertEquals(2, reference.records().size());
    }

    @Test
    void opcodesEqualTsharksWhereTsharkDissectsOpenVpnStartingInTheFrame()
    {
        int compared = 0;
        for (final OvpnCapture.Packet packet : OvpnCapture.packets())
        {
            if (!packet.opcode().isEmpty() && !packet.reassembled())
            {
                final PacketView view = packet.view();
                assertEquals(Integer.decode(packet.opcode()).intValue(),
                    OvpnPlugin.opcode(packet.protocol(), view.buffer(), view.payloadOffset(), view.payloadLength()),
                    () -> "frame " + packet.frame());
                compared++;
            }
        }
        assertEquals(166, compared);
    }

    @Test
    void handshakeStatesFollowTsharksDissectionOfTheTcpConnection()
    {
        final OvpnPlugin plugin = new OvpnPlugin(16);
        final FlowContext flow = new FlowContext(new FlowTable(16));
        final List<OvpnCapture.Packet> packets = OvpnCapture.packets();
        String client = null;
        boolean created = false;
        boolean sawClientHello = false;
        boolean sawServerHello = false;
        boolean sawData = false;
        for (final OvpnCapture.Packet packet : packets)
        {
            if (packet.protocol() != OvpnPlugin.TCP)
            {
                continue;
            }
            if (client == null)
            {
                client = packet.source();
            }
            flow.at(5, packet.source().equals(client));
            if (created)
            {
                plugin.onUpdate(flow, packet.view());
            }
            else
            {
                plugin.onCreate(flow, packet.view());
                created = true;
            }
            final int status = plugin.status(5);
            if ("1".equals(packet.handshakeType()))
            {
                assertEquals(OvpnFlows.STATUS_CLIENT_HELLO, status, () -> "after the ClientHello in frame " + packet.frame());
                sawClientHello = true;
            }
            else if ("2".equals(packet.handshakeType()))
            {
                assertEquals(OvpnFlows.STATUS_SERVER_HELLO, status, () -> "after the ServerHello in frame " + packet.frame());
                sawServerHello = true;
            }
            else if ("0x09".equals(packet.opcode()) || "0x06".equals(packet.opcode()))
            {
                assertEquals(OvpnFlows.STATUS_DATA, status, () -> "after data in frame " + packet.frame());
                sawData = true;
            }
        }
        assertTrue(sawClientHello && sawServerHello && sawData);
    }
}
