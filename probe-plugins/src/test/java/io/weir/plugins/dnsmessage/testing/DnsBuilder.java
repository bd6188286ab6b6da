package io.weir.plugins.dnsmessage.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes DNS messages byte by byte for tests (RFC 1035 layout, big-endian). */
public final class DnsBuilder
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int rdataLengthAt = -1;

    /** A header with the given id, flags and section counts. */
    public static DnsBuilder header(final int id, final int flags, final int questions, final int answers,
                                    final int authorities, final int additionals)
    {
        return new DnsBuilder().u16(id).u16(flags).u16(questions).u16(answers).u16(authorities).u16(additionals);
    }

    public DnsBuilder u8(final int value)
    {
        out.write(value);
        return this;
    }

    public DnsBuilder u16(final int value)
    {
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    public DnsBuilder u32(final long value)
    {
        return u16((int)(value >>> 16)).u16((int)value);
    }

    public DnsBuilder bytes(final byte[] bytes)
    {
        out.writeBytes(bytes);
        return this;
    }

    public DnsBuilder ascii(final String text)
    {
        return bytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** An uncompressed name ("" for the root). */
    public DnsBuilder name(final String dotted)
    {
        if (!dotted.isEmpty())
        {
            for (final String label : dotted.split("\\."))
            {
                u8(label.length()).ascii(label);
            }
        }
        return u8(0);
    }

    /** A compression pointer to {@code position}. */
    public DnsBuilder pointer(final int position)
    {
        return u8(0xC0 | (position >>> 8)).u8(position);
    }

    /** A character-string: length byte and text. */
    public DnsBuilder string(final String text)
    {
        return u8(text.length()).ascii(text);
    }

    public DnsBuilder question(final String name, final int type, final int questionClass)
    {
        return name(name).u16(type).u16(questionClass);
    }

    /** TYPE, CLASS, TTL and a RDLENGTH filled in by {@link #endRecord()}; the owner name comes first. */
    public DnsBuilder record(final int type, final int recordClass, final long ttl)
    {
        u16(type).u16(recordClass).u32(ttl);
        rdataLengthAt = out.size();
        return u16(0);
    }

    public DnsBuilder endRecord()
    {
        final byte[] bytes = out.toByteArray();
        final int length = bytes.length - rdataLengthAt - 2;
        bytes[rdataLengthAt] = (byte)(length >>> 8);
        bytes[rdataLengthAt + 1] = (byte)length;
        out.reset();
        out.writeBytes(bytes);
        rdataLengthAt = -1;
        return this;
    }

    public int position()
    {
        return out.size();
    }

    public byte[] build()
    {
        return out.toByteArray();
    }
}
