package io.weir.core.capture;

/**
 * The counters a live source's kernel keeps for it, as last read by the source (it reads them
 * about once a second and once more when closed). The kernel counts per socket, so with several
 * workers each source reports its own share. Any thread may read; the source is the only writer.
 *
 * <p>Accounting that holds after {@link PacketSource#close()}: {@code received() = dropped() +
 * packets handed to the worker + unreadAtClose()} (exact for AF_PACKET, whose socket stops
 * receiving before the last read; libpcap's figures are its own).
 */
public interface CaptureStatistics
{
    /** Packets the kernel had for this socket, dropped ones included (tp_packets, ps_recv). */
    long received();

    /** Packets the kernel dropped because the ring or buffer was full (tp_drops, ps_drop). */
    long dropped();

    /** Packets the interface or its driver dropped (ps_ifdrop), or 0 when not known. */
    long interfaceDropped();

    /** Times the ring was found full and the queue froze (TPACKET_V3 tp_freeze_q_cnt), or 0. */
    long queueFreezes();

    /** Packets already in the ring when the source was closed, not handed to the worker. */
    long unreadAtClose();
}
