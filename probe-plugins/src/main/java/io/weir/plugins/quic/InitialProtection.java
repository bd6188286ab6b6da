package io.weir.plugins.quic;

import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;

/**
 * Removes the protection of a client's Initial packet (RFC 9001 sections 5.2-5.4, RFC 9369 section
 * 3.3): derives the client Initial key, IV and header protection key from the version's salt and the
 * Destination Connection ID with HKDF-SHA256, removes header protection with AES-128 over the sample
 * (ECB, one block) and opens the payload with AES-128-GCM. Every cipher and digest object is made
 * once, here, and reused for all packets and connections; keys are derived again only when the
 * connection ID or version changes, into preallocated arrays.
 * Not thread safe: one per plugin instance.
 */
final class InitialProtection
{
    static final int MAX_CONNECTION_ID = 20;
    private static final int SAMPLE_BYTES = 16;

    private static final byte[] LABEL_CLIENT_IN = label("client in", 32);
    private static final byte[] LABEL_KEY_V1 = label("quic key", 16);
    private static final byte[] LABEL_IV_V1 = label("quic iv", 12);
    private static final byte[] LABEL_HP_V1 = label("quic hp", 16);
    private static final byte[] LABEL_KEY_V2 = label("quicv2 key", 16);
    private static final byte[] LABEL_IV_V2 = label("quicv2 iv", 12);
    private static final byte[] LABEL_HP_V2 = label("quicv2 hp", 16);

    private final HmacSha256 hmac = new HmacSha256();
    private final AesBlock headerProtection = new AesBlock();
    private final AesGcmOpener aead;
    private final byte[] initialSecret = new byte[32];
    private final byte[] clientSecret = new byte[32];
    private final byte[] expanded = new byte[32];
    private final byte[] key = new byte[16];
    private final byte[] iv = new byte[12];
    private final byte[] hp = new byte[16];
    private final byte[] nonce = new byte[12];
    private final byte[] sample = new byte[SAMPLE_BYTES];
    private final byte[] mask = new byte[SAMPLE_BYTES];
    private final byte[] connectionId = new byte[MAX_CONNECTION_ID];
    private final byte[] derivedFor = new byte[MAX_CONNECTION_ID];
    private final byte[] header;
    private final byte[] protectedPayload;
    private int derivedForLength = -1;
    private int derivedForVersion;
    private int packetNumber;
    private int payloadOffset;

    /** @param maxDatagramBytes the longest UDP payload opened */
    InitialProtection(final int maxDatagramBytes)
    {
        aead = new AesGcmOpener(maxDatagramBytes);
        header = new byte[maxDatagramBytes];
        protectedPayload = new byte[maxDatagramBytes];
    }

    /** The client Initial key, IV and header protection key for a connection ID, as RFC 9001 A.1 lists them. */
    void derive(final int version, final DirectBuffer buffer, final int dcidOffset, final int dcidLength)
    {
        buffer.getBytes(dcidOffset, connectionId, 0, dcidLength);
        derive(version, connectionId, dcidLength);
    }

    void derive(final int version, final byte[] dcid, final int dcidLength)
    {
        if (derivedForLength == dcidLength && derivedForVersion == version
            && java.util.Arrays.equals(derivedFor, 0, dcidLength, dcid, 0, dcidLength))
        {
            return;
        }
        final byte[] salt = QuicVersion.salt(version);
        hmac.key(salt, 0, salt.length);
        hmac.update(dcid, 0, dcidLength);
        hmac.finish(initialSecret, 0);
        expandLabel(initialSecret, LABEL_CLIENT_IN, clientSecret, 32);
        final boolean v2 = QuicVersion.isV2(version);
        expandLabel(clientSecret, v2 ? LABEL_KEY_V2 : LABEL_KEY_V1, key, 16);
        expandLabel(clientSecret, v2 ? LABEL_IV_V2 : LABEL_IV_V1, iv, 12);
        expandLabel(clientSecret, v2 ? LABEL_HP_V2 : LABEL_HP_V1, hp, 16);
        System.arraycopy(dcid, 0, derivedFor, 0, dcidLength);
        derivedForLength = dcidLength;
        derivedForVersion = version;
        aead.key(key, 0);
        headerProtection.key(hp, 0);
    }

    /** HKDF-Expand-Label (RFC 8446 section 7.1) with an empty context, for outputs up to 32 bytes. */
    private void expandLabel(final byte[] secret, final byte[] info, final byte[] out, final int length)
    {
        hmac.key(secret, 0, 32);
        hmac.update(info, 0, info.length);
        hmac.update((byte)1);
        hmac.finish(expanded, 0);
        System.arraycopy(expanded, 0, out, 0, length);
    }

    private static byte[] label(final String label, final int length)
    {
        final byte[] text = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        final byte[] info = new byte[2 + 1 + text.length + 1];
        info[0] = (byte)(length >>> 8);
        info[1] = (byte)length;
        info[2] = (byte)text.length;
        System.arraycopy(text, 0, info, 3, text.length);
        return info;
    }

    /**
     * Opens the Initial packet {@code [packetStart, packetEnd)} whose packet number starts at
     * {@code pnOffset}, with the keys of the last {@link #derive}.
     *
     * @return the plaintext length in {@code plaintext}, or -1 when the packet does not open
     */
    int open(final DirectBuffer buffer, final int packetStart, final int pnOffset, final int packetEnd,
             final byte[] plaintext)
    {
        if (pnOffset + 4 + SAMPLE_BYTES > packetEnd || packetEnd - packetStart > header.length)
        {
            return -1;
        }
        buffer.getBytes(pnOffset + 4, sample, 0, SAMPLE_BYTES);
        headerProtection.encrypt(sample, 0, SAMPLE_BYTES, mask, 0);
        final int firstByte = (buffer.getByte(packetStart) ^ (mask[0] & 0x0f)) & 0xFF;
        final int pnLength = (firstByte & 0x03) + 1;
        final int headerLength = pnOffset + pnLength - packetStart;
        buffer.getBytes(packetStart, header, 0, headerLength);
        header[0] = (byte)firstByte;
        int pn = 0;
        for (int i = 0; i < pnLength; i++)
        {
            final int at = headerLength - pnLength + i;
            header[at] = (byte)(header[at] ^ mask[1 + i]);
            pn = (pn << 8) | (header[at] & 0xFF);
        }
        packetNumber = pn;
        System.arraycopy(iv, 0, nonce, 0, 12);
        for (int i = 0; i < 4; i++)
        {
            nonce[11 - i] ^= (byte)(pn >>> (8 * i));
        }
        final int cipherStart = pnOffset + pnLength;
        final int cipherLength = packetEnd - cipherStart;
        if (cipherLength <= AesGcmOpener.TAG_BYTES)
        {
            return -1;
        }
        buffer.getBytes(cipherStart, protectedPayload, 0, cipherLength);
        payloadOffset = cipherStart;
        if (!aead.open(nonce, header, headerLength, protectedPayload, 0, cipherLength, plaintext, 0))
        {
            return -1;
        }
        return cipherLength - AesGcmOpener.TAG_BYTES;
    }

    /** Packet number of the last packet opened (as sent: truncated to its encoded length). */
    int packetNumber()
    {
        return packetNumber;
    }

    int payloadOffset()
    {
        return payloadOffset;
    }

    /** The derived client key, IV and header protection key, for tests against RFC 9001 A.1. */
    byte[] key()
    {
        return key;
    }

    byte[] iv()
    {
        return iv;
    }

    byte[] headerProtectionKey()
    {
        return hp;
    }
}
