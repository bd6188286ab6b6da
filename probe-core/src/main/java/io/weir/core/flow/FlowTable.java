package io.weir.core.flow;

/**
 * The flow records of one cache, off-heap. Each record is split in two 64-byte, cache-line
 * aligned parts kept in two blocks: the hot part holds what a lookup compares and what every
 * packet updates, so that a packet of an IPv4 flow touches one line of the table; the cold part
 * holds what only creation, IPv6 lookups and export need.
 *
 * <pre>
 * hot (64 bytes)                                             cold (64 bytes)
 *   0 key: version(4) proto(8) vlan(12) sport(16) dport(16)    0 first packet time, ns
 *   8 source address, low 64 bits (IPv4: low 32)               8 source address, high 64 bits (IPv6)
 *  16 destination address, low 64 bits                        16 destination address, high 64 bits
 *  24 last packet time, ns                                    24 source MAC
 *  32 bytes, forward                                          32 destination MAC
 *  40 bytes, reverse                                          40 interface(2), spare(2), MPLS top entry(4)
 *  48 packets forward(4), reverse(4), unsigned                48 spare
 *  56 first packet second(4), TCP flags fwd(1) rev(1), plugins done(2)
 * </pre>
 *
 * "Forward" is the direction of the flow's first packet. Packet counters are 32 bits, as in
 * ipfixprobe; {@link #packetsFull} tells the cache to end a flow before one would wrap.
 * Not thread safe: owned by the capture worker.
 */
public final class FlowTable
{
    static final int PART_LENGTH = 64;

    static final int KEY_OFFSET = 0;
    static final int SOURCE_LOW_OFFSET = 8;
    static final int DESTINATION_LOW_OFFSET = 16;
    static final int LAST_NS_OFFSET = 24;
    static final int FORWARD_BYTES_OFFSET = 32;
    static final int REVERSE_BYTES_OFFSET = 40;
    static final int FORWARD_PACKETS_OFFSET = 48;
    static final int REVERSE_PACKETS_OFFSET = 52;
    static final int FIRST_SECOND_OFFSET = 56;
    static final int FORWARD_FLAGS_OFFSET = 60;
    static final int REVERSE_FLAGS_OFFSET = 61;
    static final int PLUGINS_DONE_OFFSET = 62;
    /** Plugins whose "done" bit the record holds. */
    public static final int PLUGINS_DONE_BITS = 16;

    static final int FIRST_NS_OFFSET = 0;
    static final int SOURCE_HIGH_OFFSET = 8;
    static final int DESTINATION_HIGH_OFFSET = 16;
    static final int SOURCE_MAC_OFFSET = 24;
    static final int DESTINATION_MAC_OFFSET = 32;
    static final int INTERFACE_OFFSET = 40;
    static final int MPLS_OFFSET = 44;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long PACKETS_MAX = 0xFFFF_FFFFL;

    private final int capacity;
    private final AlignedMemory hot;
    private final AlignedMemory cold;

    public FlowTable(final int capacity)
    {
        this.capacity = capacity;
        this.hot = new AlignedMemory(capacity * PART_LENGTH, PART_LENGTH);
        this.cold = new AlignedMemory(capacity * PART_LENGTH, PART_LENGTH);
    }

    public int capacity()
    {
        return capacity;
    }

    static long packKey(final int ipVersion, final int protocol, final int vlanId,
                        final int sourcePort, final int destinationPort)
    {
        return ((long)ipVersion << 52) | ((long)protocol << 44) | ((long)vlanId << 32)
            | ((long)sourcePort << 16) | destinationPort;
    }

    private static int at(final int slot)
    {
        return slot * PART_LENGTH;
    }

    long key(final int slot)
    {
        return hot.getLong(at(slot) + KEY_OFFSET);
    }

    /**
     * Compares the stored key with a packet's key fields in the stored orientation. An IPv4 key that
     * matches in the hot part is a match: the high address parts of IPv4 flows are zero.
     */
    boolean matches(final int slot, final long key, final long sourceLow, final long destinationLow,
                    final long sourceHigh, final long destinationHigh)
    {
        final int base = at(slot);
        return hot.getLong(base + KEY_OFFSET) == key
            && hot.getLong(base + SOURCE_LOW_OFFSET) == sourceLow
            && hot.getLong(base + DESTINATION_LOW_OFFSET) == destinationLow
            && ((key >>> 52) == 4
                || cold.getLong(base + SOURCE_HIGH_OFFSET) == sourceHigh
                && cold.getLong(base + DESTINATION_HIGH_OFFSET) == destinationHigh);
    }

