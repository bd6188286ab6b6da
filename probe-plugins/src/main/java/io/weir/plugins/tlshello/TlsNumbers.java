package io.weir.plugins.tlshello;

/**
 * The TLS code points the hello decoder and the fingerprints need (RFC 8446, RFC 7301, RFC 9001,
 * RFC 8701 and the IANA TLS registries).
 */
public final class TlsNumbers
{
    public static final int CONTENT_HANDSHAKE = 22;

    public static final int CLIENT_HELLO = 1;
    public static final int SERVER_HELLO = 2;

    public static final int EXT_SERVER_NAME = 0x0000;
    public static final int EXT_SUPPORTED_GROUPS = 0x000a;
    public static final int EXT_EC_POINT_FORMATS = 0x000b;
    public static final int EXT_SIGNATURE_ALGORITHMS = 0x000d;
    public static final int EXT_ALPN = 0x0010;
    public static final int EXT_SUPPORTED_VERSIONS = 0x002b;
    /** quic_transport_parameters of RFC 9001 (drafts 33, 34 and v1). */
    public static final int EXT_QUIC_TRANSPORT_PARAMETERS = 0x0039;
    /** quic_transport_parameters of drafts 13 to 32. */
    public static final int EXT_QUIC_TRANSPORT_PARAMETERS_DRAFT = 0xffa5;
    /** quic_transport_parameters of drafts 2 to 12. */
    public static final int EXT_QUIC_TRANSPORT_PARAMETERS_OLD = 0x0026;

    public static final int SERVER_NAME_HOST = 0;

    private TlsNumbers()
    {
    }

    /** RFC 8701 GREASE values: 0x0a0a, 0x1a1a, ... 0xfafa. */
    public static boolean isGrease(final int value)
    {
        return (value & 0x0f0f) == 0x0a0a && (value >>> 8) == (value & 0xff);
    }

    public static boolean isQuicTransportParameters(final int extensionType)
    {
        return extensionType == EXT_QUIC_TRANSPORT_PARAMETERS
            || extensionType == EXT_QUIC_TRANSPORT_PARAMETERS_DRAFT
            || extensionType == EXT_QUIC_TRANSPORT_PARAMETERS_OLD;
    }
}
