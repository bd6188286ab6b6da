package io.weir.plugins.tlshello;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * Decodes one TLS ClientHello or ServerHello handshake message (RFC 8446 section 4.1.2/4.1.3),
 * starting at its handshake header, into primitive arrays and offsets into the decoded buffer.
 * The same decoder serves TLS over TCP (after the record layer is removed) and QUIC (the CRYPTO
 * stream carries handshake messages without records).
 * <p>
 * Framing is checked strictly up to the extension block, whose length must fit the message; an
 * extension whose length overruns the block ends the walk (the extensions before it are kept), and
 * an extension whose inner lists are inconsistent is kept in the type/length list but contributes
 * nothing else. Offsets returned refer to the buffer last decoded and are valid while it is.
 * Reused for every message: not thread safe, owned by the capture worker.
 */
public final class TlsHelloDecoder
{
    /** The message was decoded. */
    public static final int OK = 0;
    /** The message is longer than the bytes given: {@link #requiredLength()} tells how long. */
    public static final int TRUNCATED = 1;
    /** Lengths that contradict each other, or a message longer than this decoder accepts. */
    public static final int MALFORMED = 2;
    /** Not a ClientHello/ServerHello of TLS 1.0 to 1.3 (legacy version 3.1 to 3.3). */
    public static final int NOT_HELLO = 3;

    private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;
    private static final int HANDSHAKE_HEADER_BYTES = 4;
    private static final int RANDOM_BYTES = 32;
    private static final int MAX_SESSION_ID_BYTES = 32;

    private final int maxMessageBytes;
    private final char[] cipherSuites;
    private final char[] extensionTypes;
    private final char[] extensionLengths;
    private final int[] extensionOffsets;
    private final char[] supportedGroups;
    private final char[] pointFormats;
    private final char[] signatureAlgorithms;
    private final char[] supportedVersions;

    private DirectBuffer buffer;
    private int type;
    private int legacyVersion;
    private int requiredLength;
    private int cipherSuiteCount;
    private int extensionCount;
    private int supportedGroupCount;
    private int pointFormatCount;
    private int signatureAlgorithmCount;
    private int supportedVersionCount;
    private boolean serverNameExtension;
    private int serverNameOffset;
    private int serverNameLength;
    private boolean alpnExtension;
    private int alpnOffset;
    private int alpnLength;
    private int transportParametersOffset;
    private int transportParametersLength;

    /**
     * @param maxMessageBytes the longest handshake message (header included) this decoder accepts;
     *                        every list is sized so that no message up to this length can overflow it
     */
    public TlsHelloDecoder(final int maxMessageBytes)
    {
        this.maxMessageBytes = maxMessageBytes;
        final int pairs = maxMessageBytes / 2 + 1;
        this.cipherSuites = new char[pairs];
        this.extensionTypes = new char[maxMessageBytes / 4 + 1];
        this.extensionLengths = new char[maxMessageBytes / 4 + 1];
        this.extensionOffsets = new int[maxMessageBytes / 4 + 1];
        this.supportedGroups = new char[pairs];
        this.pointFormats = new char[256];
        this.signatureAlgorithms = new char[pairs];
        this.supportedVersions = new char[128];
    }

    public int maxMessageBytes()
    {
        return maxMessageBytes;
    }

