package io.weir.core.flow;

import io.weir.core.decode.PacketView;

/**
 * Remembers the ports of first fragments so that later fragments of the same datagram, which
 * carry no transport header, join the same flow. Bounded: a direct-mapped table where a new
 * datagram replaces whatever sat in its slot; entries older than the timeout are ignored.
 * Not thread safe: owned by the capture worker.
 */
final class FragmentTable
{
    private static final int KEY_LONGS = 5;

    private final int size;
    private final long timeoutNs;
    private final long[] keys;
    private final int[] ports;
    private final long[] timesNs;
    private long filled;
    private long unmatched;

    FragmentTable(final int size, final int timeoutSeconds)
    {
        this.size = size;
        this.timeoutNs = timeoutSeconds * 1_000_000_000L;
        this.keys = new long[size * KEY_LONGS];
        this.ports = new int[size];
        this.timesNs = new long[size];
    }

    /** Records a first fragment's ports, or fills a later fragment's ports from it. */
    void onFragment(final PacketView packet)
    {
        final long idAndProtocol = ((long)packet.fragmentId() << 32) | ((long)packet.protocol() << 16)
            | packet.vlanId();
        final int index = index(packet, idAndProtocol);
        final int keyAt = index * KEY_LONGS;
        if (packet.fragmentOffset() == 0)
        {
            keys[keyAt] = idAndProtocol;
            keys[keyAt + 1] = packet.sourceLow();
            keys[keyAt + 2] = packet.destinationLow();
            keys[keyAt + 3] = packet.sourceHigh();
            keys[keyAt + 4] = packet.destinationHigh();
            ports[index] = (packet.sourcePort() << 16) | packet.destinationPort();
            timesNs[index] = packet.timestampNs();
            return;
        }
        if (timesNs[index] != 0
            && keys[keyAt] == idAndProtocol
            && keys[keyAt + 1] == packet.sourceLow()
            && keys[keyAt + 2] == packet.destinationLow()
            && keys[keyAt + 3] == packet.sourceHigh()
            && keys[keyAt + 4] == packet.destinationHigh()
            && packet.timestampNs() - timesNs[index] <= timeoutNs)
        {
            packet.fragmentPorts(ports[index] >>> 16, ports[index] & 0xFFFF);
            filled++;
        }
        else
        {
            unmatched++;
        }
    }

    private int index(final PacketView packet, final long idAndProtocol)
    {
        long hash = idAndProtocol * 0x9E3779B97F4A7C15L;
        hash ^= packet.sourceLow() * 0xC2B2AE3D27D4EB4FL;
        hash ^= packet.destinationLow() * 0x165667B19E3779F9L;
        hash ^= packet.sourceHigh() + packet.destinationHigh();
        hash ^= hash >>> 29;
        return (int)Long.remainderUnsigned(hash, size);
    }

    /** Later fragments that got their ports from a first fragment. */
    long filled()
    {
        return filled;
    }

    /** Later fragments whose first fragment was not seen (or too long ago): they keep ports 0. */
    long unmatched()
    {
        return unmatched;
    }
}
