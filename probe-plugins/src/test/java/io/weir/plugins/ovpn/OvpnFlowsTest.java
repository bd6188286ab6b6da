package io.weir.plugins.ovpn;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handshake tracker, the verdict, the hello and RTP checks, on real and crafted packets. */
class OvpnFlowsTest
{
    private static final int SLOT = 1;

    private final OvpnFlows flows = new OvpnFlows(4);

    private void packet(final int opcode, final boolean fromClient, final boolean hello, final boolean large)
    {
        flows.onPacket(SLOT, opcode, fromClient, !fromClient, hello && fromClient, hello && !fromClient, large);
    }

    private void handshake()
    {
        packet(OvpnDescriptor.HARD_RESET_CLIENT_V2, true, false, false);
        packet(OvpnDescriptor.HARD_RESET_SERVER_V2, false, false, false);
        packet(OvpnDescriptor.ACK_V1, true, false, false);
        packet(OvpnDescriptor.CONTROL_V1, true, true, false);
        packet(OvpnDescriptor.CONTROL_V1, false, true, false);
        packet(OvpnDescriptor.ACK_V1, true, false, false);
    }

    @Test
    void handshakeThenDataReachesTheDataState()
    {
        handshake();
        assertEquals(OvpnFlows.STATUS_CONTROL_ACK, flows.status(SLOT));
        packet(OvpnDescriptor.DATA_V2, true, false, true);
        assertEquals(OvpnFlows.STATUS_DATA, flows.status(SLOT));
    }

    @Test
    void serverResetTowardsAnotherHostIsNotATransition()
    {
        packet(OvpnDescriptor.HARD_RESET_CLIENT_V1, true, false, false);
        flows.onPacket(SLOT, OvpnDescriptor.HARD_RESET_SERVER_V1, false, false, false, false, false);
        assertEquals(OvpnFlows.STATUS_RESET_CLIENT, flows.status(SLOT));
    }

    @Test
    void fivePacketsWithoutOpcodeSendTheFlowBackToTheStart()
    {
        packet(OvpnDescriptor.HARD_RESET_CLIENT_V2, true, false, false);
        packet(OvpnDescriptor.HARD_RESET_SERVER_V2, false, false, false);
        for (int i = 0; i < 4; i++)
        {
            packet(0, true, false, false);
        }
        assertEquals(OvpnFlows.STATUS_RESET_SERVER, flows.status(SLOT));
        packet(0, true, false, false);
        assertEquals(OvpnFlows.STATUS_NULL, flows.status(SLOT));
    }

    @Test
    void threeMisplacedControlPacketsSendTheFlowBackToTheStart()
    {
        packet(OvpnDescriptor.HARD_RESET_CLIENT_V2, true, false, false);
        packet(OvpnDescriptor.CONTROL_V1, true, false, false);
        packet(OvpnDescriptor.CONTROL_V1, true, false, false);
        assertEquals(OvpnFlows.STATUS_RESET_CLIENT, flows.status(SLOT));
        packet(OvpnDescriptor.CONTROL_V1, true, false, false);
        assertEquals(OvpnFlows.STATUS_NULL, flows.status(SLOT));
    }

    @Test
    void dataVerdictNeedsMoreThanTwentyPackets()
    {
        handshake();
        packet(OvpnDescriptor.DATA_V1, true, false, false);
        flows.onEnd(SLOT, 20);
        assertTrue(flows.exported(SLOT));
        assertEquals(0, flows.confidence(SLOT));
        flows.onEnd(SLOT, 21);
        assertEquals(100, flows.confidence(SLOT));
    }

    @Test
    void fiveOrFewerPacketsAreNotExported()
    {
        flows.onEnd(SLOT, 5);
        assertFalse(flows.exported(SLOT));
        flows.onEnd(SLOT, 6);
        assertTrue(flows.exported(SLOT));
        assertEquals(0, flows.confidence(SLOT));
    }

    @Test
    void largeDataShareScoresEightyTimesTheShare()
    {
        for (int i = 0; i < 21; i++)
        {
            packet(i < 16 ? OvpnDescriptor.DATA_V2 : 0, true, false, true);
        }
        flows.onEnd(SLOT, 21);
        assertEquals((int)(16 / 21.0 * 80), flows.confidence(SLOT));
    }

