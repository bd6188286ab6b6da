package io.weir.core.flow;

/**
 * The flow records of one cache, in one off-heap block of fixed 128-byte records aligned to
 * 128 bytes, so that a record is one aligned pair of cache lines. The first line holds what
 * a lookup compares and what every packet updates; the second the rest.
 *
 * <pre>
 *   0 key: version(4) proto(8) vlan(12) sport(16) dport(16)    64 packets, forward
 *   8 source address, low 64 bits (IPv4: low 32)               72 packets, reverse
 *  16 destination address, low 64 bits                        80 first packet time, ns
 *  24 source address, high 64 bits (IPv6)                     88 source MAC
 *  32 destination address, high 64 bits                       96 destination MAC
 *  40 last packet time, ns                                    104 TCP flags fwd(1) rev(1), interface(2), spare(4)
 *  48 bytes, forward                                          112 MPLS top entry(4), spare(4)
 *  56 bytes, reverse                                          120 spare
 * </pre>
 *
 * "Forward" is the direction of the flow's first packet. Not thread safe: owned by the capture worker.
 */
public final class FlowTable
{
    public static final int RECORD_LENGTH = 128;

    static final int KEY_OFFSET = 0;
    static final int SOURCE_LOW_OFFSET = 8;
    static final int DESTINATION_LOW_OFFSET = 16;
    static final int SOURCE_HIGH_OFFSET = 24;
    static final int DESTINATION_HIGH_OFFSET = 32;
    static final int LAST_NS_OFFSET = 40;
    static final int FORWARD_BYTES_OFFSET = 48;
    static final int REVERSE_BYTES_OFFSET = 56;
    static final int FORWARD_PACKETS_OFFSET = 64;
    static final int REVERSE_PACKETS_OFFSET = 72;
    static final int FIRST_NS_OFFSET = 80;
    static final int SOURCE_MAC_OFFSET = 88;
    static final int DESTINATION_MAC_OFFSET = 96;
    static final int FORWARD_FLAGS_OFFSET = 104;
    static final int REVERSE_FLAGS_OFFSET = 105;
    static final int INTERFACE_OFFSET = 106;
    static final int MPLS_OFFSET = 112;

    private final int capacity;
    private final AlignedMemory records;

    public FlowTable(final int capacity)
    {
        this.capacity = capacity;
        this.records = new AlignedMemory(capacity * RECORD_LENGTH, RECORD_LENGTH);
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
        return slot * RECORD_LENGTH;
    }

    long key(final int slot)
    {
        return records.getLong(at(slot) + KEY_OFFSET);
    }

    /** Compares the stored key with a packet's key fields in the stored orientation. */
    boolean matches(final int slot, final long key, final long sourceLow, final long destinationLow,
                    final long sourceHigh, final long destinationHigh)
    {
        final int base = at(slot);
        return records.getLong(base + KEY_OFFSET) == key
            && records.getLong(base + SOURCE_LOW_OFFSET) == sourceLow
            && records.getLong(base + DESTINATION_LOW_OFFSET) == destinationLow
            && records.getLong(base + SOURCE_HIGH_OFFSET) == sourceHigh
            && records.getLong(base + DESTINATION_HIGH_OFFSET) == destinationHigh;
    }

    void create(final int slot, final long key, final long sourceLow, final long destinationLow,
                final long sourceHigh, final long destinationHigh, final long timeNs, final int ipLength,
                final int tcpFlags, final long sourceMac, final long destinationMac, final int interfaceId,
                final int mplsTopEntry)
    {
        final int base = at(slot);
        records.putLong(base + KEY_OFFSET, key);
        records.putLong(base + SOURCE_LOW_OFFSET, sourceLow);
        records.putLong(base + DESTINATION_LOW_OFFSET, destinationLow);
        records.putLong(base + SOURCE_HIGH_OFFSET, sourceHigh);
        records.putLong(base + DESTINATION_HIGH_OFFSET, destinationHigh);
        records.putLong(base + LAST_NS_OFFSET, timeNs);
        records.putLong(base + FORWARD_BYTES_OFFSET, ipLength);
        records.putLong(base + REVERSE_BYTES_OFFSET, 0);
        records.putLong(base + FORWARD_PACKETS_OFFSET, 1);
        records.putLong(base + REVERSE_PACKETS_OFFSET, 0);
        records.putLong(base + FIRST_NS_OFFSET, timeNs);
        records.putLong(base + SOURCE_MAC_OFFSET, sourceMac);
        records.putLong(base + DESTINATION_MAC_OFFSET, destinationMac);
        records.putByte(base + FORWARD_FLAGS_OFFSET, (byte)tcpFlags);
        records.putByte(base + REVERSE_FLAGS_OFFSET, (byte)0);
        records.putShort(base + INTERFACE_OFFSET, (short)interfaceId);
        records.putInt(base + MPLS_OFFSET, mplsTopEntry);
    }

