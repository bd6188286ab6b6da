package io.weir.nativeio;

import static io.weir.nativeio.TpacketV3Descriptor.BLOCK_FIRST_PACKET_OFFSET;
import static io.weir.nativeio.TpacketV3Descriptor.BLOCK_NUM_PACKETS_OFFSET;
import static io.weir.nativeio.TpacketV3Descriptor.BLOCK_STATUS_OFFSET;
import static io.weir.nativeio.TpacketV3Descriptor.LENGTH_OFFSET;
import static io.weir.nativeio.TpacketV3Descriptor.MAC_OFFSET;
import static io.weir.nativeio.TpacketV3Descriptor.NANOS_OFFSET;
import static io.weir.nativeio.TpacketV3Descriptor.NEXT_OFFSET_OFFSET;
import static io.weir.nativeio.TpacketV3Descriptor.PACKET_HEADER_LENGTH;
import static io.weir.nativeio.TpacketV3Descriptor.SECONDS_OFFSET;
import static io.weir.nativeio.TpacketV3Descriptor.SNAPLEN_OFFSET;
import static io.weir.nativeio.TpacketV3Descriptor.STATUS_OFFSET;
import static io.weir.nativeio.TpacketV3Descriptor.TP_STATUS_KERNEL;
import static io.weir.nativeio.TpacketV3Descriptor.TP_STATUS_USER;
import static io.weir.nativeio.TpacketV3Descriptor.TP_STATUS_VLAN_TPID_VALID;
import static io.weir.nativeio.TpacketV3Descriptor.TP_STATUS_VLAN_VALID;
import static io.weir.nativeio.TpacketV3Descriptor.VLAN_TAG_LENGTH;
import static io.weir.nativeio.TpacketV3Descriptor.VLAN_TCI_OFFSET;
import static io.weir.nativeio.TpacketV3Descriptor.VLAN_TPID_OFFSET;

import java.nio.ByteOrder;