    /**
     * Decodes the handshake message at {@code offset}; {@code length} is how many bytes are there
     * (bytes after the message are ignored).
     *
     * @return {@link #OK}, {@link #TRUNCATED}, {@link #MALFORMED} or {@link #NOT_HELLO}
     */
    public int decode(final DirectBuffer buffer, final int offset, final int length)
    {
        reset(buffer);
        if (length < HANDSHAKE_HEADER_BYTES)
        {
            requiredLength = HANDSHAKE_HEADER_BYTES;
            return length > 0 && !isHelloType(buffer.getByte(offset) & 0xFF) ? NOT_HELLO : TRUNCATED;
        }
        type = buffer.getByte(offset) & 0xFF;
        if (!isHelloType(type))
        {
            return NOT_HELLO;
        }
        final int bodyLength = ((buffer.getByte(offset + 1) & 0xFF) << 16) | (buffer.getShort(offset + 2, BIG) & 0xFFFF);
        if (bodyLength > maxMessageBytes - HANDSHAKE_HEADER_BYTES)
        {
            return MALFORMED;
        }
        requiredLength = HANDSHAKE_HEADER_BYTES + bodyLength;
        if (length < requiredLength)
        {
            return TRUNCATED;
        }
        final int end = offset + requiredLength;
        int p = offset + HANDSHAKE_HEADER_BYTES;
        if (p + 2 + RANDOM_BYTES + 1 > end)
        {
            return MALFORMED;
        }
        legacyVersion = buffer.getShort(p, BIG) & 0xFFFF;
        if ((legacyVersion >>> 8) != 3 || (legacyVersion & 0xFF) < 1 || (legacyVersion & 0xFF) > 3)
        {
            return NOT_HELLO;
        }
        p += 2 + RANDOM_BYTES;
        final int sessionIdLength = buffer.getByte(p) & 0xFF;
        p += 1 + sessionIdLength;
        if (sessionIdLength > MAX_SESSION_ID_BYTES || p > end)
        {
            return MALFORMED;
        }
        p = type == TlsNumbers.CLIENT_HELLO ? clientSuites(p, end) : p + 3;
        if (p < 0 || p > end)
        {
            return MALFORMED;
        }
        if (p == end)
        {
            return OK;
        }
        if (p + 2 > end)
        {
            return MALFORMED;
        }
        final int extensionsEnd = p + 2 + (buffer.getShort(p, BIG) & 0xFFFF);
        if (extensionsEnd > end)
        {
            return MALFORMED;
        }
        extensions(p + 2, extensionsEnd);
        return OK;
    }

    private static boolean isHelloType(final int type)
    {
        return type == TlsNumbers.CLIENT_HELLO || type == TlsNumbers.SERVER_HELLO;
    }

    private void reset(final DirectBuffer buffer)
    {
        this.buffer = buffer;
        type = 0;
        legacyVersion = 0;
        requiredLength = 0;
        cipherSuiteCount = 0;
        extensionCount = 0;
        supportedGroupCount = 0;
        pointFormatCount = 0;
        signatureAlgorithmCount = 0;
        supportedVersionCount = 0;
        serverNameExtension = false;
        serverNameOffset = -1;
        serverNameLength = 0;
        alpnExtension = false;
        alpnOffset = -1;
        alpnLength = 0;
        transportParametersOffset = -1;
        transportParametersLength = 0;
    }

    /** Cipher suites and compression methods of a ClientHello; returns the offset after them, or -1. */
    private int clientSuites(final int start, final int end)
    {
        int p = start;
        if (p + 2 > end)
        {
            return -1;
        }
        final int suitesLength = buffer.getShort(p, BIG) & 0xFFFF;
        p += 2;
        if ((suitesLength & 1) != 0 || p + suitesLength > end)
        {
            return -1;
        }
        for (int i = 0; i < suitesLength; i += 2)
        {
            cipherSuites[cipherSuiteCount++] = (char)(buffer.getShort(p + i, BIG) & 0xFFFF);
        }
        p += suitesLength;
        if (p + 1 > end)
        {
            return -1;
        }
        p += 1 + (buffer.getByte(p) & 0xFF);
        return p;
    }