    void update(final int slot, final boolean forward, final long timeNs, final int ipLength, final int tcpFlags)
    {
        final int base = at(slot);
        if (timeNs > records.getLong(base + LAST_NS_OFFSET))
        {
            records.putLong(base + LAST_NS_OFFSET, timeNs);
        }
        else if (timeNs < records.getLong(base + FIRST_NS_OFFSET))
        {
            records.putLong(base + FIRST_NS_OFFSET, timeNs);
        }
        final int bytes = forward ? FORWARD_BYTES_OFFSET : REVERSE_BYTES_OFFSET;
        final int packets = forward ? FORWARD_PACKETS_OFFSET : REVERSE_PACKETS_OFFSET;
        final int flags = forward ? FORWARD_FLAGS_OFFSET : REVERSE_FLAGS_OFFSET;
        records.putLong(base + bytes, records.getLong(base + bytes) + ipLength);
        records.putLong(base + packets, records.getLong(base + packets) + 1);
        records.putByte(base + flags, (byte)(records.getByte(base + flags) | tcpFlags));
    }

    /**
     * Starts the record again with no packets at {@code timeNs}, keeping key, orientation, MACs and
     * interface (a plugin's flush and reinsert); the packet that caused it is added with {@link #update}.
     */
    void restart(final int slot, final long timeNs)
    {
        final int base = at(slot);
        records.putLong(base + FIRST_NS_OFFSET, timeNs);
        records.putLong(base + LAST_NS_OFFSET, timeNs);
        records.putLong(base + FORWARD_BYTES_OFFSET, 0);
        records.putLong(base + REVERSE_BYTES_OFFSET, 0);
        records.putLong(base + FORWARD_PACKETS_OFFSET, 0);
        records.putLong(base + REVERSE_PACKETS_OFFSET, 0);
        records.putByte(base + FORWARD_FLAGS_OFFSET, (byte)0);
        records.putByte(base + REVERSE_FLAGS_OFFSET, (byte)0);
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
        return records.getLong(at(slot) + SOURCE_LOW_OFFSET);
    }

    public long sourceHigh(final int slot)
    {
        return records.getLong(at(slot) + SOURCE_HIGH_OFFSET);
    }

    public long destinationLow(final int slot)
    {
        return records.getLong(at(slot) + DESTINATION_LOW_OFFSET);
    }

    public long destinationHigh(final int slot)
    {
        return records.getLong(at(slot) + DESTINATION_HIGH_OFFSET);
    }

    public long firstNs(final int slot)
    {
        return records.getLong(at(slot) + FIRST_NS_OFFSET);
    }

    public long lastNs(final int slot)
    {
        return records.getLong(at(slot) + LAST_NS_OFFSET);
    }

    public long forwardBytes(final int slot)
    {
        return records.getLong(at(slot) + FORWARD_BYTES_OFFSET);
    }

    public long reverseBytes(final int slot)
    {
        return records.getLong(at(slot) + REVERSE_BYTES_OFFSET);
    }

    public long forwardPackets(final int slot)
    {
        return records.getLong(at(slot) + FORWARD_PACKETS_OFFSET);
    }

    public long reversePackets(final int slot)
    {
        return records.getLong(at(slot) + REVERSE_PACKETS_OFFSET);
    }

    public int forwardTcpFlags(final int slot)
    {
        return records.getByte(at(slot) + FORWARD_FLAGS_OFFSET) & 0xFF;
    }

    public int reverseTcpFlags(final int slot)
    {
        return records.getByte(at(slot) + REVERSE_FLAGS_OFFSET) & 0xFF;
    }

    public long sourceMac(final int slot)
    {
        return records.getLong(at(slot) + SOURCE_MAC_OFFSET);
    }

    public long destinationMac(final int slot)
    {
        return records.getLong(at(slot) + DESTINATION_MAC_OFFSET);
    }

    public int interfaceId(final int slot)
    {
        return records.getShort(at(slot) + INTERFACE_OFFSET) & 0xFFFF;
    }

    public int mplsTopEntry(final int slot)
    {
        return records.getInt(at(slot) + MPLS_OFFSET);
    }
}
