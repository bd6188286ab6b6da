package io.weir.plugins.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.weir.core.testing.TestData;

/** Frames of the bundled captures, by tshark's frame number (from 1). */
public final class Captured
{
    private static final Map<String, List<PcapFile.Packet>> CACHE = new HashMap<>();

    private Captured()
    {
    }

    public static synchronized List<PcapFile.Packet> packets(final String capture)
    {
        return CACHE.computeIfAbsent(capture, name ->
        {
            try
            {
                return PcapFile.read(TestData.capture(name));
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        });
    }

    public static Frame frame(final String capture, final int number)
    {
        return new Frame(packets(capture).get(number - 1).frame());
    }

    public static byte[] bytes(final String capture, final int number)
    {
        return packets(capture).get(number - 1).frame();
    }

    /** Text as bytes (ISO-8859-1), for payloads written in tests. */
    public static byte[] text(final String text)
    {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Bytes as text (ISO-8859-1). */
    public static String text(final byte[] bytes)
    {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