    private void extensions(final int start, final int end)
    {
        int p = start;
        while (p + 4 <= end)
        {
            final int extensionType = buffer.getShort(p, BIG) & 0xFFFF;
            final int extensionLength = buffer.getShort(p + 2, BIG) & 0xFFFF;
            final int payload = p + 4;
            if (payload + extensionLength > end)
            {
                break;
            }
            extensionTypes[extensionCount] = (char)extensionType;
            extensionLengths[extensionCount] = (char)extensionLength;
            extensionOffsets[extensionCount] = payload;
            extensionCount++;
            if (type == TlsNumbers.CLIENT_HELLO)
            {
                clientExtension(extensionType, payload, extensionLength);
            }
            else
            {
                serverExtension(extensionType, payload, extensionLength);
            }
            p = payload + extensionLength;
        }
    }

    private void clientExtension(final int extensionType, final int payload, final int length)
    {
        switch (extensionType)
        {
            case TlsNumbers.EXT_SERVER_NAME:
                serverNameExtension = true;
                serverName(payload, length);
                break;
            case TlsNumbers.EXT_SUPPORTED_GROUPS:
                supportedGroupCount = u16List(payload, length, supportedGroups);
                break;
            case TlsNumbers.EXT_EC_POINT_FORMATS:
                pointFormats(payload, length);
                break;
            case TlsNumbers.EXT_SIGNATURE_ALGORITHMS:
                signatureAlgorithmCount = u16List(payload, length, signatureAlgorithms);
                break;
            case TlsNumbers.EXT_ALPN:
                alpnExtension = true;
                firstProtocol(payload, length);
                break;
            case TlsNumbers.EXT_SUPPORTED_VERSIONS:
                clientVersions(payload, length);
                break;
            default:
                if (TlsNumbers.isQuicTransportParameters(extensionType) && transportParametersOffset < 0)
                {
                    transportParametersOffset = payload;
                    transportParametersLength = length;
                }
                break;
        }
    }

    private void serverExtension(final int extensionType, final int payload, final int length)
    {
        if (extensionType == TlsNumbers.EXT_ALPN)
        {
            alpnExtension = true;
            firstProtocol(payload, length);
        }
        else if (extensionType == TlsNumbers.EXT_SUPPORTED_VERSIONS && length == 2)
        {
            supportedVersions[0] = (char)(buffer.getShort(payload, BIG) & 0xFFFF);
            supportedVersionCount = 1;
        }
    }

    /** The first host_name of a server_name list (RFC 6066 section 3). */
    private void serverName(final int payload, final int length)
    {
        if (length < 2)
        {
            return;
        }
        final int listEnd = payload + 2 + (buffer.getShort(payload, BIG) & 0xFFFF);
        if (listEnd > payload + length)
        {
            return;
        }
        int p = payload + 2;
        while (p + 3 <= listEnd)
        {
            final int nameType = buffer.getByte(p) & 0xFF;
            final int nameLength = buffer.getShort(p + 1, BIG) & 0xFFFF;
            if (p + 3 + nameLength > listEnd)
            {
                return;
            }
            if (nameType == TlsNumbers.SERVER_NAME_HOST)
            {
                serverNameOffset = p + 3;
                serverNameLength = nameLength;
                return;
            }
            p += 3 + nameLength;
        }
    }

    /** The first protocol of a ProtocolNameList (RFC 7301 section 3.1). */
    private void firstProtocol(final int payload, final int length)
    {
        if (length < 3)
        {
            return;
        }
        final int listEnd = payload + 2 + (buffer.getShort(payload, BIG) & 0xFFFF);
        if (listEnd > payload + length)
        {
            return;
        }
        final int nameLength = buffer.getByte(payload + 2) & 0xFF;
        if (payload + 3 + nameLength <= listEnd)
        {
            alpnOffset = payload + 3;
            alpnLength = nameLength;
        }
    }

    /** A list of 16-bit values behind a 16-bit byte length; returns how many were read, 0 when inconsistent. */
    private int u16List(final int payload, final int length, final char[] values)
    {
        if (length < 2)
        {
            return 0;
        }
        final int listLength = buffer.getShort(payload, BIG) & 0xFFFF;
        if ((listLength & 1) != 0 || 2 + listLength > length)
        {
            return 0;
        }
        final int count = listLength / 2;
        for (int i = 0; i < count; i++)
        {
            values[i] = (char)(buffer.getShort(payload + 2 + 2 * i, BIG) & 0xFFFF);
        }
        return count;
    }

