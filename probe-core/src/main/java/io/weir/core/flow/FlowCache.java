package io.weir.core.flow;

import io.weir.core.decode.PacketView;

/**
 * The biflow cache: set-associative rows of records (ipfixprobe's layout: 2^17 records in rows
 * of 16), LRU order inside a row, lookup by a hash that is the same for both directions and
 * then by the full key, never by the hash alone. Timeouts run on packet time, compared in
 * whole seconds as ipfixprobe does (so offline runs give the same flows as it): a packet that
 * finds its flow idle for the inactive timeout, or older than the active timeout, ends it and
 * starts a new one; each packet also sweeps a few slots so that idle flows leave even when
 * their key never comes back. A TCP SYN on a flow that already saw FIN or RST in the SYN's
 * direction ends the old flow ("end of flow") and starts a new one.
 *
 * <p>Per row, the tags (32 bits of the hash, never 0 for a used slot) and the last-seen second
 * of the row's slots sit next to each other, so a lookup and a sweep touch one or two cache
 * lines before any record. Not thread safe: owned by the capture worker.
 */
public final class FlowCache
{
    private static final int TCP_FIN = 0x01;
    private static final int TCP_SYN = 0x02;
    private static final int TCP_RST = 0x04;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final FlowTable table;
    private final FlowExport export;
    private final FragmentTable fragments;
    private final boolean split;
    private final int rowSize;
    private final int rowExponent;
    private final int rowMask;
    private final int capacityMask;
    private final int insertPosition;
    private final int sweepSlots;
    private final int activeTimeoutSeconds;
    private final int inactiveTimeoutSeconds;
    /** Per row: rowSize tags, then rowSize last-seen seconds. */
    private final int[] rowMeta;
    /** Per row: the row's slots from most to least recently used. */
    private final byte[] lruOrder;
    private int sweepIndex;
    private int flowsInCache;

    private long packets;
    private long flowsCreated;
    private final long[] flowsEnded = new long[FlowEndReason.MAX + 1];

    public FlowCache(final FlowCacheConfig config, final FlowExport export)
    {
        this.table = new FlowTable(config.capacity());
        this.export = export;
        this.fragments = config.fragmentTable()
            ? new FragmentTable(config.fragmentTableSize(), config.fragmentTimeoutSeconds()) : null;
        this.split = config.split();
        this.rowSize = config.rowSize();
        this.rowExponent = config.rowExponent();
        this.rowMask = (config.capacity() >>> config.rowExponent()) - 1;
        this.capacityMask = config.capacity() - 1;
        this.insertPosition = rowSize / 2;
        this.sweepSlots = Math.max(1, rowSize / 2);
        this.activeTimeoutSeconds = config.activeTimeoutSeconds();
        this.inactiveTimeoutSeconds = config.inactiveTimeoutSeconds();
        this.rowMeta = new int[config.capacity() * 2];
        this.lruOrder = new byte[config.capacity()];
        for (int slot = 0; slot < config.capacity(); slot++)
        {
            lruOrder[slot] = (byte)(slot & (rowSize - 1));
        }
    }

    public FlowTable table()
    {
        return table;
    }

    /** Puts one parsed IP packet into its flow. */
    public void onPacket(final PacketView packet)
    {
        packets++;
        if (fragments != null && packet.isFragment())
        {
            fragments.onFragment(packet);
        }
        final long timeNs = packet.timestampNs();
        final int nowSeconds = (int)Math.floorDiv(timeNs, NANOS_PER_SECOND);
        final int sourcePort = packet.sourcePort();
        final int destinationPort = packet.destinationPort();
        final long sourceLow = packet.sourceLow();
        final long sourceHigh = packet.sourceHigh();
        final long destinationLow = packet.destinationLow();
        final long destinationHigh = packet.destinationHigh();
        final long keyBase = FlowTable.packKey(packet.ipVersion(), packet.protocol(), packet.vlanId(), 0, 0);
        final long forwardKey = keyBase | ((long)sourcePort << 16) | destinationPort;
        final long reverseKey = keyBase | ((long)destinationPort << 16) | sourcePort;
        final long sourceHash = endpointHash(sourceHigh, sourceLow, sourcePort);
        final long destinationHash = endpointHash(destinationHigh, destinationLow, destinationPort);
        final long hash = split
            ? finish(sourceHash + Long.rotateLeft(destinationHash, 17) + keyBase)
            : finish(sourceHash + destinationHash + keyBase);
        final int row = (int)hash & rowMask;
        final int tag = (int)(hash >>> 32) | 1;
        final int metaBase = row << (rowExponent + 1);
        final int rowFirstSlot = row << rowExponent;

        while (true)
        {
            int found = -1;
            boolean forward = true;
            int free = -1;
            for (int i = 0; i < rowSize; i++)
            {
                final int slotTag = rowMeta[metaBase + i];
                if (slotTag == tag)
                {
                    final int slot = rowFirstSlot + i;
                    if (table.matches(slot, forwardKey, sourceLow, destinationLow, sourceHigh, destinationHigh))
                    {
                        found = slot;
                        break;
                    }
                    if (!split
                        && table.matches(slot, reverseKey, destinationLow, sourceLow, destinationHigh, sourceHigh))
                    {
                        found = slot;
                        forward = false;
                        break;
                    }
                }
                else if (slotTag == 0 && free < 0)
                {
                    free = rowFirstSlot + i;
                }
            }

            if (found >= 0)
            {
                touch(row, found - rowFirstSlot, 0);
                final int directionFlags = forward ? table.forwardTcpFlags(found) : table.reverseTcpFlags(found);
                if ((packet.tcpFlags() & TCP_SYN) != 0 && (directionFlags & (TCP_FIN | TCP_RST)) != 0)
                {
                    endFlow(found, FlowEndReason.END_OF_FLOW);
                    continue;
                }
                if (nowSeconds - rowMeta[metaBase + rowSize + found - rowFirstSlot] >= inactiveTimeoutSeconds)
                {
                    endFlow(found, idleReason(found));
                    continue;
                }
                if (nowSeconds - (int)Math.floorDiv(table.firstNs(found), NANOS_PER_SECOND) >= activeTimeoutSeconds)
                {
                    endFlow(found, FlowEndReason.ACTIVE_TIMEOUT);
                    continue;
                }
                table.update(found, forward, timeNs, packet.ipLength(), packet.tcpFlags());
                rowMeta[metaBase + rowSize + found - rowFirstSlot] = nowSeconds;
            }
            else
            {
                final int slot;
                if (free >= 0)
                {
                    slot = free;
                    touch(row, slot - rowFirstSlot, 0);
                }
                else
                {
                    slot = rowFirstSlot + (lruOrder[rowFirstSlot + rowSize - 1] & 0xFF);
                    endFlow(slot, FlowEndReason.LACK_OF_RESOURCES);
                    touch(row, slot - rowFirstSlot, insertPosition);
                }
                table.create(slot, forwardKey, sourceLow, destinationLow, sourceHigh, destinationHigh, timeNs,
                    packet.ipLength(), packet.tcpFlags(), packet.sourceMac(), packet.destinationMac(),
                    packet.interfaceId(), packet.mplsTopEntry());
                rowMeta[metaBase + slot - rowFirstSlot] = tag;
                rowMeta[metaBase + rowSize + slot - rowFirstSlot] = nowSeconds;
                flowsInCache++;
                flowsCreated++;
            }
            break;
        }
        sweep(nowSeconds, sweepSlots);
    }

