package io.weir.plugins.dnsmessage;

import org.agrona.DirectBuffer;

/**
 * A decoded domain name as text bytes: labels joined with '.', no trailing dot, the root as the
 * empty name. Label bytes are kept as they are (no escaping), as ipfixprobe exports them. Text
 * beyond the capacity is cut and {@link #cut()} says so; the name is still decoded to its end.
 * Reused for every name: not thread safe, owned by the capture worker.
 */
public final class DnsName
{
    private final byte[] bytes;
    private int length;
    private boolean cut;
    private int labels;

    public DnsName(final int capacity)
    {
        this.bytes = new byte[capacity];
    }

    public void clear()
    {
        length = 0;
        cut = false;
        labels = 0;
    }

    void appendLabel(final DirectBuffer buffer, final int index, final int labelLength)
    {
        if (labels++ > 0)
        {
            append((byte)'.');
        }
        final int room = bytes.length - length;
        final int n = Math.min(room, labelLength);
        buffer.getBytes(index, bytes, length, n);
        length += n;
        if (n < labelLength)
        {
            cut = true;
        }
    }

    private void append(final byte b)
    {
        if (length < bytes.length)
        {
            bytes[length++] = b;
        }
        else
        {
            cut = true;
        }
    }

    /** The text; valid up to {@link #length()}. */
    public byte[] bytes()
    {
        return bytes;
    }

    public int length()
    {
        return length;
    }

    public int capacity()
    {
        return bytes.length;
    }

    /** True when the text did not fit the capacity. */
    public boolean cut()
    {
        return cut;
    }

    /** Labels in the name (0 for the root). */
    public int labels()
    {
        return labels;
    }

    public boolean contentEquals(final byte[] other, final int otherOffset, final int otherLength)
    {
        return Bytes.equal(bytes, 0, length, other, otherOffset, otherLength);
    }

    /** ISO-8859-1 text, for tests and messages; never on the packet path. */
    @Override
    public String toString()
    {
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