    void create(final int slot, final long key, final long sourceLow, final long destinationLow,
                final long sourceHigh, final long destinationHigh, final long timeNs, final int ipLength,
                final int tcpFlags, final long sourceMac, final long destinationMac, final int interfaceId,
                final int mplsTopEntry)
    {
        final int base = at(slot);
        hot.putLong(base + KEY_OFFSET, key);
        hot.putLong(base + SOURCE_LOW_OFFSET, sourceLow);
        hot.putLong(base + DESTINATION_LOW_OFFSET, destinationLow);
        hot.putLong(base + LAST_NS_OFFSET, timeNs);
        hot.putLong(base + FORWARD_BYTES_OFFSET, ipLength);
        hot.putLong(base + REVERSE_BYTES_OFFSET, 0);
        hot.putInt(base + FORWARD_PACKETS_OFFSET, 1);
        hot.putInt(base + REVERSE_PACKETS_OFFSET, 0);
        hot.putInt(base + FIRST_SECOND_OFFSET, (int)Math.floorDiv(timeNs, NANOS_PER_SECOND));
        hot.putByte(base + FORWARD_FLAGS_OFFSET, (byte)tcpFlags);
        hot.putByte(base + REVERSE_FLAGS_OFFSET, (byte)0);
        hot.putShort(base + PLUGINS_DONE_OFFSET, (short)0);
        cold.putLong(base + FIRST_NS_OFFSET, timeNs);
        cold.putLong(base + SOURCE_HIGH_OFFSET, sourceHigh);
        cold.putLong(base + DESTINATION_HIGH_OFFSET, destinationHigh);
        cold.putLong(base + SOURCE_MAC_OFFSET, sourceMac);
        cold.putLong(base + DESTINATION_MAC_OFFSET, destinationMac);
        cold.putShort(base + INTERFACE_OFFSET, (short)interfaceId);
        cold.putInt(base + MPLS_OFFSET, mplsTopEntry);
    }

    void update(final int slot, final boolean forward, final long timeNs, final int ipLength, final int tcpFlags)
    {
        final int base = at(slot);
        if (timeNs > hot.getLong(base + LAST_NS_OFFSET))
        {
            hot.putLong(base + LAST_NS_OFFSET, timeNs);
        }
        else if (timeNs < cold.getLong(base + FIRST_NS_OFFSET))
        {
            cold.putLong(base + FIRST_NS_OFFSET, timeNs);
            hot.putInt(base + FIRST_SECOND_OFFSET, (int)Math.floorDiv(timeNs, NANOS_PER_SECOND));
        }
        final int bytes = forward ? FORWARD_BYTES_OFFSET : REVERSE_BYTES_OFFSET;
        final int packets = forward ? FORWARD_PACKETS_OFFSET : REVERSE_PACKETS_OFFSET;
        final int flags = forward ? FORWARD_FLAGS_OFFSET : REVERSE_FLAGS_OFFSET;
        hot.putLong(base + bytes, hot.getLong(base + bytes) + ipLength);
        hot.putInt(base + packets, hot.getInt(base + packets) + 1);
        hot.putByte(base + flags, (byte)(hot.getByte(base + flags) | tcpFlags));
    }

    /** True when one more packet in this direction would wrap the 32-bit packet counter. */
    boolean packetsFull(final int slot, final boolean forward)
    {
        return (forward ? forwardPackets(slot) : reversePackets(slot)) == PACKETS_MAX;
    }

