package io.weir.export.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

import org.agrona.DirectBuffer;

/**
 * One IPFIX message per datagram to a collector (RFC 7011 section 10.3). The message size
 * bound (the sink's MTU) keeps datagrams unfragmented; a datagram that cannot be sent (no
 * route, the collector's port closed) is counted with its records as dropped and the export
 * goes on. Not thread safe: owned by the exporter thread.
 */
public final class UdpTransport implements MessageTransport
{
    private final InetSocketAddress collector;
    private final TransportCounters counters = new TransportCounters();
    private final ByteBuffer staging = ByteBuffer.allocateDirect(65536);
    private final TransportLog log;
    private DatagramChannel channel;
    private IOException lastFailure;

    public UdpTransport(final InetSocketAddress collector, final TransportLog log)
    {
        this.collector = collector;
        this.log = log;
    }

    @Override
    public void start(final SessionStart sessionStart) throws IOException
    {
        channel = DatagramChannel.open();
        channel.connect(collector);
        counters.sessions++;
        log.info("sending IPFIX over UDP to " + collector);
        sessionStart.onSessionStart(this::writeTemplates);
    }

    private void writeTemplates(final DirectBuffer buffer, final int offset, final int length) throws IOException
    {
        int at = offset;
        final int end = offset + length;
        while (at + 4 <= end)
        {
            final int messageLength = buffer.getShort(at + 2, java.nio.ByteOrder.BIG_ENDIAN) & 0xFFFF;
            send(buffer, at, messageLength, 0, TEMPLATES);
            at += messageLength;
        }
    }

    @Override
    public void send(final DirectBuffer buffer, final int offset, final int length, final int records,
                     final int kind) throws IOException
    {
        staging.clear();
        buffer.getBytes(offset, staging, length);
        staging.flip();
        try
        {
            final int sent = channel.write(staging);
            if (sent == length)
            {
                counters.onSent(length, records, kind);
                return;
            }
        }
        catch (final IOException ex)
        {
            if (lastFailure == null || !String.valueOf(ex.getMessage()).equals(lastFailure.getMessage()))
            {
                log.warn("UDP send to " + collector + " failed: " + ex);
            }
            lastFailure = ex;
        }
        counters.onDropped(records, kind);
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
    public void close(final long timeoutMs) throws IOException
    {
        if (channel != null)
        {
            channel.close();
        }
    }

    @Override
    public TransportCounters counters()
    {
        return counters;
    }

    @Override
    public int protocol()
    {
        return 17;
    }

    @Override
    public InetAddress localAddress()
    {
        try
        {
            return channel == null ? null : ((InetSocketAddress)channel.getLocalAddress()).getAddress();
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    @Override
    public String describe()
    {
        return "udp " + collector.getHostString() + ":" + collector.getPort();
    }
}
