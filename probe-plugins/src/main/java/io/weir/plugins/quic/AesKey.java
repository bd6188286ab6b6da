package io.weir.plugins.quic;

import java.util.Arrays;

import javax.crypto.SecretKey;

/**
 * An AES-128 key whose bytes are overwritten in place, so that one key object serves every flow.
 * {@link #getEncoded()} hands out a copy, as providers expect to own (and wipe) what they get.
 */
final class AesKey implements SecretKey
{
    private static final long serialVersionUID = 1L;

    final byte[] bytes = new byte[16];

    @Override
    public String getAlgorithm()
    {
        return "AES";
    }

    @Override
    public String getFormat()
    {
        return "RAW";
    }

    @Override
    public byte[] getEncoded()
    {
        return bytes.clone();
    }

    boolean sameAs(final byte[] other, final int offset)
    {
        return Arrays.equals(bytes, 0, 16, other, offset, offset + 16);
    }
}
