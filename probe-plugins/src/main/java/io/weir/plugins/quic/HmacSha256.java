package io.weir.plugins.quic;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA256 (RFC 2104) over one reused {@link MessageDigest}, writing into caller arrays so that
 * deriving QUIC Initial keys allocates nothing. Keys up to 64 bytes (HKDF here uses 20 and 32).
 * Not thread safe: one per plugin instance.
 */
final class HmacSha256
{
    static final int LENGTH = 32;
    private static final int BLOCK = 64;

    private final MessageDigest sha256;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] inner = new byte[LENGTH];

    HmacSha256()
    {
        try
        {
            sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
        }
    }

    void key(final byte[] key, final int offset, final int length)
    {
        if (length > BLOCK)
        {
            throw new IllegalArgumentException("HMAC keys here are at most 64 bytes");
        }
        for (int i = 0; i < BLOCK; i++)
        {
            final byte k = i < length ? key[offset + i] : 0;
            innerPad[i] = (byte)(k ^ 0x36);
            outerPad[i] = (byte)(k ^ 0x5c);
        }
        sha256.reset();
        sha256.update(innerPad);
    }

    void update(final byte[] data, final int offset, final int length)
    {
        sha256.update(data, offset, length);
    }

    void update(final byte value)
    {
        sha256.update(value);
    }

    /** Writes the MAC of everything given since {@link #key} and starts over with the same key. */
    void finish(final byte[] out, final int offset)
    {
        try
        {
            sha256.digest(inner, 0, LENGTH);
            sha256.update(outerPad);
            sha256.update(inner);
            sha256.digest(out, offset, LENGTH);
        }
        catch (final DigestException ex)
        {
            throw new IllegalStateException("SHA-256 output does not fit", ex);
        }
        sha256.update(innerPad);
    }
}
