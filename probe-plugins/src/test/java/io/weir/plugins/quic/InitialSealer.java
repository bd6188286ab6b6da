package io.weir.plugins.quic;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds protected client Initial packets for tests, the way a QUIC client does (RFC 9001 section 5),
 * with the JDK's own HMAC and AES-GCM: an implementation independent of weir's, whose output tshark
 * also decrypts, so that tests can make captures of cases the bundled ones lack.
 */
final class InitialSealer
{
    private final int version;
    private final byte[] dcid;
    private final byte[] scid;
    private final byte[] key;
    private final byte[] iv;
    private final byte[] hp;

    InitialSealer(final int version, final byte[] dcid, final byte[] scid) throws Exception
    {
        this.version = version;
        this.dcid = dcid;
        this.scid = scid;
        final boolean v2 = version == QuicVersion.V2;
        final byte[] salt = Hex.bytes(v2 ? "0dede3def700a6db819381be6e269dcbf9bd2ed9"
            : version == QuicVersion.V1 ? "38762cf7f55934b34d179ae6a4c80cadccbb7f0a" : "afbfec289993d24c9e9786f19c6111e04390a899");
        final byte[] initial = hmac(salt, dcid);
        final byte[] client = expandLabel(initial, "client in", 32);
        key = expandLabel(client, v2 ? "quicv2 key" : "quic key", 16);
        iv = expandLabel(client, v2 ? "quicv2 iv" : "quic iv", 12);
        hp = expandLabel(client, v2 ? "quicv2 hp" : "quic hp", 16);
    }

    private static byte[] hmac(final byte[] key, final byte[] data) throws Exception
    {
        final Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] expandLabel(final byte[] secret, final String label, final int length) throws Exception
    {
        final byte[] text = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        final ByteBuffer info = ByteBuffer.allocate(4 + text.length + 1);
        info.putShort((short)length).put((byte)text.length).put(text).put((byte)0).put((byte)1);
        final byte[] out = new byte[length];
        System.arraycopy(hmac(secret, info.array()), 0, out, 0, length);
        return out;
    }

    /** A CRYPTO frame (RFC 9000 section 19.6) with 4-byte varint offset and length. */
    static byte[] crypto(final byte[] stream, final int offset, final int length)
    {
        final ByteBuffer frame = ByteBuffer.allocate(9 + length);
        frame.put((byte)0x06).putInt(0x80000000 | offset).putInt(0x80000000 | length).put(stream, offset, length);
        return frame.array();
    }

    /** A protected Initial datagram of at least 1200 bytes carrying {@code frames}, then PADDING. */
    byte[] seal(final int packetNumber, final byte[]... frames) throws Exception
    {
        return sealWithToken(packetNumber, new byte[0], frames);
    }

    /** The same with a token (at most 63 bytes) in the Initial header. */
    byte[] sealWithToken(final int packetNumber, final byte[] token, final byte[]... frames) throws Exception
    {
        final ByteArrayOutputStream plain = new ByteArrayOutputStream();
        for (final byte[] frame : frames)
        {
            plain.write(frame);
        }
        final int headerWithoutLength = 1 + 4 + 1 + dcid.length + 1 + scid.length + 1 + token.length;
        final int minimumPayload = 1200 - headerWithoutLength - 2 - 2 - 16;
        while (plain.size() < minimumPayload)
        {
            plain.write(0);
        }
        final byte[] payload = plain.toByteArray();
        final int length = 2 + payload.length + 16;
        final ByteBuffer header = ByteBuffer.allocate(headerWithoutLength + 2 + 2);
        final int initialBits = version == QuicVersion.V2 ? 0x10 : 0x00;
        header.put((byte)(0xc0 | initialBits | 0x01)).putInt(version).put((byte)dcid.length).put(dcid)
            .put((byte)scid.length).put(scid).put((byte)token.length).put(token).putShort((short)(0x4000 | length))
            .putShort((short)packetNumber);
        final byte[] headerBytes = header.array();
        final byte[] nonce = iv.clone();
        nonce[10] ^= (byte)(packetNumber >>> 8);
        nonce[11] ^= (byte)packetNumber;
        final Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(headerBytes);
        final byte[] sealed = gcm.doFinal(payload);
        final byte[] packet = new byte[headerBytes.length + sealed.length];
        System.arraycopy(headerBytes, 0, packet, 0, headerBytes.length);
        System.arraycopy(sealed, 0, packet, headerBytes.length, sealed.length);
        final int pnOffset = headerBytes.length - 2;
        final Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(hp, "AES"));
        final byte[] mask = ecb.doFinal(packet, pnOffset + 4, 16);
        packet[0] ^= (byte)(mask[0] & 0x0f);
        packet[pnOffset] ^= mask[1];
        packet[pnOffset + 1] ^= mask[2];
        return packet;
    }

    /** Ethernet + IPv4 + UDP around a datagram (checksums zero). */
    static byte[] udpFrame(final String source, final int sourcePort, final String destination, final int destinationPort,
                           final byte[] datagram)
    {
        final ByteBuffer frame = ByteBuffer.allocate(14 + 20 + 8 + datagram.length);
        frame.put(Hex.bytes("020000000002020000000001")).putShort((short)0x0800);
        frame.put((byte)0x45).put((byte)0).putShort((short)(20 + 8 + datagram.length)).putShort((short)1)
            .putShort((short)0x4000).put((byte)64).put((byte)17).putShort((short)0);
        for (final String address : new String[] {source, destination})
        {
            for (final String part : address.split("\\."))
            {
                frame.put((byte)Integer.parseInt(part));
            }
        }
        frame.putShort((short)sourcePort).putShort((short)destinationPort).putShort((short)(8 + datagram.length))
            .putShort((short)0).put(datagram);
        return frame.array();
    }
}