    private void pointFormats(final int payload, final int length)
    {
        if (length < 1)
        {
            return;
        }
        final int count = buffer.getByte(payload) & 0xFF;
        if (1 + count > length)
        {
            return;
        }
        for (int i = 0; i < count; i++)
        {
            pointFormats[i] = (char)(buffer.getByte(payload + 1 + i) & 0xFF);
        }
        pointFormatCount = count;
    }

    private void clientVersions(final int payload, final int length)
    {
        if (length < 1)
        {
            return;
        }
        final int listLength = buffer.getByte(payload) & 0xFF;
        if ((listLength & 1) != 0 || 1 + listLength > length)
        {
            return;
        }
        final int count = listLength / 2;
        for (int i = 0; i < count; i++)
        {
            supportedVersions[i] = (char)(buffer.getShort(payload + 1 + 2 * i, BIG) & 0xFFFF);
        }
        supportedVersionCount = count;
    }

    /** The buffer of the last decode: offsets below point into it. */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /** {@link TlsNumbers#CLIENT_HELLO} or {@link TlsNumbers#SERVER_HELLO}. */
    public int type()
    {
        return type;
    }

    /** legacy_version of the hello (0x0303 for TLS 1.2 and 1.3). */
    public int legacyVersion()
    {
        return legacyVersion;
    }

    /** Length the message needs (header included) when {@link #decode} returned {@link #TRUNCATED} or OK. */
    public int requiredLength()
    {
        return requiredLength;
    }

    public int cipherSuiteCount()
    {
        return cipherSuiteCount;
    }

    /** The i-th cipher suite as offered, GREASE included. */
    public int cipherSuite(final int i)
    {
        return cipherSuites[i];
    }

    public int extensionCount()
    {
        return extensionCount;
    }

    /** The i-th extension type as offered, GREASE included. */
    public int extensionType(final int i)
    {
        return extensionTypes[i];
    }

    public int extensionLength(final int i)
    {
        return extensionLengths[i];
    }

    /** Offset of the i-th extension's payload in {@link #buffer()}. */
    public int extensionOffset(final int i)
    {
        return extensionOffsets[i];
    }

    public int supportedGroupCount()
    {
        return supportedGroupCount;
    }

    public int supportedGroup(final int i)
    {
        return supportedGroups[i];
    }

    public int pointFormatCount()
    {
        return pointFormatCount;
    }

    public int pointFormat(final int i)
    {
        return pointFormats[i];
    }

    public int signatureAlgorithmCount()
    {
        return signatureAlgorithmCount;
    }

    public int signatureAlgorithm(final int i)
    {
        return signatureAlgorithms[i];
    }

    /** Versions of the supported_versions extension: the offered list, or the server's one choice. */
    public int supportedVersionCount()
    {
        return supportedVersionCount;
    }

    public int supportedVersion(final int i)
    {
        return supportedVersions[i];
    }

    /** Whether a server_name extension is present (even if it holds no usable host name). */
    public boolean hasServerNameExtension()
    {
        return serverNameExtension;
    }

    /** Offset of the first host_name, or -1. */
    public int serverNameOffset()
    {
        return serverNameOffset;
    }

    public int serverNameLength()
    {
        return serverNameLength;
    }

    public boolean hasAlpnExtension()
    {
        return alpnExtension;
    }

    /** Offset of the first ALPN protocol name, or -1. */
    public int alpnOffset()
    {
        return alpnOffset;
    }

    public int alpnLength()
    {
        return alpnLength;
    }

    /** Offset of the first quic_transport_parameters extension's payload, or -1. */
    public int transportParametersOffset()
    {
        return transportParametersOffset;
    }

    public int transportParametersLength()
    {
        return transportParametersLength;
    }
}
