package io.weir.plugins.text;

import io.weir.core.decode.PacketView;

/**
 * One message head (start line and header lines) being read from one direction of a flow. Over
 * TCP the head may span segments: a segment continues it only when it starts at the sequence
 * number where the previous one ended; an old copy (retransmission) is skipped, and a gap ends
 * the head, since its lines could no longer be joined. A UDP datagram, a segment cut by the
 * capture length, or a head longer than {@link #MAX_HEAD_BYTES} ends it too.
 * Not thread safe: owned by the capture worker.
 */
public final class MessageStream
{
    /** Head bytes after which a head without its blank line is given up. */
    public static final int MAX_HEAD_BYTES = 64 * 1024;

    /** The segment is not for this stream (closed, or the other direction). */
    public static final int UNRELATED = 0;
    /** The segment is the next part of the head. */
    public static final int CONTINUES = 1;
    /** The segment holds only bytes already seen. */
    public static final int DUPLICATE = 2;

    private static final int TCP = 6;
    private static final int TCP_FIN_OR_RST = 0x05;

    private final LineAssembler lines;
    private boolean open;
    private boolean forward;
    private boolean tcp;
    private int nextSequence;
    private int headBytes;
    private boolean startLineRead;

    public MessageStream(final int carryCapacity)
    {
        this.lines = new LineAssembler(carryCapacity);
    }

    /** Starts a head with the packet about to be read. */
    public void open(final boolean forward, final PacketView packet)
    {
        lines.reset();
        open = true;
        this.forward = forward;
        tcp = packet.protocol() == TCP;
        headBytes = 0;
        startLineRead = false;
    }

    public void close()
    {
        open = false;
        lines.reset();
    }

    public boolean isOpen()
    {
        return open;
    }

    /**
     * How the packet relates to the open head: {@link #CONTINUES}, {@link #DUPLICATE}, or
     * {@link #UNRELATED}; a segment in the head's direction that neither continues nor repeats
     * it closes the head and is unrelated.
     */
    public int follow(final boolean forward, final PacketView packet)
    {
        if (!open || !tcp || this.forward != forward || packet.protocol() != TCP)
        {
            return UNRELATED;
        }
        final int sequence = packet.tcpSequence();
        if (sequence == nextSequence)
        {
            return CONTINUES;
        }
        if (nextSequence - (sequence + packet.payloadLengthWire()) >= 0 && nextSequence - sequence > 0)
        {
            return DUPLICATE;
        }
        close();
        return UNRELATED;
    }

    public LineAssembler lines()
    {
        return lines;
    }

    /** True until the start line has been read. */
    public boolean atStartLine()
    {
        return !startLineRead;
    }

    public void startLineRead()
    {
        startLineRead = true;
    }

    /** After a segment was read into the head: where the next one must start, or the end of the head. */
    public void advance(final PacketView packet)
    {
        if (!open)
        {
            return;
        }
        headBytes += packet.payloadLength();
        if (!tcp || packet.payloadLength() < packet.payloadLengthWire() || headBytes > MAX_HEAD_BYTES
            || (packet.tcpFlags() & TCP_FIN_OR_RST) != 0)
        {
            close();
            return;
        }
        nextSequence = packet.tcpSequence() + packet.payloadLength();
    }
}