import io.weir.core.capture.LinkType;
import io.weir.core.capture.PacketHandler;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Walks a TPACKET_V3 receive ring in place: the packets of a block the kernel has handed over
 * go to the handler straight from the ring, and the block goes back to the kernel only on the
 * read after its last packet was delivered, so that a batch's bytes stay valid until then.
 * No system call here: the caller waits (poll) when {@link #read} finds nothing.
 * Not thread safe: owned by one capture worker.
 */
final class TpacketRing
{
    private static final short ETH_P_8021Q = (short)0x8100;
    private static final int MAC_ADDRESSES_LENGTH = 12;

    private final UnsafeBuffer ring;
    private final int blockSize;
    private final int blockCount;
    private final int linkType;

    private int block;
    private int blockOffset;
    private int packetsLeft;
    private int packetOffset;
    private boolean releasePending;
    private long blocksRead;
    private long vlanTagsRestored;

    TpacketRing(final UnsafeBuffer ring, final int blockSize, final int blockCount, final int linkType)
    {
        if ((long)blockSize * blockCount > ring.capacity())
        {
            throw new IllegalArgumentException("ring of " + blockCount + " blocks of " + blockSize
                + " bytes does not fit in " + ring.capacity() + " bytes");
        }
        this.ring = ring;
        this.blockSize = blockSize;
        this.blockCount = blockCount;
        this.linkType = linkType;
    }

    /**
     * Delivers up to {@code maxPackets} packets of the current block.
     *
     * @return packets delivered; 0 when the kernel has not handed over the next block yet
     */
    int read(final PacketHandler handler, final int maxPackets)
    {
        if (releasePending)
        {
            releaseBlock();
        }
        if (packetsLeft == 0 && !takeBlock())
        {
            return 0;
        }
        final UnsafeBuffer ring = this.ring;
        final int count = Math.min(maxPackets, packetsLeft);
        int offset = packetOffset;
        for (int i = 0; i < count; i++)
        {
            final int status = ring.getInt(offset + STATUS_OFFSET);
            int frame = offset + (ring.getShort(offset + MAC_OFFSET) & 0xFFFF);
            int captured = ring.getInt(offset + SNAPLEN_OFFSET);
            int wire = ring.getInt(offset + LENGTH_OFFSET);
            if ((status & TP_STATUS_VLAN_VALID) != 0 && linkType == LinkType.ETHERNET
                && captured >= MAC_ADDRESSES_LENGTH && frame - VLAN_TAG_LENGTH >= offset + PACKET_HEADER_LENGTH)
            {
                frame = restoreVlanTag(offset, frame, status);
                captured += VLAN_TAG_LENGTH;
                wire += VLAN_TAG_LENGTH;
            }
            final long timestampNs = (ring.getInt(offset + SECONDS_OFFSET) & 0xFFFF_FFFFL) * 1_000_000_000L
                + ring.getInt(offset + NANOS_OFFSET);
            handler.onPacket(ring, frame, captured, wire, timestampNs, linkType, 0);
            offset += ring.getInt(offset + NEXT_OFFSET_OFFSET);
        }
        packetOffset = offset;
        packetsLeft -= count;
        if (packetsLeft == 0)
        {
            releasePending = true;
        }
        return count;
    }

    /** True when the next block to read is the user's (the kernel has retired it). */
    boolean blockReady()
    {
        return packetsLeft > 0
            || (ring.getIntVolatile(nextBlockOffset() + BLOCK_STATUS_OFFSET) & TP_STATUS_USER) != 0;
    }

    /**
     * Packets in the ring that were not delivered: the rest of the current block and every packet
     * of the other blocks, whether retired or still being filled. Exact once the kernel has
     * stopped writing, because blocks go back to the kernel with their packet count cleared.
     */
    long unreadPackets()
    {
        long unread = packetsLeft;
        for (int i = 0; i < blockCount; i++)
        {
            if (i == block && (packetsLeft > 0 || releasePending))
            {
                continue;
            }
            unread += ring.getIntVolatile(i * blockSize + BLOCK_NUM_PACKETS_OFFSET) & 0xFFFF_FFFFL;
        }
        return unread;
    }

    long blocksRead()
    {
        return blocksRead;
    }

    long vlanTagsRestored()
    {
        return vlanTagsRestored;
    }

    private int nextBlockOffset()
    {
        return releasePending ? ((block + 1) % blockCount) * blockSize : blockOffset;
    }

    private boolean takeBlock()
    {
        final int offset = blockOffset;
        if ((ring.getIntVolatile(offset + BLOCK_STATUS_OFFSET) & TP_STATUS_USER) == 0)
        {
            return false;
        }
        blocksRead++;
        packetsLeft = ring.getInt(offset + BLOCK_NUM_PACKETS_OFFSET);
        packetOffset = offset + ring.getInt(offset + BLOCK_FIRST_PACKET_OFFSET);
        if (packetsLeft == 0)
        {
            releasePending = true;
            return false;
        }
        return true;
    }

    private void releaseBlock()
    {
        final int offset = blockOffset;
        // Cleared so that unreadPackets() can tell a block the kernel is filling from one it has not reopened.
        ring.putInt(offset + BLOCK_NUM_PACKETS_OFFSET, 0);
        ring.putIntRelease(offset + BLOCK_STATUS_OFFSET, TP_STATUS_KERNEL);
        block = block + 1 == blockCount ? 0 : block + 1;
        blockOffset = block * blockSize;
        releasePending = false;
    }

    /** The kernel took the outer 802.1Q tag out of the frame into the header: put it back, as libpcap does. */
    private int restoreVlanTag(final int packet, final int frame, final int status)
    {
        final UnsafeBuffer ring = this.ring;
        final int tagged = frame - VLAN_TAG_LENGTH;
        ring.putLong(tagged, ring.getLong(frame));
        ring.putInt(tagged + 8, ring.getInt(frame + 8));
        final short tpid = (status & TP_STATUS_VLAN_TPID_VALID) != 0
            ? ring.getShort(packet + VLAN_TPID_OFFSET) : ETH_P_8021Q;
        ring.putShort(tagged + MAC_ADDRESSES_LENGTH, tpid, ByteOrder.BIG_ENDIAN);
        ring.putShort(tagged + MAC_ADDRESSES_LENGTH + 2, (short)ring.getInt(packet + VLAN_TCI_OFFSET), ByteOrder.BIG_ENDIAN);
        vlanTagsRestored++;
        return tagged;
    }
}