    @Test
    void shareOfExactlySixtyPercentIsBelowIpfixprobesFloatThreshold()
    {
        for (int i = 0; i < 25; i++)
        {
            packet(i < 15 ? OvpnDescriptor.DATA_V2 : 0, true, false, true);
        }
        flows.onEnd(SLOT, 25);
        assertEquals(0, flows.confidence(SLOT), "15/25 = 0.6 < (double)0.6f");
        packet(OvpnDescriptor.DATA_V2, true, false, true);
        flows.onEnd(SLOT, 26);
        assertEquals((int)(16 / 26.0 * 80), flows.confidence(SLOT));
    }

    @Test
    void twentyLargePacketsAreTooFewForTheShareVerdict()
    {
        for (int i = 0; i < 20; i++)
        {
            packet(OvpnDescriptor.DATA_V2, true, false, true);
        }
        flows.onEnd(SLOT, 20);
        assertEquals(0, flows.confidence(SLOT));
    }

    @Test
    void findsTheClientHelloOfTheCaptureWhereTsharkDoes()
    {
        for (final OvpnCapture.Packet packet : OvpnCapture.packets())
        {
            if (packet.protocol() == OvpnPlugin.TCP && packet.payload().length > 0 && !packet.opcode().isEmpty())
            {
                final UnsafeBuffer buffer = new UnsafeBuffer(packet.payload());
                final boolean client = OvpnPlugin.hello(buffer, 0, packet.payload().length,
                    OvpnDescriptor.TCP_OPCODE_OFFSET, OvpnDescriptor.CLIENT_HELLO_RECORD,
                    OvpnDescriptor.CLIENT_HELLO_RECORD_ACKED, OvpnDescriptor.CLIENT_HELLO);
                final boolean server = OvpnPlugin.hello(buffer, 0, packet.payload().length,
                    OvpnDescriptor.TCP_OPCODE_OFFSET, OvpnDescriptor.SERVER_HELLO_RECORD,
                    OvpnDescriptor.SERVER_HELLO_RECORD_ACKED, OvpnDescriptor.SERVER_HELLO);
                assertEquals("1".equals(packet.handshakeType()), client, () -> "frame " + packet.frame());
                assertEquals("2".equals(packet.handshakeType()), server, () -> "frame " + packet.frame());
            }
        }
    }

    @Test
    void helloNeedsTheHandshakeTypeByteCaptured()
    {
        final byte[] hello = new byte[2 + 20];
        hello[2 + 14] = 0x16;
        hello[2 + 19] = 0x01;
        assertTrue(OvpnPlugin.hello(new UnsafeBuffer(hello), 0, hello.length, 2, 14, 42, 1));
        assertFalse(OvpnPlugin.hello(new UnsafeBuffer(hello), 0, hello.length - 1, 2, 14, 42, 1));
    }

    @Test
    void rtpIsVersionTwoWithAPayloadTypeOutsideTheRtcpRange()
    {
        final byte[] rtp = new byte[12];
        rtp[0] = (byte)0x80;
        for (int type = 0; type < 128; type++)
        {
            rtp[1] = (byte)type;
            assertEquals(type < 72 || type > 95, OvpnPlugin.isRtp(new UnsafeBuffer(rtp), 0, 12), "type " + type);
            rtp[1] = (byte)(0x80 | type);
            assertEquals(type < 72 || type > 95, OvpnPlugin.isRtp(new UnsafeBuffer(rtp), 0, 12), "marked type " + type);
        }
        rtp[1] = 0;
        assertFalse(OvpnPlugin.isRtp(new UnsafeBuffer(rtp), 0, 11));
        rtp[0] = 0x40;
        assertFalse(OvpnPlugin.isRtp(new UnsafeBuffer(rtp), 0, 12));
    }

    @Test
    void opcodeIsSkippedForEmptyPayloadsAndZeroForATwoByteTcpPayload()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[] {0x38, 0x00, 0x48});
        assertEquals(OvpnPlugin.NOT_COUNTED, OvpnPlugin.opcode(OvpnPlugin.UDP, buffer, 0, 0));
        assertEquals(7, OvpnPlugin.opcode(OvpnPlugin.UDP, buffer, 0, 1));
        assertEquals(OvpnPlugin.NOT_COUNTED, OvpnPlugin.opcode(OvpnPlugin.TCP, buffer, 0, 1));
        assertEquals(0, OvpnPlugin.opcode(OvpnPlugin.TCP, buffer, 0, 2));
        assertEquals(9, OvpnPlugin.opcode(OvpnPlugin.TCP, buffer, 0, 3));
        assertEquals(0, OvpnPlugin.opcode(1, buffer, 0, 3));
    }
}
