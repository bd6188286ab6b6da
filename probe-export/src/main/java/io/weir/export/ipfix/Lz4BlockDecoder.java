package io.weir.export.ipfix;

/**
 * A bounds-checked LZ4 block decompressor that may refer back into earlier output (the
 * "dictionary" of a stream compressed with LZ4_compress_fast_continue, as ipfixprobe does).
 * Every read and write is checked, so malformed input returns an error instead of reading or
 * writing out of bounds. Stateless.
 */
public final class Lz4BlockDecoder
{
    /** Result of a malformed block. */
    public static final int MALFORMED = -1;

    private Lz4BlockDecoder()
    {
    }

    /**
     * Decompresses one block into {@code out} at {@code outStart}; bytes of {@code out} before
     * {@code outStart}, down to {@code historyStart}, are the earlier output matches may copy from.
     *
     * @return bytes written, or {@link #MALFORMED}
     */
    public static int decompress(final byte[] in, final int inOffset, final int inLength, final byte[] out,
                                 final int historyStart, final int outStart, final int outLimit)
    {
        final int inEnd = inOffset + inLength;
        if (inLength <= 0 || inEnd > in.length || outLimit > out.length || outStart > outLimit)
        {
            return MALFORMED;
        }
        int s = inOffset;
        int d = outStart;
        while (true)
        {
            if (s >= inEnd)
            {
                return MALFORMED;
            }
            final int token = in[s++] & 0xFF;
            int literals = token >>> 4;
            if (literals == 15)
            {
                int b;
                do
                {
                    if (s >= inEnd)
                    {
                        return MALFORMED;
                    }
                    b = in[s++] & 0xFF;
                    literals += b;
                }
                while (b == 255 && literals < outLimit);
            }
            if (literals > inEnd - s || literals > outLimit - d)
            {
                return MALFORMED;
            }
            System.arraycopy(in, s, out, d, literals);
            s += literals;
            d += literals;
            if (s == inEnd)
            {
                return d - outStart;
            }
            if (s + 2 > inEnd)
            {
                return MALFORMED;
            }
            final int offset = (in[s] & 0xFF) | ((in[s + 1] & 0xFF) << 8);
            s += 2;
            if (offset == 0 || d - offset < historyStart)
            {
                return MALFORMED;
            }
            int matchLength = token & 0x0F;
            if (matchLength == 15)
            {
                int b;
                do
                {
                    if (s >= inEnd)
                    {
                        return MALFORMED;
                    }
                    b = in[s++] & 0xFF;
                    matchLength += b;
                }
                while (b == 255 && matchLength < outLimit);
            }
            matchLength += 4;
            if (matchLength > outLimit - d)
            {
                return MALFORMED;
            }
            int from = d - offset;
            for (int i = 0; i < matchLength; i++)
            {
                out[d++] = out[from++];
            }
        }
    }
}
