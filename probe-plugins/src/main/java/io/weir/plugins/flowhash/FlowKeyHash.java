package io.weir.plugins.flowhash;

/**
 * ipfixprobe's flow hash: XXH64 with seed 0 over its packed flow key, as its cache builds it on a
 * little-endian host (x86, ARM), oriented by the flow's first packet:
 * <pre>
 *  IPv4, 16 bytes: source port (2, LE) | destination port (2, LE) | protocol (1) | 4 (1)
 *                  | source address (4, network order) | destination address (4) | VLAN id (2, LE)
 *  IPv6, 40 bytes: the same with 16-byte addresses and 6 as the version byte
 * </pre>
 * Not thread safe: one scratch key per instance.
 */
public final class FlowKeyHash
{
    static final int IPV4_KEY_LENGTH = 16;
    static final int IPV6_KEY_LENGTH = 40;

    private final byte[] key = new byte[IPV6_KEY_LENGTH];

    /** IPv4: addresses in the low 32 bits, as weir holds them. */
    public long ipv4(final int sourcePort, final int destinationPort, final int protocol, final long source,
                     final long destination, final int vlanId)
    {
        final byte[] k = key;
        head(k, sourcePort, destinationPort, protocol, 4);
        bigEndian(k, 6, source, 4);
        bigEndian(k, 10, destination, 4);
        littleEndian16(k, 14, vlanId);
        return Xxh64.hash(k, 0, IPV4_KEY_LENGTH, 0);
    }

    public long ipv6(final int sourcePort, final int destinationPort, final int protocol, final long sourceHigh,
                     final long sourceLow, final long destinationHigh, final long destinationLow, final int vlanId)
    {
        final byte[] k = key;
        head(k, sourcePort, destinationPort, protocol, 6);
        bigEndian(k, 6, sourceHigh, 8);
        bigEndian(k, 14, sourceLow, 8);
        bigEndian(k, 22, destinationHigh, 8);
        bigEndian(k, 30, destinationLow, 8);
        littleEndian16(k, 38, vlanId);
        return Xxh64.hash(k, 0, IPV6_KEY_LENGTH, 0);
    }

    private static void head(final byte[] k, final int sourcePort, final int destinationPort, final int protocol,
                             final int version)
    {
        littleEndian16(k, 0, sourcePort);
        littleEndian16(k, 2, destinationPort);
        k[4] = (byte)protocol;
        k[5] = (byte)version;
    }

    private static void littleEndian16(final byte[] k, final int at, final int value)
    {
        k[at] = (byte)value;
        k[at + 1] = (byte)(value >>> 8);
    }

    private static void bigEndian(final byte[] k, final int at, final long value, final int bytes)
    {
        for (int i = 0; i < bytes; i++)
        {
            k[at + i] = (byte)(value >>> ((bytes - 1 - i) << 3));
        }
    }
}
