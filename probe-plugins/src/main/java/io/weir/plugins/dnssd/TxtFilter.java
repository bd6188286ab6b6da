package io.weir.plugins.dnssd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.weir.plugins.dnsmessage.Bytes;

/**
 * Which TXT strings the dnssd plugin keeps: all of them, or those whose key (the text before the
 * first '=') a whitelist allows for the record's service. The whitelist file has a line per
 * service, {@code _service._proto.domain,key1,key2,...} (ipfixprobe's format); the service of a
 * record is its owner name from the second-to-last '_' on (the whole name when it has fewer than
 * two). Immutable once loaded.
 */
final class TxtFilter
{
    /** Keeps nothing: TXT records are not processed (the default). */
    static final TxtFilter NONE = new TxtFilter(false, List.of());
    /** Keeps every TXT string. */
    static final TxtFilter ALL = new TxtFilter(true, List.of());

    private final boolean all;
    private final byte[][] services;
    private final byte[][][] keys;

    private TxtFilter(final boolean all, final List<String[]> lines)
    {
        this.all = all;
        this.services = new byte[lines.size()][];
        this.keys = new byte[lines.size()][][];
        for (int i = 0; i < lines.size(); i++)
        {
            final String[] parts = lines.get(i);
            services[i] = parts[0].getBytes(StandardCharsets.ISO_8859_1);
            keys[i] = new byte[parts.length - 1][];
            for (int k = 1; k < parts.length; k++)
            {
                keys[i][k - 1] = parts[k].getBytes(StandardCharsets.ISO_8859_1);
            }
        }
    }

    /**
     * Reads a whitelist file.
     *
     * @throws IllegalArgumentException when the file cannot be read (message for the user)
     */
    static TxtFilter load(final Path file)
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("dnssd: cannot read the txt whitelist " + file + ": " + ex.getMessage());
        }
        final List<String[]> entries = new ArrayList<>();
        for (final String line : lines)
        {
            entries.add(line.split(",", -1));
        }
        return new TxtFilter(false, entries);
    }

    boolean processesTxt()
    {
        return all || services.length > 0;
    }

    boolean keepsAll()
    {
        return all;
    }

    /** The whitelist entry for the service of this owner name, or -1. */
    int serviceOf(final byte[] owner, final int length)
    {
        final int last = Bytes.lastIndexOf(owner, (byte)'_', length);
        final int secondLast = last > 0 ? Bytes.lastIndexOf(owner, (byte)'_', last) : -1;
        final int start = secondLast >= 0 ? secondLast : 0;
        for (int i = 0; i < services.length; i++)
        {
            if (Bytes.equal(services[i], 0, services[i].length, owner, start, length - start))
            {
                return i;
            }
        }
        return -1;
    }

    /** Whether the whitelist entry allows the TXT string {@code text[offset, offset + length)}. */
    boolean allows(final int service, final byte[] text, final int offset, final int length)
    {
        int keyLength = length;
        for (int i = 0; i < length; i++)
        {
            if (text[offset + i] == '=')
            {
                keyLength = i;
                break;
            }
        }
        for (final byte[] key : keys[service])
        {
            if (Bytes.equal(key, 0, key.length, text, offset, keyLength))
            {
                return true;
            }
        }
        return false;
    }
}
