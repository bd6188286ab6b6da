package io.weir.nativeio;

import java.util.Locale;

/**
 * PACKET_FANOUT modes: how the kernel spreads an interface's packets over the sockets of one
 * group. {@link #HASH} (the default) keeps both directions of a flow on one socket: the kernel
 * hashes the flow symmetrically (addresses and ports in a canonical order).
 */
public enum FanoutMode
{
    HASH(0, "by a symmetric flow hash: both directions of a flow go to one worker"),
    LB(1, "round robin: flows are split over workers (breaks biflows)"),
    CPU(2, "by the CPU that received the packet (biflows stay together only with symmetric RSS)"),
    ROLLOVER(3, "fill one socket, then the next"),
    RND(4, "random (breaks biflows)"),
    QM(5, "by the NIC's receive queue (as recorded by the driver)");

    private final int value;
    private final String description;

    FanoutMode(final int value, final String description)
    {
        this.value = value;
        this.description = description;
    }

    int value()
    {
        return value;
    }

    public String description()
    {
        return description;
    }

    public static FanoutMode parse(final String text)
    {
        for (final FanoutMode mode : values())
        {
            if (mode.name().equalsIgnoreCase(text))
            {
                return mode;
            }
        }
        final StringBuilder known = new StringBuilder();
        for (final FanoutMode mode : values())
        {
            known.append(known.length() == 0 ? "" : ", ").append(mode.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("unknown fanout mode '" + text + "' (known: " + known + ")");
    }
}
