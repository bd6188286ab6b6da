package io.weir.plugins.quic;

import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** weir's AES-128 block encryption against FIPS 197 Appendix C.1 and against the JDK's AES. */
class AesBlockTest
{
    @Test
    void encryptsTheFips197Example()
    {
        final AesBlock aes = new AesBlock();
        aes.key(Hex.bytes("000102030405060708090a0b0c0d0e0f"), 0);
        final byte[] out = new byte[16];
        aes.encrypt(Hex.bytes("00112233445566778899aabbccddeeff"), 0, 16, out, 0);
        assertEquals("69c4e0d86a7b0430d8cdb78070b4c55a", Hex.text(out, 0, 16));
    }

    @Test
    void agreesWithTheJdkOnRandomKeysAndBlocks() throws Exception
    {
        final Random random = new Random(197);
        final AesBlock aes = new AesBlock();
        final Cipher jdk = Cipher.getInstance("AES/ECB/NoPadding");
        for (int i = 0; i < 200; i++)
        {
            final byte[] key = new byte[16];
            final byte[] blocks = new byte[16 * (1 + random.nextInt(8))];
            random.nextBytes(key);
            random.nextBytes(blocks);
            aes.key(key, 0);
            final byte[] ours = new byte[blocks.length];
            aes.encrypt(blocks, 0, blocks.length, ours, 0);
            jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            assertArrayEquals(jdk.doFinal(blocks), ours);
        }
    }
}
