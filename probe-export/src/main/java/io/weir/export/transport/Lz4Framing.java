package io.weir.export.transport;

import java.nio.ByteBuffer;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

/**
 * ipfixprobe's LZ4 stream over TCP, all integers big-endian:
 * <pre>
 * on each (re)start of the stream:  "LZ4c" (4 bytes)  | ring buffer size (uint32)
 * then per block:                   uncompressed size (uint16) | compressed size (uint16) | LZ4 block
 * </pre>
 * The uncompressed blocks, concatenated, are the IPFIX messages. A receiver decompresses
 * each block with the preceding output as dictionary in a ring of the announced size. weir
 * compresses every block independently (it never refers back), which every such receiver
 * reads, and keeps blocks no larger than half the ring. Not thread safe.
 */
public final class Lz4Framing
{
    /** "LZ4c". */
    public static final int MAGIC = 0x4C5A3463;
    public static final int START_HEADER_LENGTH = 8;
    public static final int BLOCK_HEADER_LENGTH = 4;
    public static final int MAX_BLOCK_LENGTH = 0xFFFF;

    private final LZ4Compressor compressor = LZ4Factory.fastestInstance().fastCompressor();
    private final int ringSize;
    private final int maxBlockLength;

    /** @param ringSize announced ring buffer size; blocks stay at or below half of it */
    public Lz4Framing(final int ringSize)
    {
        this.ringSize = ringSize;
        this.maxBlockLength = Math.min(MAX_BLOCK_LENGTH, ringSize / 2);
    }

    public int ringSize()
    {
        return ringSize;
    }

    public int maxBlockLength()
    {
        return maxBlockLength;
    }

    /** Room a block of {@code length} bytes may take once framed. */
    public int maxFramedLength(final int length)
    {
        return START_HEADER_LENGTH + BLOCK_HEADER_LENGTH + compressor.maxCompressedLength(length);
    }

    /** Writes the stream start at {@code out}'s position. */
    public void writeStart(final ByteBuffer out)
    {
        out.putInt(MAGIC);
        out.putInt(ringSize);
    }

    /** Compresses {@code length} bytes of {@code src} from {@code offset} into one framed block at {@code out}'s position. */
    public void writeBlock(final ByteBuffer src, final int offset, final int length, final ByteBuffer out)
    {
        if (length > maxBlockLength)
        {
            throw new IllegalArgumentException("LZ4 block of " + length + " bytes exceeds " + maxBlockLength);
        }
        final int headerAt = out.position();
        final int dataAt = headerAt + BLOCK_HEADER_LENGTH;
        final int compressed = compressor.compress(src, offset, length, out, dataAt, out.limit() - dataAt);
        out.putShort(headerAt, (short)length);
        out.putShort(headerAt + 2, (short)compressed);
        out.position(dataAt + compressed);
    }
}
