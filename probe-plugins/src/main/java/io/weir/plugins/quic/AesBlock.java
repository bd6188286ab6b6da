package io.weir.plugins.quic;

import java.security.GeneralSecurityException;

import javax.crypto.Cipher;

/**
 * AES-128 block encryption (ECB, no padding) with a key that changes per connection: the Cipher is
 * made once; a new key costs one {@code init}, repeated keys cost nothing. Not thread safe.
 */
final class AesBlock
{
    private final Cipher cipher;
    private final AesKey key = new AesKey();
    private boolean keyed;

    AesBlock()
    {
        try
        {
            cipher = Cipher.getInstance("AES/ECB/NoPadding");
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("AES is required of every Java platform", ex);
        }
    }

    void key(final byte[] keyBytes, final int offset)
    {
        if (keyed && key.sameAs(keyBytes, offset))
        {
            return;
        }
        System.arraycopy(keyBytes, offset, key.bytes, 0, 16);
        try
        {
            cipher.init(Cipher.ENCRYPT_MODE, key);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("a 16-byte AES key was refused", ex);
        }
        keyed = true;
    }

    /** Encrypts {@code length} bytes (a multiple of 16) from {@code in} into {@code out}. */
    void encrypt(final byte[] in, final int inOffset, final int length, final byte[] out, final int outOffset)
    {
        try
        {
            cipher.update(in, inOffset, length, out, outOffset);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("AES/ECB refused whole blocks", ex);
        }
    }
}
