package io.weir.export.ipfix;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Builds IPFIX messages byte by byte as RFC 7011 draws them, independently of weir's encoder,
 * for decoder tests: {@code message(domain, seq).set(2).u16(...)...end()}.
 */
final class MessageBytes
{
    private final ByteBuffer buffer = ByteBuffer.allocate(65536);
    private int setStart = -1;

    static MessageBytes message(final long domain, final long sequence)
    {
        final MessageBytes m = new MessageBytes();
        m.buffer.putShort((short)10).putShort((short)0).putInt(1_700_000_000).putInt((int)sequence)
            .putInt((int)domain);
        return m;
    }

    MessageBytes set(final int id)
    {
        closeSet();
        setStart = buffer.position();
        buffer.putShort((short)id).putShort((short)0);
        return this;
    }

    private void closeSet()
    {
        if (setStart >= 0)
        {
            buffer.putShort(setStart + 2, (short)(buffer.position() - setStart));
            setStart = -1;
        }
    }

    MessageBytes u8(final int v)
    {
        buffer.put((byte)v);
        return this;
    }

    MessageBytes u16(final int v)
    {
        buffer.putShort((short)v);
        return this;
    }

    MessageBytes u32(final long v)
    {
        buffer.putInt((int)v);
        return this;
    }

    MessageBytes u64(final long v)
    {
        buffer.putLong(v);
        return this;
    }

    MessageBytes bytes(final byte[] v)
    {
        buffer.put(v);
        return this;
    }

    /** A field specifier: IANA when enterprise is 0. */
    MessageBytes spec(final long enterprise, final int id, final int length)
    {
        if (enterprise == 0)
        {
            return u16(id).u16(length);
        }
        return u16(id | 0x8000).u16(length).u32(enterprise);
    }

    /** A variable-length value in the short form, or the long form when asked or needed. */
    MessageBytes varlen(final byte[] v, final boolean longForm)
    {
        if (!longForm && v.length < 255)
        {
            u8(v.length);
        }
        else
        {
            u8(255).u16(v.length);
        }
        return bytes(v);
    }

    byte[] end()
    {
        closeSet();
        final int length = buffer.position();
        buffer.putShort(2, (short)length);
        final byte[] out = new byte[length];
        buffer.flip();
        buffer.get(out);
        return out;
    }

    static byte[] concat(final byte[]... parts)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final byte[] part : parts)
        {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }
}
