package io.weir.nativeio;

import static io.weir.nativeio.TpacketV3Descriptor.BLOCK_NUM_PACKETS_OFFSET;
import static io.weir.nativeio.TpacketV3Descriptor.BLOCK_STATUS_OFFSET;
import static io.weir.nativeio.TpacketV3Descriptor.TP_STATUS_KERNEL;
import static io.weir.nativeio.TpacketV3Descriptor.TP_STATUS_USER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.capture.LinkType;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The ring walker on a ring laid out by hand the way the kernel lays out TPACKET_V3 blocks
 * (linux/if_packet.h): what it hands over, when it gives blocks back, VLAN tags, unread counts.
 */
class TpacketRingTest
{
    private static final int BLOCK_SIZE = 4096;
    private static final int BLOCKS = 4;
    /** Where the kernel puts an Ethernet frame: TPACKET_ALIGN(68 + 16) + reserve 4 - 14. */
    private static final int MAC_OFFSET = 96 + 4 - 14;
    private static final int PACKET_STRIDE = 256;

    private final UnsafeBuffer ring = new UnsafeBuffer(ByteBuffer.allocateDirect(BLOCK_SIZE * BLOCKS));
    private final TpacketRing walker = new TpacketRing(ring, BLOCK_SIZE, BLOCKS, LinkType.ETHERNET);
    private final List<String> seen = new ArrayList<>();

    private void onPacket(final DirectBuffer buffer, final int offset, final int captured, final int wire,
                          final long timestampNs, final int linkType, final int interfaceId)
    {
        assertSame(ring, buffer, "packets are handed over in place, from the ring");
        seen.add(buffer.getByte(offset + 14) + "/" + captured + "/" + wire + "@" + timestampNs);
    }

    /** A block of packets whose frames are {@code lengths} bytes, frame byte 14 = index, handed to the user. */
    private void block(final int block, final int status, final int... lengths)
    {
        final int base = block * BLOCK_SIZE;
        ring.putInt(base + BLOCK_NUM_PACKETS_OFFSET, lengths.length);
        ring.putInt(base + 16, 48);
        for (int i = 0; i < lengths.length; i++)
        {
            final int packet = base + 48 + i * PACKET_STRIDE;
            ring.putInt(packet, i + 1 < lengths.length ? PACKET_STRIDE : 0);
            ring.putInt(packet + 4, 1_700_000_000 + block);
            ring.putInt(packet + 8, i * 1000);
            ring.putInt(packet + 12, lengths[i]);
            ring.putInt(packet + 16, lengths[i] + 100);
            ring.putInt(packet + 20, TP_STATUS_USER);
            ring.putShort(packet + 24, (short)MAC_OFFSET);
            ring.putByte(packet + MAC_OFFSET + 14, (byte)(block * 10 + i));
        }
        ring.putIntVolatile(base + BLOCK_STATUS_OFFSET, status);
    }

    @Test
    void nothingUntilTheKernelHandsOverABlock()
    {
        block(0, TP_STATUS_KERNEL, 60);
        assertEquals(0, walker.read(this::onPacket, 64));
        assertEquals(List.of(), seen);
    }

    @Test
    void deliversABlockInBatchesAndReturnsItOnTheReadAfterItsLastPacket()
    {
        block(0, TP_STATUS_USER, 60, 70, 80);
        assertEquals(2, walker.read(this::onPacket, 2));
        assertEquals(1, walker.read(this::onPacket, 2));
        assertEquals(List.of("0/60/160@1700000000000000000", "1/70/170@1700000000000001000",
            "2/80/180@1700000000000002000"), seen);
        assertEquals(TP_STATUS_USER, ring.getInt(BLOCK_STATUS_OFFSET), "still the user's: the batch must stay valid");

        assertEquals(0, walker.read(this::onPacket, 2));
        assertEquals(TP_STATUS_KERNEL, ring.getInt(BLOCK_STATUS_OFFSET), "returned on the next read");
        assertEquals(0, ring.getInt(BLOCK_NUM_PACKETS_OFFSET), "its count cleared");
    }

    @Test
    void walksTheBlocksInRingOrderAndWrapsAround()
    {
        for (int b = 0; b < BLOCKS; b++)
        {
            block(b, TP_STATUS_USER, 60);
        }
        for (int b = 0; b < BLOCKS; b++)
        {
            assertEquals(1, walker.read(this::onPacket, 64));
        }
        walker.read(this::onPacket, 64);
        block(0, TP_STATUS_USER, 61);
        assertEquals(1, walker.read(this::onPacket, 64));
        assertEquals(List.of("0/60/160@1700000000000000000", "10/60/160@1700000001000000000",
            "20/60/160@1700000002000000000", "30/60/160@1700000003000000000", "0/61/161@1700000000000000000"), seen);
    }

    @Test
    void putsBackTheVlanTagTheKernelTookOut()
    {
        block(0, TP_STATUS_USER, 60);
        final int packet = 48;
        final int frame = packet + MAC_OFFSET;
        final byte[] macs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        ring.putBytes(frame, macs);
        ring.putShort(frame + 12, (short)0x0800, ByteOrder.BIG_ENDIAN);
        ring.putInt(packet + 20, TP_STATUS_USER | TpacketV3Descriptor.TP_STATUS_VLAN_VALID
            | TpacketV3Descriptor.TP_STATUS_VLAN_TPID_VALID);
        ring.putInt(packet + 32, 0x2000 | 123);
        ring.putShort(packet + 36, (short)0x88a8);
        final int[] delivered = new int[3];
        walker.read((buffer, offset, captured, wire, timestampNs, linkType, interfaceId) ->
        {
            delivered[0] = offset;
            delivered[1] = captured;
            delivered[2] = wire;
        }, 64);
        assertEquals(frame - 4, delivered[0]);
        assertEquals(64, delivered[1]);
        assertEquals(164, delivered[2]);
        final byte[] header = new byte[18];
        ring.getBytes(frame - 4, header);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, (byte)0x88, (byte)0xa8, 0x20, 123, 0x08, 0x00},
            header);
        assertEquals(1, walker.vlanTagsRestored());
    }

    @Test
    void countsWhatIsLeftInTheRingWhetherRetiredOrStillFilling()
    {
        block(0, TP_STATUS_USER, 60, 60, 60);
        block(1, TP_STATUS_USER, 60, 60, 60, 60, 60);
        block(2, TP_STATUS_KERNEL, 60, 60);
        assertEquals(1, walker.read(this::onPacket, 1));
        assertEquals(2 + 5 + 2, walker.unreadPackets());
        walker.read(this::onPacket, 64);
        assertEquals(5 + 2, walker.unreadPackets(), "a block read to the end counts nothing, returned or not");
        walker.read(this::onPacket, 64);
        assertEquals(2, walker.unreadPackets());
    }
}
