package io.weir.core.flow;

import io.weir.core.decode.PacketView;
import io.weir.core.plugin.FlowContext;
import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.ProcessPlugin;

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
 * <p>Each slot has one 64-bit word of metadata, and a row's words sit together in one aligned
 * block (128 bytes for a row of 16), so a lookup and a sweep touch that block before any record:
 * <pre>
 *  63                 32 31                 0
 * +---------------------+--------------------+
 * | tag (32 bits of the | last seen, seconds |   tag 0 = free slot
 * | hash, never 0)      |                    |
 * +---------------------+--------------------+
 * </pre>
 * A row's LRU order is one long of 4-bit slot numbers, most recently used in the low nibble
 * (so rows hold at most 16 records); the 8 KiB of order words for the default cache stay in
 * the CPU cache, and a move is a few shifts and masks.
 * Not thread safe: owned by the capture worker.
 */
public final class FlowCache
{
    private static final int TCP_FIN = 0x01;
    private static final int TCP_SYN = 0x02;
    private static final int TCP_RST = 0x04;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int TAG_SHIFT = 32;
    private static final long SECONDS_MASK = 0xFFFF_FFFFL;
    private static final long NIBBLE_ONES = 0x1111_1111_1111_1111L;
    private static final long NIBBLE_HIGH_BITS = 0x8888_8888_8888_8888L;

    private final FlowTable table;
    private final FlowExport export;
    private final PluginChain plugins;
    private final boolean hasPlugins;
    private final FlowContext context;
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
    private final AlignedMemory meta;
    private final long[] lruOrder;
    private int sweepIndex;
    private int expiryIndex;
    private int flowsInCache;

    private long packets;
    private long flowsCreated;
    private final long[] flowsEnded = new long[FlowEndReason.MAX + 1];

    public FlowCache(final FlowCacheConfig config, final FlowExport export)
    {
        this(config, export, PluginChain.none());
    }

    public FlowCache(final FlowCacheConfig config, final FlowExport export, final PluginChain plugins)
    {
        this.table = new FlowTable(config.capacity());
        this.export = export;
        this.plugins = plugins;
        this.hasPlugins = !plugins.isEmpty();
        this.context = new FlowContext(table);
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
        this.meta = new AlignedMemory(config.capacity() * Long.BYTES, Math.max(64, rowSize * Long.BYTES));
        this.lruOrder = new long[config.capacity() >>> config.rowExponent()];
        long identity = 0;
        for (int i = rowSize - 1; i >= 0; i--)
        {
            identity = (identity << 4) | i;
        }
        java.util.Arrays.fill(lruOrder, identity);
    }

    public FlowTable table()
    {
        return table;
    }

