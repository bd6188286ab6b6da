package io.weir.plugins.tlshello;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The JA4 of a ClientHello computed from tshark's dissection of it, straight from the FoxIO
 * definition (technical_details/JA4.md), with strings and collections: the reference the tests
 * hold weir's allocation-free implementation against (tshark 4.0 has no JA4 field of its own).
 */
public final class TsharkJa4
{
    /** The tshark fields this needs, in the order {@link #ja4} takes them. */
    public static final String[] FIELDS = {
        "tls.handshake.version", "tls.handshake.ciphersuite", "tls.handshake.extension.type",
        "tls.handshake.sig_hash_alg", "tls.handshake.extensions.supported_version",
        "tls.handshake.extensions_alpn_str",
    };

    private TsharkJa4()
    {
    }

    private static boolean grease(final int value)
    {
        return (value & 0x0f0f) == 0x0a0a && (value >> 8) == (value & 0xff);
    }

    private static List<Integer> numbers(final String list)
    {
        final List<Integer> values = new ArrayList<>();
        if (list.isEmpty())
        {
            return values;
        }
        for (final String item : list.split(","))
        {
            values.add(item.startsWith("0x") ? Integer.parseInt(item.substring(2), 16) : Integer.parseInt(item));
        }
        return values;
    }

    /** @param row values of {@link #FIELDS}, as {@link Tshark#fields} gives them */
    public static String ja4(final List<String> row, final boolean quic)
    {
        final int legacy = numbers(row.get(0)).get(0);
        final List<Integer> ciphers = new ArrayList<>();
        for (final int c : numbers(row.get(1)))
        {
            if (!grease(c))
            {
                ciphers.add(c);
            }
        }
        final List<Integer> extensions = new ArrayList<>();
        for (final int e : numbers(row.get(2)))
        {
            if (!grease(e))
            {
                extensions.add(e);
            }
        }
        if (extensions.contains(50))
        {
            throw new AssertionError("signature_algorithms_cert present: tshark's sig_hash_alg mixes both lists");
        }
        int version = -1;
        for (final int v : numbers(row.get(4)))
        {
            if (!grease(v))
            {
                version = Math.max(version, v);
            }
        }
        if (version < 0)
        {
            version = legacy;
        }
        final String versionLabel = switch (version)
        {
            case 0x0304 -> "13";
            case 0x0303 -> "12";
            case 0x0302 -> "11";
            case 0x0301 -> "10";
            case 0x0300 -> "s3";
            default -> "00";
        };
        final String alpns = row.get(5);
        final String first = alpns.isEmpty() ? "" : alpns.split(",")[0];
        final String alpnLabel;
        if (first.isEmpty())
        {
            alpnLabel = "00";
        }
        else if (Character.isLetterOrDigit(first.charAt(0)) && Character.isLetterOrDigit(first.charAt(first.length() - 1)))
        {
            alpnLabel = "" + first.charAt(0) + first.charAt(first.length() - 1);
        }
        else
        {
            final String hex = HexFormat.of().formatHex(first.getBytes(StandardCharsets.ISO_8859_1));
            alpnLabel = "" + hex.charAt(0) + hex.charAt(hex.length() - 1);
        }
        final String a = (quic ? "q" : "t") + versionLabel + (extensions.contains(0) ? "d" : "i")
            + String.format("%02d%02d", Math.min(99, ciphers.size()), Math.min(99, extensions.size())) + alpnLabel;

        final List<Integer> sortedCiphers = new ArrayList<>(ciphers);
        Collections.sort(sortedCiphers);
        final String b = ciphers.isEmpty() ? "000000000000" : hash12(join(sortedCiphers));

        final List<Integer> sortedExtensions = new ArrayList<>();
        for (final int e : extensions)
        {
            if (e != 0 && e != 16)
            {
                sortedExtensions.add(e);
            }
        }
        Collections.sort(sortedExtensions);
        final List<Integer> algorithms = new ArrayList<>();
        for (final int s : numbers(row.get(3)))
        {
            if (!grease(s))
            {
                algorithms.add(s);
            }
        }
        final String cInput = algorithms.isEmpty() ? join(sortedExtensions) : join(sortedExtensions) + "_" + join(algorithms);
        final String c = sortedExtensions.isEmpty() ? "000000000000" : hash12(cInput);
        return a + "_" + b + "_" + c;
    }

    private static String join(final List<Integer> values)
    {
        final StringBuilder out = new StringBuilder();
        for (final int v : values)
        {
            if (out.length() > 0)
            {
                out.append(',');
            }
            out.append(String.format("%04x", v));
        }
        return out.toString();
    }

    private static String hash12(final String text)
    {
        try
        {
            final byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new AssertionError(ex);
        }
    }
}
