package io.weir.plugins.quic;

import io.weir.plugins.tlshello.TlsHelloDecoder;
import io.weir.plugins.tlshello.TlsNumbers;
import org.agrona.DirectBuffer;

/**
 * What the quic plugin takes from a decrypted ClientHello, copied out of the CRYPTO stream so that
 * the stream can go back to its pool before the flow logic decides what to keep. Reused for every
 * ClientHello. Not thread safe.
 */
final class ClientHelloCapture
{
    /** google_user_agent transport parameter (Chromium's QUIC). */
    static final long GOOGLE_USER_AGENT = 0x3129;

    final byte[] serverName = new byte[QuicFlow.MAX_NAME_BYTES];
    int serverNameLength;
    final byte[] userAgent = new byte[QuicFlow.MAX_NAME_BYTES];
    int userAgentLength;
    final char[] extensionTypes = new char[QuicFlow.MAX_EXTENSIONS];
    final char[] extensionLengths = new char[QuicFlow.MAX_EXTENSIONS];
    int extensionCount;
    final byte[] tlsExtensions = new byte[QuicFlow.MAX_TLS_EXT_BYTES];
    int tlsExtensionsLength;

    void capture(final TlsHelloDecoder hello)
    {
        final DirectBuffer buffer = hello.buffer();
        serverNameLength = 0;
        if (hello.serverNameOffset() >= 0)
        {
            serverNameLength = Math.min(QuicFlow.MAX_NAME_BYTES, hello.serverNameLength());
            buffer.getBytes(hello.serverNameOffset(), serverName, 0, serverNameLength);
        }
        userAgentLength = 0;
        if (hello.transportParametersOffset() >= 0)
        {
            userAgent(buffer, hello.transportParametersOffset(),
                hello.transportParametersOffset() + hello.transportParametersLength());
        }
        extensionCount = Math.min(QuicFlow.MAX_EXTENSIONS, hello.extensionCount());
        for (int i = 0; i < extensionCount; i++)
        {
            extensionTypes[i] = (char)hello.extensionType(i);
            extensionLengths[i] = (char)hello.extensionLength(i);
        }
        tlsExtensionsLength = 0;
        for (int i = 0; i < hello.extensionCount(); i++)
        {
            final int type = hello.extensionType(i);
            final int length = hello.extensionLength(i);
            if ((type == TlsNumbers.EXT_ALPN || TlsNumbers.isQuicTransportParameters(type))
                && tlsExtensionsLength + length < QuicFlow.MAX_TLS_EXT_BYTES)
            {
                buffer.getBytes(hello.extensionOffset(i), tlsExtensions, tlsExtensionsLength, length);
                tlsExtensionsLength += length;
            }
        }
    }

    /** Finds the user agent among transport parameters (RFC 9000 section 18: id and length as varints). */
    private void userAgent(final DirectBuffer buffer, final int start, final int end)
    {
        int p = start;
        while (p < end)
        {
            final long id = varint(buffer, p, end);
            if (id < 0)
            {
                return;
            }
            p += size(buffer, p);
            final long length = varint(buffer, p, end);
            if (length < 0)
            {
                return;
            }
            p += size(buffer, p);
            if (length > end - p)
            {
                return;
            }
            if (id == GOOGLE_USER_AGENT)
            {
                userAgentLength = (int)Math.min(QuicFlow.MAX_NAME_BYTES, length);
                buffer.getBytes(p, userAgent, 0, userAgentLength);
                return;
            }
            p += (int)length;
        }
    }

    private static long varint(final DirectBuffer buffer, final int p, final int end)
    {
        if (p >= end)
        {
            return -1;
        }
        final int size = size(buffer, p);
        if (p + size > end)
        {
            return -1;
        }
        long value = buffer.getByte(p) & 0x3F;
        for (int i = 1; i < size; i++)
        {
            value = (value << 8) | (buffer.getByte(p + i) & 0xFF);
        }
        return value;
    }

    private static int size(final DirectBuffer buffer, final int p)
    {
        return 1 << ((buffer.getByte(p) & 0xFF) >>> 6);
    }
}
