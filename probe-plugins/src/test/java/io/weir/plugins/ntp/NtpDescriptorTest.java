package io.weir.plugins.ntp;

import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The header check on the real NTP payloads of ntp.pcap, and on copies broken one field at a time. */
class NtpDescriptorTest
{
    private static List<NtpCapture.Packet> packets;

    @BeforeAll
    static void readCapture()
    {
        packets = NtpCapture.packets();
    }

    private static boolean accepted(final byte[] payload)
    {
        return NtpDescriptor.isAccepted(new UnsafeBuffer(payload), 0, payload.length);
    }

    private static byte[] client()
    {
        return packets.get(0).payload().clone();
    }

    @Test
    void acceptsEveryPacketOfTheCaptureAndReadsTheHeaderAsTsharkDoes()
    {
        assertEquals(56, packets.size());
        for (final NtpCapture.Packet packet : packets)
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(packet.payload());
            assertTrue(accepted(packet.payload()));
            assertEquals(packet.leap(), NtpDescriptor.leap(buffer, 0));
            assertEquals(packet.version(), NtpDescriptor.version(buffer, 0));
            assertEquals(packet.mode(), NtpDescriptor.mode(buffer, 0));
            assertEquals(packet.stratum(), NtpDescriptor.u8(buffer, 0, NtpDescriptor.STRATUM_OFFSET));
            assertEquals(packet.poll(), NtpDescriptor.u8(buffer, 0, NtpDescriptor.POLL_OFFSET));
            assertEquals(packet.precision(), NtpDescriptor.u8(buffer, 0, NtpDescriptor.PRECISION_OFFSET));
            assertEquals(packet.rootDelay(), NtpDescriptor.u32(buffer, 0, NtpDescriptor.ROOT_DELAY_OFFSET));
            assertEquals(packet.rootDispersion(), NtpDescriptor.u32(buffer, 0, NtpDescriptor.ROOT_DISPERSION_OFFSET));
        }
    }

    @Test
    void rejectsHeaderShorterThan48Bytes()
    {
        final byte[] whole = client();
        final byte[] cut = new byte[47];
        System.arraycopy(whole, 0, cut, 0, cut.length);
        assertFalse(accepted(cut));
        assertFalse(accepted(new byte[0]));
    }

    @Test
    void rejectsVersionsOtherThanFour()
    {
        for (int version = 0; version < 8; version++)
        {
            final byte[] payload = client();
            payload[0] = (byte)((payload[0] & 0xC7) | (version << 3));
            assertEquals(version == 4, accepted(payload), "version " + version);
        }
    }

    @Test
    void acceptsOnlyClientAndServerModes()
    {
        for (int mode = 0; mode < 8; mode++)
        {
            final byte[] payload = client();
            payload[0] = (byte)((payload[0] & 0xF8) | mode);
            assertEquals(mode == 3 || mode == 4, accepted(payload), "mode " + mode);
        }
    }

    @Test
    void rejectsStratumAbove16AndPollAbove17()
    {
        final byte[] stratum16 = client();
        stratum16[1] = 16;
        assertTrue(accepted(stratum16));
        final byte[] stratum17 = client();
        stratum17[1] = 17;
        assertFalse(accepted(stratum17));
        final byte[] poll17 = client();
        poll17[2] = 17;
        assertTrue(accepted(poll17));
        final byte[] poll18 = client();
        poll18[2] = 18;
        assertFalse(accepted(poll18));
        final byte[] poll255 = client();
        poll255[2] = (byte)0xFF;
        assertFalse(accepted(poll255));
    }
}
