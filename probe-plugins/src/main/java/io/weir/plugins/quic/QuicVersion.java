package io.weir.plugins.quic;

/**
 * QUIC versions whose Initial packets weir decrypts, with their initial salts (RFC 9001 section 5.2,
 * RFC 9369 section 3.3.1, the drafts, and the same vendor versions ipfixprobe maps onto them), and
 * the long header packet type numbering (RFC 9369 section 3.2 swaps it for v2).
 */
final class QuicVersion
{
    static final int NEGOTIATION = 0x00000000;
    static final int V1 = 0x00000001;
    static final int V2 = 0x6b3343cf;
    static final int V2_DRAFT = 0x709a50c4;
    static final int V2_DRAFT_00 = 0xff020000;
    static final int DRAFT_29 = 0xff00001d;

    /** Long packet types, numbered as in v1. */
    static final int INITIAL = 0;
    static final int ZERO_RTT = 1;
    static final int HANDSHAKE = 2;
    static final int RETRY = 3;

    private static final byte[] SALT_V1 = hex("38762cf7f55934b34d179ae6a4c80cadccbb7f0a");
    private static final byte[] SALT_V2 = hex("0dede3def700a6db819381be6e269dcbf9bd2ed9");
    private static final byte[] SALT_V2_DRAFT = hex("a707c203a59b47184a1d62ca570406ea7ae3e5d3");
    private static final byte[] SALT_DRAFT_29 = hex("afbfec289993d24c9e9786f19c6111e04390a899");
    private static final byte[] SALT_DRAFT_23 = hex("c3eef712c72ebb5a11a7d2432bb46365bef9f502");
    private static final byte[] SALT_DRAFT_21 = hex("7fbcdb0e7c66bbe9193a96cd21519ebd7a02644a");
    private static final byte[] SALT_PICOQUIC = hex("306716d76375d5554b2f605eef78d8333dc1ca36");

    private QuicVersion()
    {
    }

    /** The initial salt of a version, or null when weir does not decrypt its Initials. */
    static byte[] salt(final int version)
    {
        if (version == V1)
        {
            return SALT_V1;
        }
        if (version == V2)
        {
            return SALT_V2;
        }
        if (version == V2_DRAFT || version == V2_DRAFT_00)
        {
            return SALT_V2_DRAFT;
        }
        if ((version >>> 8) == 0xff0000)
        {
            final int draft = version & 0xff;
            if (draft >= 33 && draft <= 34)
            {
                return SALT_V1;
            }
            if (draft >= 29 && draft <= 32)
            {
                return SALT_DRAFT_29;
            }
            if (draft >= 23 && draft <= 28)
            {
                return SALT_DRAFT_23;
            }
            return null;
        }
        switch (version)
        {
            case 0xfaceb001:
                return SALT_DRAFT_21;
            case 0xfaceb002:
            case 0xfaceb00d:
            case 0xfaceb00e:
            case 0xfaceb00f:
            case 0xfaceb010:
            case 0xfaceb011:
            case 0xfaceb012:
            case 0xfaceb013:
                return SALT_DRAFT_23;
            case 0x50435130:
            case 0x50435131:
                return SALT_PICOQUIC;
            default:
                break;
        }
        if ((version & 0xfffffff0) == 0xabcd0000)
        {
            return SALT_DRAFT_29;
        }
        if ((version & 0x0f0f0f0f) == 0x0a0a0a0a || (version & 0xffffff00) == 0x51474f00
            || (version & 0xffffff00) == 0x91c17000)
        {
            return SALT_V1;
        }
        return null;
    }

    /** Whether a long header with this version is QUIC as weir reads it (negotiation included). */
    static boolean known(final int version)
    {
        return version == NEGOTIATION || salt(version) != null;
    }

    /** RFC 9369 versions: other key labels ("quicv2 ...") and other packet type numbers. */
    static boolean isV2(final int version)
    {
        return version == V2 || version == V2_DRAFT || version == V2_DRAFT_00;
    }

    /** The long packet type of a first byte, numbered as in v1 ({@link #INITIAL}...{@link #RETRY}). */
    static int packetType(final int firstByte, final int version)
    {
        final int bits = (firstByte >>> 4) & 0x3;
        return isV2(version) ? (bits + 3) & 0x3 : bits;
    }

    private static byte[] hex(final String text)
    {
        final byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++)
        {
            out[i] = (byte)Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
