package io.weir.plugins.quic;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** TLS 1.3 ClientHellos as QUIC clients send them, built for tests. */
final class ClientHellos
{
    private ClientHellos()
    {
    }

    /**
     * A ClientHello with SNI, ALPN h3, supported_versions, a key share of {@code keyShareBytes} bytes
     * (an X25519MLKEM768 share is 1216) and transport parameters carrying the Google user agent.
     */
    static byte[] quic(final String serverName, final String userAgent, final int keyShareBytes, final long seed)
    {
        final Random random = new Random(seed);
        final ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        final byte[] name = serverName.getBytes(StandardCharsets.US_ASCII);
        extension(extensions, 0x0000, ByteBuffer.allocate(5 + name.length).putShort((short)(3 + name.length))
            .put((byte)0).putShort((short)name.length).put(name).array());
        extension(extensions, 0x000a, new byte[] {0, 4, 0x11, (byte)0xec, 0, 0x1d});
        extension(extensions, 0x0010, new byte[] {0, 3, 2, 'h', '3'});
        extension(extensions, 0x000d, new byte[] {0, 6, 4, 3, 8, 4, 4, 1});
        extension(extensions, 0x002b, new byte[] {2, 3, 4});
        final byte[] share = new byte[keyShareBytes];
        random.nextBytes(share);
        extension(extensions, 0x0033, ByteBuffer.allocate(6 + share.length).putShort((short)(4 + share.length))
            .putShort((short)0x11ec).putShort((short)share.length).put(share).array());
        final byte[] agent = userAgent.getBytes(StandardCharsets.US_ASCII);
        final ByteBuffer parameters = ByteBuffer.allocate(64 + agent.length);
        parameters.put((byte)0x01).put((byte)0x04).putInt(0x80007530);
        parameters.put((byte)0x71).put((byte)0x29).put((byte)agent.length).put(agent);
        parameters.put((byte)0x04).put((byte)0x04).putInt(0x80f00000);
        extension(extensions, 0x0039, java.util.Arrays.copyOf(parameters.array(), parameters.position()));
        final byte[] body = extensions.toByteArray();
        final ByteBuffer hello = ByteBuffer.allocate(4 + 2 + 32 + 1 + 2 + 6 + 2 + 2 + body.length);
        hello.put((byte)1).put((byte)0).putShort((short)(hello.capacity() - 4));
        hello.putShort((short)0x0303);
        final byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        hello.put(nonce).put((byte)0).putShort((short)6).putShort((short)0x1301).putShort((short)0x1302)
            .putShort((short)0x1303).put((byte)1).put((byte)0).putShort((short)body.length).put(body);
        return hello.array();
    }

    private static void extension(final ByteArrayOutputStream out, final int type, final byte[] payload)
    {
        out.write(type >>> 8);
        out.write(type);
        out.write(payload.length >>> 8);
        out.write(payload.length);
        out.writeBytes(payload);
    }
}
