package io.weir.core.capture;

/**
 * A stream of packets handed out in batches, with no object per packet.
 * Not thread safe: owned by one capture worker.
 */
public interface PacketSource extends AutoCloseable
{
    /** Returned by {@link #poll} when the source has no more packets. */
    int END_OF_INPUT = -1;

    /**
     * Delivers up to {@code maxPackets} packets to the handler. The bytes of every packet of one call
     * stay valid until the next call (or {@link #close()}), so a handler may look back at earlier
     * packets of the same batch.
     *
     * @return the number delivered (0 when nothing is ready now), or {@link #END_OF_INPUT}
     */
    int poll(PacketHandler handler, int maxPackets);

    /** Fraction of the input consumed so far, 0..1, or -1 when unknown (live sources). */
    default double progress()
    {
        return -1;
    }

    /** True for live capture: flows then also expire by the clock, not only by packet time. */
    default boolean isLive()
    {
        return false;
    }

    /** Short human-readable description for messages ("file x.pcap", "interface eth0"). */
    String describe();

    @Override
    void close();
}
