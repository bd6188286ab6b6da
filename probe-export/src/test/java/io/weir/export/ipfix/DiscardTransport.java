package io.weir.export.ipfix;

import java.net.InetAddress;

import io.weir.export.transport.MessageTransport;
import io.weir.export.transport.TransportCounters;
import org.agrona.DirectBuffer;

/** A transport that takes messages and forgets them, counting bytes: for benchmarks and allocation tests. */
public final class DiscardTransport implements MessageTransport
{
    private final TransportCounters counters = new TransportCounters();
    private long bytes;
    private long messages;
    private long checksum;

    @Override
    public void start(final SessionStart sessionStart) throws java.io.IOException
    {
        sessionStart.onSessionStart((buffer, offset, length) -> bytes += length);
    }

    @Override
    public void send(final DirectBuffer buffer, final int offset, final int length, final int records, final int kind)
    {
        bytes += length;
        messages++;
        checksum += buffer.getByte(offset + length - 1);
    }

    @Override
    public void poll(final long nowMs)
    {
    }

    @Override
    public boolean isConnected()
    {
        return true;
    }

    @Override
    public void close(final long timeoutMs)
    {
    }

    @Override
    public TransportCounters counters()
    {
        return counters;
    }

    @Override
    public int protocol()
    {
        return 6;
    }

    @Override
    public InetAddress localAddress()
    {
        return null;
    }

    @Override
    public String describe()
    {
        return "discard";
    }

    public long bytes()
    {
        return bytes;
    }

    public long messages()
    {
        return messages;
    }

    public long checksum()
    {
        return checksum;
    }
}
