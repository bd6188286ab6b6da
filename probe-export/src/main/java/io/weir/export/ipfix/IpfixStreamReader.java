package io.weir.export.ipfix;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Splits a byte stream (an RFC 5655 file, stdin, a TCP connection) into IPFIX messages by their
 * length fields and hands each to an {@link IpfixDecoder}. A stream that starts with "LZ4c" is
 * read through {@link Lz4StreamInput}. Where no valid message header is found the reader
 * reports the offset and looks for the next one byte by byte; a message cut short by the end
 * of the stream is reported; so is a malformed LZ4 block, which ends the stream. Offsets are
 * those of the (decompressed) stream. Not thread safe.
 */
public final class IpfixStreamReader
{
    private final IpfixDecoder decoder;
    private final DecodedRecordHandler handler;
    private final byte[] bytes = new byte[IpfixDescriptor.MAX_MESSAGE_LENGTH + 16];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);

    public IpfixStreamReader(final IpfixDecoder decoder, final DecodedRecordHandler handler)
    {
        this.decoder = decoder;
        this.handler = handler;
    }

    /** Reads to the end of the stream; only failures to read the stream itself throw. */
    public void read(final InputStream stream, final DecodeSession session) throws IOException
    {
        final PushbackInputStream pushback = new PushbackInputStream(stream, 4);
        final byte[] first = new byte[4];
        final int n = readUpTo(pushback, first, 0, 4);
        final boolean lz4 = n == 4 && Lz4StreamInput.isMagic(first);
        if (!lz4 && n > 0)
        {
            pushback.unread(first, 0, n);
        }
        final long[] offset = {0};
        try
        {
            readMessages(lz4 ? new Lz4StreamInput(pushback) : pushback, session, offset);
        }
        catch (final Lz4StreamInput.MalformedStreamException ex)
        {
            report(session, offset[0], ex.getMessage() + "; the rest of the LZ4 stream cannot be read");
        }
    }

    private void readMessages(final InputStream in, final DecodeSession session, final long[] position)
        throws IOException
    {
        long offset = 0;
        int have = 0;
        long skippingFrom = -1;
        while (true)
        {
            have += readUpTo(in, bytes, have, IpfixDescriptor.MESSAGE_HEADER_LENGTH - have);
            if (have < IpfixDescriptor.MESSAGE_HEADER_LENGTH)
            {
                if (have > 0)
                {
                    report(session, skippingFrom >= 0 ? skippingFrom : offset, "stream ends with " + have
                        + " bytes that are not a whole message");
                }
                return;
            }
            final int version = buffer.getShort(0, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            final int length = buffer.getShort(2, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            if (version != IpfixDescriptor.VERSION || length < IpfixDescriptor.MESSAGE_HEADER_LENGTH)
            {
                if (skippingFrom < 0)
                {
                    skippingFrom = offset;
                }
                System.arraycopy(bytes, 1, bytes, 0, have - 1);
                have--;
                offset++;
                continue;
            }
            if (skippingFrom >= 0)
            {
                report(session, skippingFrom, (offset - skippingFrom) + " bytes are no IPFIX message; skipped");
                skippingFrom = -1;
            }
            have += readUpTo(in, bytes, have, length - have);
            if (have < length)
            {
                report(session, offset, "message of " + length + " bytes is cut short after " + have + " bytes");
                return;
            }
            decoder.decode(session, buffer, 0, length, offset);
            offset += length;
            position[0] = offset;
            have = 0;
        }
    }

    private void report(final DecodeSession session, final long offset, final String message)
    {
        session.malformed++;
        handler.onProblem(offset, message);
    }

    private static int readUpTo(final InputStream in, final byte[] into, final int offset, final int length)
        throws IOException
    {
        int done = 0;
        while (done < length)
        {
            final int n = in.read(into, offset + done, length - done);
            if (n < 0)
            {
                break;
            }
            done += n;
        }
        return done;
    }
}
