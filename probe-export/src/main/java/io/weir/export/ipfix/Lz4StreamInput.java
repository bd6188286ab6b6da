package io.weir.export.ipfix;

import java.io.IOException;
import java.io.InputStream;

import io.weir.export.transport.Lz4Framing;

/**
 * Reads an ipfixprobe-style LZ4 stream (see {@link Lz4Framing}) and gives back the
 * decompressed bytes. Each block is decompressed with up to 64 KiB of earlier output as its
 * dictionary, so streams that refer back (ipfixprobe) and independent blocks (weir) both read.
 * A stream start ("LZ4c" and the ring size) may appear again where a block header is expected:
 * it resets the dictionary. A malformed block or a stream cut inside a block throws
 * {@link MalformedStreamException}. Not thread safe.
 */
public final class Lz4StreamInput extends InputStream
{
    private static final int HISTORY = 64 * 1024;

    private final InputStream in;
    private final byte[] header = new byte[4];
    private final byte[] compressed = new byte[Lz4Framing.MAX_BLOCK_LENGTH];
    private final byte[] window = new byte[HISTORY + 4 * Lz4Framing.MAX_BLOCK_LENGTH];
    private int historyStart;
    private int readAt;
    private int end;
    private long blocks;

    /** @param in positioned after the first "LZ4c" */
    public Lz4StreamInput(final InputStream in) throws IOException
    {
        this.in = in;
        readFully(header, 4);
    }

    /** The stream is not valid LZ4 framing: nothing after this point can be read. */
    public static final class MalformedStreamException extends IOException
    {
        private static final long serialVersionUID = 1L;

        MalformedStreamException(final String message)
        {
            super(message);
        }
    }

    public static boolean isMagic(final byte[] first4)
    {
        return first4[0] == 'L' && first4[1] == 'Z' && first4[2] == '4' && first4[3] == 'c';
    }

    @Override
    public int read() throws IOException
    {
        if (readAt == end && !nextBlock())
        {
            return -1;
        }
        return window[readAt++] & 0xFF;
    }

    @Override
    public int read(final byte[] b, final int off, final int len) throws IOException
    {
        if (len == 0)
        {
            return 0;
        }
        if (readAt == end && !nextBlock())
        {
            return -1;
        }
        final int n = Math.min(len, end - readAt);
        System.arraycopy(window, readAt, b, off, n);
        readAt += n;
        return n;
    }

    private boolean nextBlock() throws IOException
    {
        final int first = in.read();
        if (first < 0)
        {
            return false;
        }
        header[0] = (byte)first;
        readFully(header, 1, 3);
        if (isMagic(header))
        {
            readFully(header, 4);
            historyStart = end;
            return nextBlock();
        }
        final int uncompressed = ((header[0] & 0xFF) << 8) | (header[1] & 0xFF);
        final int length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
        if (length == 0)
        {
            throw new MalformedStreamException("LZ4 block " + blocks + " has no data");
        }
        readFully(compressed, length);
        if (end + uncompressed > window.length)
        {
            final int keep = Math.min(HISTORY, end - historyStart);
            System.arraycopy(window, end - keep, window, 0, keep);
            historyStart = 0;
            end = keep;
        }
        final int n = Lz4BlockDecoder.decompress(compressed, 0, length, window, historyStart, end, end + uncompressed);
        if (n != uncompressed)
        {
            throw new MalformedStreamException("LZ4 block " + blocks + " is malformed");
        }
        blocks++;
        readAt = end;
        end += n;
        if (end - historyStart > HISTORY)
        {
            historyStart = end - HISTORY;
        }
        return true;
    }

    private void readFully(final byte[] into, final int length) throws IOException
    {
        readFully(into, 0, length);
    }

    private void readFully(final byte[] into, final int offset, final int length) throws IOException
    {
        int done = 0;
        while (done < length)
        {
            final int n = in.read(into, offset + done, length - done);
            if (n < 0)
            {
                throw new MalformedStreamException("LZ4 stream ends inside a block");
            }
            done += n;
        }
    }

    /** Blocks read so far. */
    public long blocks()
    {
        return blocks;
    }

    @Override
    public void close() throws IOException
    {
        in.close();
    }
}