    /**
     * Ends flows idle for the inactive timeout among the next {@code slots} slots of the sweep,
     * which walks the whole table round and round.
     */
    public void sweep(final int nowSeconds, final int slots)
    {
        int index = sweepIndex;
        for (int n = 0; n < slots; n++)
        {
            final int meta = metaIndex(index);
            if (rowMeta[meta] != 0 && nowSeconds - rowMeta[meta + rowSize] >= inactiveTimeoutSeconds)
            {
                endFlow(index, idleReason(index));
            }
            index = (index + 1) & capacityMask;
        }
        sweepIndex = index;
    }

    /** Ends every flow still in the cache (end of input, shutdown). */
    public void flushAll(final int reason)
    {
        for (int slot = 0; slot <= capacityMask; slot++)
        {
            if (rowMeta[metaIndex(slot)] != 0)
            {
                endFlow(slot, reason);
            }
        }
    }

    private int metaIndex(final int slot)
    {
        return ((slot >>> rowExponent) << (rowExponent + 1)) + (slot & (rowSize - 1));
    }

    /** An idle flow that saw FIN or RST ended as a TCP connection does; otherwise it timed out. */
    private int idleReason(final int slot)
    {
        return ((table.forwardTcpFlags(slot) | table.reverseTcpFlags(slot)) & (TCP_FIN | TCP_RST)) != 0
            ? FlowEndReason.END_OF_FLOW : FlowEndReason.IDLE_TIMEOUT;
    }

    private void endFlow(final int slot, final int reason)
    {
        export.onFlowEnd(table, slot, reason);
        flowsEnded[reason]++;
        flowsInCache--;
        final int meta = metaIndex(slot);
        rowMeta[meta] = 0;
        rowMeta[meta + rowSize] = 0;
    }

    /** Moves a row's slot to a position in the row's LRU order (0 = most recently used). */
    private void touch(final int row, final int rowSlot, final int position)
    {
        final int base = row << rowExponent;
        int at = 0;
        while ((lruOrder[base + at] & 0xFF) != rowSlot)
        {
            at++;
        }
        if (at > position)
        {
            System.arraycopy(lruOrder, base + position, lruOrder, base + position + 1, at - position);
        }
        else if (at < position)
        {
            System.arraycopy(lruOrder, base + at + 1, lruOrder, base + at, position - at);
        }
        lruOrder[base + position] = (byte)rowSlot;
    }

    private static long endpointHash(final long high, final long low, final int port)
    {
        final long x = low * 0x9E3779B97F4A7C15L
            ^ Long.rotateLeft(high * 0xC2B2AE3D27D4EB4FL, 29)
            ^ (port + 1L) * 0x165667B19E3779F9L;
        return x ^ (x >>> 31);
    }

    private static long finish(final long value)
    {
        long h = value;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    /** IP packets put into flows. */
    public long packets()
    {
        return packets;
    }

    public long flowsCreated()
    {
        return flowsCreated;
    }

    public long flowsEnded(final int reason)
    {
        return flowsEnded[reason];
    }

    public int flowsInCache()
    {
        return flowsInCache;
    }

    /** Later fragments that joined their flow through the fragment table. */
    public long fragmentsMatched()
    {
        return fragments != null ? fragments.filled() : 0;
    }

    /** Later fragments whose first fragment was not seen: counted in a flow with ports 0. */
    public long fragmentsUnmatched()
    {
        return fragments != null ? fragments.unmatched() : 0;
    }
}