    /**
     * Starts the record again with no packets at {@code timeNs}, keeping key, orientation, MACs and
     * interface (a plugin's flush and reinsert); the packet that caused it is added with {@link #update}.
     */
    void restart(final int slot, final long timeNs)
    {
        final int base = at(slot);
        cold.putLong(base + FIRST_NS_OFFSET, timeNs);
        hot.putInt(base + FIRST_SECOND_OFFSET, (int)Math.floorDiv(timeNs, NANOS_PER_SECOND));
        hot.putLong(base + LAST_NS_OFFSET, timeNs);
        hot.putLong(base + FORWARD_BYTES_OFFSET, 0);
        hot.putLong(base + REVERSE_BYTES_OFFSET, 0);
        hot.putInt(base + FORWARD_PACKETS_OFFSET, 0);
        hot.putInt(base + REVERSE_PACKETS_OFFSET, 0);
        hot.putByte(base + FORWARD_FLAGS_OFFSET, (byte)0);
        hot.putByte(base + REVERSE_FLAGS_OFFSET, (byte)0);
        hot.putShort(base + PLUGINS_DONE_OFFSET, (short)0);
    }

    public int ipVersion(final int slot)
    {
        return (int)(key(slot) >>> 52) & 0xF;
    }

    public int protocol(final int slot)
    {
        return (int)(key(slot) >>> 44) & 0xFF;
    }

    public int vlanId(final int slot)
    {
        return (int)(key(slot) >>> 32) & 0xFFF;
    }

    public int sourcePort(final int slot)
    {
        return (int)(key(slot) >>> 16) & 0xFFFF;
    }

    public int destinationPort(final int slot)
    {
        return (int)key(slot) & 0xFFFF;
    }

    public long sourceLow(final int slot)
    {
        return hot.getLong(at(slot) + SOURCE_LOW_OFFSET);
    }

    public long sourceHigh(final int slot)
    {
        return cold.getLong(at(slot) + SOURCE_HIGH_OFFSET);
    }

    public long destinationLow(final int slot)
    {
        return hot.getLong(at(slot) + DESTINATION_LOW_OFFSET);
    }

    public long destinationHigh(final int slot)
    {
        return cold.getLong(at(slot) + DESTINATION_HIGH_OFFSET);
    }

    public long firstNs(final int slot)
    {
        return cold.getLong(at(slot) + FIRST_NS_OFFSET);
    }

    /** Whole second of the first packet, kept with the hot part for the active timeout check. */
    int firstSecond(final int slot)
    {
        return hot.getInt(at(slot) + FIRST_SECOND_OFFSET);
    }

    public long lastNs(final int slot)
    {
        return hot.getLong(at(slot) + LAST_NS_OFFSET);
    }

    public long forwardBytes(final int slot)
    {
        return hot.getLong(at(slot) + FORWARD_BYTES_OFFSET);
    }

    public long reverseBytes(final int slot)
    {
        return hot.getLong(at(slot) + REVERSE_BYTES_OFFSET);
    }

    public long forwardPackets(final int slot)
    {
        return hot.getInt(at(slot) + FORWARD_PACKETS_OFFSET) & 0xFFFF_FFFFL;
    }

    public long reversePackets(final int slot)
    {
        return hot.getInt(at(slot) + REVERSE_PACKETS_OFFSET) & 0xFFFF_FFFFL;
    }

    public int forwardTcpFlags(final int slot)
    {
        return hot.getByte(at(slot) + FORWARD_FLAGS_OFFSET) & 0xFF;
    }

    public int reverseTcpFlags(final int slot)
    {
        return hot.getByte(at(slot) + REVERSE_FLAGS_OFFSET) & 0xFF;
    }

    /** Bit i set when plugin i needs no more packets of this flow (see ProcessPlugin.DONE). */
    public int pluginsDone(final int slot)
    {
        return hot.getShort(at(slot) + PLUGINS_DONE_OFFSET) & 0xFFFF;
    }

    public void pluginsDone(final int slot, final int mask)
    {
        hot.putShort(at(slot) + PLUGINS_DONE_OFFSET, (short)mask);
    }

    public long sourceMac(final int slot)
    {
        return cold.getLong(at(slot) + SOURCE_MAC_OFFSET);
    }

    public long destinationMac(final int slot)
    {
        return cold.getLong(at(slot) + DESTINATION_MAC_OFFSET);
    }

    public int interfaceId(final int slot)
    {
        return cold.getShort(at(slot) + INTERFACE_OFFSET) & 0xFFFF;
    }

    public int mplsTopEntry(final int slot)
    {
        return cold.getInt(at(slot) + MPLS_OFFSET);
    }
}
