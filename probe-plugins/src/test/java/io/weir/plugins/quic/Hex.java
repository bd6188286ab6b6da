package io.weir.plugins.quic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Hex test vectors kept as resources next to the tests. */
final class Hex
{
    private Hex()
    {
    }

    static byte[] bytes(final String hex)
    {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }

    static String text(final byte[] bytes, final int offset, final int length)
    {
        return HexFormat.of().formatHex(bytes, offset, offset + length);
    }

    static byte[] resource(final String name) throws IOException
    {
        try (InputStream in = Hex.class.getResourceAsStream(name))
        {
            if (in == null)
            {
                throw new IOException("missing test resource " + name);
            }
            return bytes(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }
}
