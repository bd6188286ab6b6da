package io.weir.plugins.quic;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Initial packet protection against the sample packets of RFC 9001 Appendix A and RFC 9369 Appendix A. */
class InitialProtectionTest
{
    private static final byte[] DCID = Hex.bytes("8394c8f03e515708");
    /** Both samples: a 1200-byte datagram, 18-byte header before the packet number, Length 0x049e. */
    private static final int PN_OFFSET = 18;

    @Test
    void derivesTheClientInitialKeysOfRfc9001A1()
    {
        final InitialProtection protection = new InitialProtection(2048);
        protection.derive(QuicVersion.V1, DCID, DCID.length);
        assertEquals("1f369613dd76d5467730efcbe3b1a22d", Hex.text(protection.key(), 0, 16));
        assertEquals("fa044b2f42a3fd3b46fb255c", Hex.text(protection.iv(), 0, 12));
        assertEquals("9f50449e04a0e810283a1e9933adedd2", Hex.text(protection.headerProtectionKey(), 0, 16));
    }

    @Test
    void derivesTheClientInitialKeysOfRfc9369A1()
    {
        final InitialProtection protection = new InitialProtection(2048);
        protection.derive(QuicVersion.V2, DCID, DCID.length);
        assertEquals("8b1a0bc121284290a29e0971b5cd045d", Hex.text(protection.key(), 0, 16));
        assertEquals("91f73e2351d8fa91660e909f", Hex.text(protection.iv(), 0, 12));
        assertEquals("45b95e15235d6f45a6b19cbcb0294ba9", Hex.text(protection.headerProtectionKey(), 0, 16));
    }

    @Test
    void opensTheClientInitialOfRfc9001A2() throws Exception
    {
        opens(QuicVersion.V1, Hex.resource("rfc9001-a2-client-initial.hex"));
    }

    @Test
    void opensTheClientInitialOfRfc9369A2() throws Exception
    {
        opens(QuicVersion.V2, Hex.resource("rfc9369-a2-client-initial.hex"));
    }

    private static void opens(final int version, final byte[] datagram) throws Exception
    {
        final InitialProtection protection = new InitialProtection(2048);
        protection.derive(version, DCID, DCID.length);
        final byte[] plaintext = new byte[2048];
        final int length = protection.open(new UnsafeBuffer(datagram), 0, PN_OFFSET, PN_OFFSET + 0x049e, plaintext);
        assertEquals(1162, length);
        assertEquals(2, protection.packetNumber());
        final byte[] expected = Hex.resource("rfc9001-a2-client-initial-plaintext-prefix.hex");
        final byte[] prefix = new byte[expected.length];
        System.arraycopy(plaintext, 0, prefix, 0, prefix.length);
        assertArrayEquals(expected, prefix);
        for (int i = expected.length; i < length; i++)
        {
            assertEquals(0, plaintext[i], "PADDING expected after the CRYPTO frame");
        }
    }

    @Test
    void refusesAPacketWithOneBitFlipped() throws Exception
    {
        final byte[] datagram = Hex.resource("rfc9001-a2-client-initial.hex");
        final InitialProtection protection = new InitialProtection(2048);
        protection.derive(QuicVersion.V1, DCID, DCID.length);
        final byte[] plaintext = new byte[2048];
        for (final int at : new int[] {0, 5, 17, 40, 600, 1199})
        {
            final byte[] flipped = datagram.clone();
            flipped[at] ^= 0x04;
            assertEquals(-1, protection.open(new UnsafeBuffer(flipped), 0, PN_OFFSET, PN_OFFSET + 0x049e, plaintext),
                "bit flipped at " + at);
        }
        assertEquals(1162, protection.open(new UnsafeBuffer(datagram), 0, PN_OFFSET, PN_OFFSET + 0x049e, plaintext));
    }

    @Test
    void refusesWithTheKeysOfAnotherConnectionId() throws Exception
    {
        final InitialProtection protection = new InitialProtection(2048);
        protection.derive(QuicVersion.V1, Hex.bytes("8394c8f03e515709"), 8);
        assertEquals(-1, protection.open(new UnsafeBuffer(Hex.resource("rfc9001-a2-client-initial.hex")), 0,
            PN_OFFSET, PN_OFFSET + 0x049e, new byte[2048]));
    }
}