    /** Puts one parsed IP packet into its flow. */
    public void onPacket(final PacketView packet)
    {
        packets++;
        if (hasPlugins)
        {
            plugins.beforeCreate(packet);
        }
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
        final int rowFirstSlot = ((int)hash & rowMask) << rowExponent;
        final long tag = (hash >>> TAG_SHIFT) | 1;

        while (true)
        {
            int found = -1;
            boolean forward = true;
            int free = -1;
            for (int i = 0; i < rowSize; i++)
            {
                final int slot = rowFirstSlot + i;
                final long slotTag = meta.getLong(slot * Long.BYTES) >>> TAG_SHIFT;
                if (slotTag == tag)
                {
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
                    free = slot;
                }
            }

            if (found >= 0)
            {
                final int directionFlags = forward ? table.forwardTcpFlags(found) : table.reverseTcpFlags(found);
                if ((packet.tcpFlags() & TCP_SYN) != 0 && (directionFlags & (TCP_FIN | TCP_RST)) != 0)
                {
                    endFlow(found, FlowEndReason.END_OF_FLOW);
                    continue;
                }
                if (nowSeconds - lastSeenSeconds(found) >= inactiveTimeoutSeconds)
                {
                    endFlow(found, idleReason(found));
                    continue;
                }
                if (nowSeconds - table.firstSecond(found) >= activeTimeoutSeconds)
                {
                    endFlow(found, FlowEndReason.ACTIVE_TIMEOUT);
                    continue;
                }
                if (table.packetsFull(found, forward))
                {
                    endFlow(found, FlowEndReason.FORCED_END);
                    continue;
                }
                if (hasPlugins)
                {
                    final int action = plugins.beforeUpdate(context.at(found, forward), packet);
                    if ((action & ProcessPlugin.FLUSH) != 0)
                    {
                        if ((action & ProcessPlugin.REINSERT) == 0)
                        {
                            endFlow(found, FlowEndReason.FORCED_END);
                            continue;
                        }
                        final boolean flushAgain = reinsert(found, forward, packet);
                        use(rowFirstSlot, found, 0, tag, nowSeconds);
                        if (flushAgain)
                        {
                            endFlow(found, FlowEndReason.FORCED_END);
                        }
                        break;
                    }
                }
                table.update(found, forward, timeNs, packet.ipLength(), packet.tcpFlags());
                use(rowFirstSlot, found, 0, tag, nowSeconds);
                if (hasPlugins && (plugins.onUpdate(context.at(found, forward), packet) & ProcessPlugin.FLUSH) != 0)
                {
                    endFlow(found, FlowEndReason.FORCED_END);
                }
            }
            else
            {
                final int slot;
                final int position;
                if (free >= 0)
                {
                    slot = free;
                    position = 0;
                }
                else
                {
                    slot = leastRecentlyUsed(rowFirstSlot);
                    endFlow(slot, FlowEndReason.LACK_OF_RESOURCES);
                    position = insertPosition;
                }
                table.create(slot, forwardKey, sourceLow, destinationLow, sourceHigh, destinationHigh, timeNs,
                    packet.ipLength(), packet.tcpFlags(), packet.sourceMac(), packet.destinationMac(),
                    packet.interfaceId(), packet.mplsTopEntry());
                use(rowFirstSlot, slot, position, tag, nowSeconds);
                flowsInCache++;
                flowsCreated++;
                if (hasPlugins && (plugins.onCreate(context.at(slot, true), packet) & ProcessPlugin.FLUSH) != 0)
                {
                    endFlow(slot, FlowEndReason.FORCED_END);
                }
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
        int slot = sweepIndex;
        for (int n = 0; n < slots; n++)
        {
            final long word = meta.getLong(slot * Long.BYTES);
            if ((word >>> TAG_SHIFT) != 0 && nowSeconds - (int)word >= inactiveTimeoutSeconds)
            {
                endFlow(slot, idleReason(slot));
            }
            slot = (slot + 1) & capacityMask;
        }
        sweepIndex = slot;
    }

    /**
     * Live capture: ends flows that reached the inactive or the active timeout by the clock, so that
     * they leave on time even when no packet arrives. Walks the next {@code slots} slots of its own
     * round through the table; calling it ten times a second with a tenth of the table each time
     * visits every flow once a second.
     */
    public void expire(final long nowNs, final int slots)
    {
        final int nowSeconds = (int)Math.floorDiv(nowNs, NANOS_PER_SECOND);
        int slot = expiryIndex;
        for (int n = 0; n < slots; n++)
        {
            final long word = meta.getLong(slot * Long.BYTES);
            if ((word >>> TAG_SHIFT) != 0)
            {
                if (nowSeconds - (int)word >= inactiveTimeoutSeconds)
                {
                    endFlow(slot, idleReason(slot));
                }
                else if (nowSeconds - table.firstSecond(slot) >= activeTimeoutSeconds)
                {
                    endFlow(slot, FlowEndReason.ACTIVE_TIMEOUT);
                }
            }
            slot = (slot + 1) & capacityMask;
        }
        expiryIndex = slot;
    }

    public int capacity()
    {
        return capacityMask + 1;
    }

    /** Ends every flow still in the cache (end of input, shutdown). */
    public void flushAll(final int reason)
    {
        for (int slot = 0; slot <= capacityMask; slot++)
        {
            if ((meta.getLong(slot * Long.BYTES) >>> TAG_SHIFT) != 0)
            {
                endFlow(slot, reason);
            }
        }
    }

    private int lastSeenSeconds(final int slot)
    {
        return (int)meta.getLong(slot * Long.BYTES);
    }

    /** An idle flow that saw FIN or RST ended as a TCP connection does; otherwise it timed out. */
    private int idleReason(final int slot)
    {
        return ((table.forwardTcpFlags(slot) | table.reverseTcpFlags(slot)) & (TCP_FIN | TCP_RST)) != 0
            ? FlowEndReason.END_OF_FLOW : FlowEndReason.IDLE_TIMEOUT;
    }

    /**
     * A plugin asked for a new flow that continues this one: the flow is exported and its slot
     * starts again, same key and orientation, with this packet.
     *
     * @return true when a plugin wants the new flow ended at once too
     */
    private boolean reinsert(final int slot, final boolean forward, final PacketView packet)
    {
        plugins.beforeExport(context.at(slot, forward));
        export.onFlowEnd(table, slot, FlowEndReason.FORCED_END);
        flowsEnded[FlowEndReason.FORCED_END]++;
        table.restart(slot, packet.timestampNs());
        table.update(slot, forward, packet.timestampNs(), packet.ipLength(), packet.tcpFlags());
        flowsCreated++;
        return (plugins.onCreate(context.at(slot, forward), packet) & ProcessPlugin.FLUSH) != 0;
    }

    private void endFlow(final int slot, final int reason)
    {
        if (hasPlugins)
        {
            plugins.beforeExport(context.at(slot, true));
        }
        export.onFlowEnd(table, slot, reason);
        flowsEnded[reason]++;
        flowsInCache--;
        final int at = slot * Long.BYTES;
        meta.putLong(at, 0);
    }

    /**
     * Marks a slot used at {@code nowSeconds} with its tag and moves it to {@code position} of its
     * row's LRU order (0 = most recently used; a new flow that had to evict goes to the middle).
     */
    private void use(final int rowFirstSlot, final int slot, final int position, final long tag, final int nowSeconds)
    {
        meta.putLong(slot * Long.BYTES, (tag << TAG_SHIFT) | (nowSeconds & SECONDS_MASK));
        final int row = rowFirstSlot >>> rowExponent;
        final long order = lruOrder[row];
        final int rowSlot = slot - rowFirstSlot;
        final long matches = order ^ (NIBBLE_ONES * rowSlot);
        final int from = Long.numberOfTrailingZeros((matches - NIBBLE_ONES) & ~matches & NIBBLE_HIGH_BITS) >>> 2;
        lruOrder[row] = moveNibble(order, from, position, rowSlot);
    }

    /** Moves the nibble {@code value} at position {@code from} down to position {@code to} (to <= from). */
    static long moveNibble(final long order, final int from, final int to, final int value)
    {
        if (from <= to)
        {
            return order;
        }
        final long below = (1L << (to << 2)) - 1;
        final long upToFrom = from >= 15 ? -1L : (1L << ((from + 1) << 2)) - 1;
        final long between = ((1L << (from << 2)) - 1) & ~below;
        return (order & below) | ((order & between) << 4) | ((long)value << (to << 2)) | (order & ~upToFrom);
    }

    private int leastRecentlyUsed(final int rowFirstSlot)
    {
        return rowFirstSlot + ((int)(lruOrder[rowFirstSlot >>> rowExponent] >>> ((rowSize - 1) << 2)) & 0xF);
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
