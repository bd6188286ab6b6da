package io.weir.plugins.tlshello;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The JA4 TLS client fingerprint (FoxIO, BSD 3-Clause; JA4 only, not JA4+):
 * {@code [t|q]VV[d|i]CCEEAA_bbbbbbbbbbbb_cccccccccccc}, where CC and EE count the cipher suites and
 * extensions without GREASE, AA is the first and last character of the first ALPN value, b is the
 * truncated SHA-256 of the sorted cipher suites and c of the sorted extensions (without SNI and
 * ALPN) followed by the signature algorithms in offered order. Not thread safe: one per plugin.
 */
public final class Ja4
{
    public static final int LENGTH = 36;
    private static final int HASH_CHARS = 12;
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final MessageDigest sha256;
    private final byte[] hash = new byte[32];
    private final AsciiText text = new AsciiText(1024);
    private int[] sorted = new int[128];

    public Ja4()
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

    /**
     * Writes the 36-character fingerprint of the ClientHello just decoded at {@code out[offset..+36)}.
     *
     * @param quic true for a ClientHello carried by QUIC ("q"), false for TLS over TCP ("t")
     */
    public void fingerprint(final TlsHelloDecoder hello, final boolean quic, final byte[] out, final int offset)
    {
        int p = offset;
        out[p++] = (byte)(quic ? 'q' : 't');
        final int versionLabel = versionLabel(hello);
        out[p++] = (byte)(versionLabel >>> 8);
        out[p++] = (byte)versionLabel;
        out[p++] = (byte)(hello.hasServerNameExtension() ? 'd' : 'i');

        final int ciphers = sortedWithoutGrease(hello, true);
        p = twoDigits(Math.min(99, ciphers), out, p);
        int extensions = 0;
        for (int i = 0; i < hello.extensionCount(); i++)
        {
            if (!TlsNumbers.isGrease(hello.extensionType(i)))
            {
                extensions++;
            }
        }
        p = twoDigits(Math.min(99, extensions), out, p);
        p = alpnLabel(hello, out, p);
        out[p++] = '_';

        text.clear();
        for (int i = 0; i < ciphers; i++)
        {
            if (i > 0)
            {
                text.append(',');
            }
            text.appendHex4(sorted[i]);
        }
        p = truncatedHash(ciphers == 0, out, p);
        out[p++] = '_';

        final int hashed = sortedWithoutGrease(hello, false);
        text.clear();
        for (int i = 0; i < hashed; i++)
        {
            if (i > 0)
            {
                text.append(',');
            }
            text.appendHex4(sorted[i]);
        }
        boolean firstAlgorithm = true;
        for (int i = 0; i < hello.signatureAlgorithmCount(); i++)
        {
            final int algorithm = hello.signatureAlgorithm(i);
            if (TlsNumbers.isGrease(algorithm))
            {
                continue;
            }
            text.append(firstAlgorithm ? '_' : ',');
            text.appendHex4(algorithm);
            firstAlgorithm = false;
        }
        truncatedHash(hashed == 0, out, p);
    }

    /** The non-GREASE cipher suites, or extensions less SNI and ALPN, sorted into {@link #sorted}. */
    private int sortedWithoutGrease(final TlsHelloDecoder hello, final boolean ciphers)
    {
        final int total = ciphers ? hello.cipherSuiteCount() : hello.extensionCount();
        if (sorted.length < total)
        {
            sorted = new int[Math.max(total, sorted.length * 2)];
        }
        int n = 0;
        for (int i = 0; i < total; i++)
        {
            final int value = ciphers ? hello.cipherSuite(i) : hello.extensionType(i);
            if (TlsNumbers.isGrease(value)
                || (!ciphers && (value == TlsNumbers.EXT_SERVER_NAME || value == TlsNumbers.EXT_ALPN)))
            {
                continue;
            }
            sorted[n++] = value;
        }
        Arrays.sort(sorted, 0, n);
        return n;
    }

    private static int versionLabel(final TlsHelloDecoder hello)
    {
        int version = -1;
        for (int i = 0; i < hello.supportedVersionCount(); i++)
        {
            final int v = hello.supportedVersion(i);
            if (!TlsNumbers.isGrease(v) && v > version)
            {
                version = v;
            }
        }
        if (version < 0)
        {
            version = hello.legacyVersion();
        }
        switch (version)
        {
            case 0x0304:
                return ('1' << 8) | '3';
            case 0x0303:
                return ('1' << 8) | '2';
            case 0x0302:
                return ('1' << 8) | '1';
            case 0x0301:
                return ('1' << 8) | '0';
            case 0x0300:
                return ('s' << 8) | '3';
            case 0x0002:
                return ('s' << 8) | '2';
            case 0xfeff:
                return ('d' << 8) | '1';
            case 0xfefd:
                return ('d' << 8) | '2';
            case 0xfefc:
                return ('d' << 8) | '3';
            default:
                return ('0' << 8) | '0';
        }
    }

    private static int twoDigits(final int value, final byte[] out, final int p)
    {
        out[p] = (byte)('0' + value / 10);
        out[p + 1] = (byte)('0' + value % 10);
        return p + 2;
    }

    private static int alpnLabel(final TlsHelloDecoder hello, final byte[] out, final int p)
    {
        final int offset = hello.alpnOffset();
        final int length = hello.alpnLength();
        if (offset < 0 || length == 0)
        {
            out[p] = '0';
            out[p + 1] = '0';
            return p + 2;
        }
        final int first = hello.buffer().getByte(offset) & 0xFF;
        final int last = hello.buffer().getByte(offset + length - 1) & 0xFF;
        if (isAlphanumeric(first) && isAlphanumeric(last))
        {
            out[p] = (byte)first;
            out[p + 1] = (byte)last;
        }
        else
        {
            out[p] = HEX[first >>> 4];
            out[p + 1] = HEX[last & 0xF];
        }
        return p + 2;
    }

    private static boolean isAlphanumeric(final int c)
    {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private int truncatedHash(final boolean empty, final byte[] out, final int p)
    {
        if (empty)
        {
            Arrays.fill(out, p, p + HASH_CHARS, (byte)'0');
            return p + HASH_CHARS;
        }
        sha256.reset();
        text.update(sha256);
        try
        {
            sha256.digest(hash, 0, hash.length);
        }
        catch (final DigestException ex)
        {
            throw new IllegalStateException("output too short for SHA-256", ex);
        }
        for (int i = 0; i < HASH_CHARS / 2; i++)
        {
            out[p + 2 * i] = HEX[(hash[i] >>> 4) & 0xF];
            out[p + 2 * i + 1] = HEX[hash[i] & 0xF];
        }
        return p + HASH_CHARS;
    }
}
