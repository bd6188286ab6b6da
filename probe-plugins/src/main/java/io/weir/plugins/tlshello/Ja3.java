package io.weir.plugins.tlshello;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The JA3 fingerprint of a ClientHello: the MD5 of
 * {@code version,ciphers,extensions,groups,pointFormats} (decimal values joined with '-'),
 * GREASE values left out of the cipher, extension and group lists. This is the string that
 * Wireshark shows as {@code tls.handshake.ja3_full} and that ipfixprobe hashes for TLS_JA3.
 * Not thread safe: one per plugin instance.
 */
public final class Ja3
{
    public static final int DIGEST_BYTES = 16;

    private final MessageDigest md5;
    private final AsciiText text = new AsciiText(512);

    public Ja3()
    {
        try
        {
            md5 = MessageDigest.getInstance("MD5");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("MD5 is required of every Java platform", ex);
        }
    }

    /** Builds the JA3 string of the ClientHello just decoded and writes its MD5 at {@code out[offset..+16)}. */
    public void digest(final TlsHelloDecoder hello, final byte[] out, final int offset)
    {
        text(hello);
        md5.reset();
        text.update(md5);
        try
        {
            md5.digest(out, offset, DIGEST_BYTES);
        }
        catch (final DigestException ex)
        {
            throw new IllegalStateException("output too short for MD5", ex);
        }
    }

    /** The JA3 string of the ClientHello just decoded, in a buffer reused by the next call. */
    public AsciiText text(final TlsHelloDecoder hello)
    {
        text.clear().appendDecimal(hello.legacyVersion()).append(',');
        boolean first = true;
        for (int i = 0; i < hello.cipherSuiteCount(); i++)
        {
            first = appendUnlessGrease(hello.cipherSuite(i), first);
        }
        text.append(',');
        first = true;
        for (int i = 0; i < hello.extensionCount(); i++)
        {
            first = appendUnlessGrease(hello.extensionType(i), first);
        }
        text.append(',');
        first = true;
        for (int i = 0; i < hello.supportedGroupCount(); i++)
        {
            first = appendUnlessGrease(hello.supportedGroup(i), first);
        }
        text.append(',');
        for (int i = 0; i < hello.pointFormatCount(); i++)
        {
            if (i > 0)
            {
                text.append('-');
            }
            text.appendDecimal(hello.pointFormat(i));
        }
        return text;
    }

    private boolean appendUnlessGrease(final int value, final boolean first)
    {
        if (TlsNumbers.isGrease(value))
        {
            return first;
        }
        if (!first)
        {
            text.append('-');
        }
        text.appendDecimal(value);
        return false;
    }
}
