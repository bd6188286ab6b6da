package io.weir.export.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * IPFIX over TCP (RFC 7011 section 10.4) with a bounded backlog: messages queue in a
 * {@link MessageBacklog} and go out with non-blocking writes. When the collector is away the
 * transport reconnects with exponential backoff (a quarter second doubling up to the
 * configured maximum) and keeps messages up to the bound; a message that does not fit then is
 * counted as dropped with its records. While connected, a full backlog makes the exporter wait
 * for the collector (up to a stall limit) rather than drop. Every connection begins with all
 * templates, their sequence numbers aligned with the first queued message of their domain;
 * template messages still queued from an earlier connection are discarded. A message is
 * counted as sent only when all of it was written; one cut short by a broken connection is
 * sent again whole on the next. A collector that closes its side (end of stream on read) is
 * treated as gone: weir stops writing, closes, and reconnects later.
 * With LZ4 the stream follows {@link Lz4Framing}. Not thread safe: owned by the exporter thread.
 */
public final class TcpTransport implements MessageTransport
{
    private static final long FIRST_BACKOFF_MS = 250;
    private static final long STALL_LIMIT_MS = 10_000;

    private final InetSocketAddress collector;
    private final long maxBackoffMs;
    private final MessageBacklog backlog;
    private final Lz4Framing lz4;
    private final TransportLog log;
    private final TransportCounters counters = new TransportCounters();
    private final ByteBuffer prelude = ByteBuffer.allocateDirect(1 << 20);
    private final UnsafeBuffer preludeView = new UnsafeBuffer(prelude);
    private final ByteBuffer staging;
    private final ByteBuffer probe = ByteBuffer.allocateDirect(256);
    private SessionStart sessionStart;
    private SocketChannel channel;
    private boolean connected;
    private long backoffMs = FIRST_BACKOFF_MS;
    private long nextAttemptMs;
    private int headWritten;
    private int stagedMessages;
    private boolean everConnected;
    private String lastProblem;

    /**
     * @param backlogBytes bound of the backlog kept while the collector is slow or away
     * @param lz4 framing for a compressed stream, or null
     */
    public TcpTransport(final InetSocketAddress collector, final int backlogBytes, final long maxBackoffMs,
                        final Lz4Framing lz4, final TransportLog log)
    {
        this.collector = collector;
        this.maxBackoffMs = Math.max(FIRST_BACKOFF_MS, maxBackoffMs);
        this.backlog = new MessageBacklog(backlogBytes);
        this.lz4 = lz4;
        this.log = log;
        this.staging = ByteBuffer.allocateDirect(lz4 == null ? 16 : lz4.maxFramedLength(1 << 20) + 64);
        this.staging.limit(0);
    }

    @Override
    public void start(final SessionStart sessionStart) throws IOException
    {
        this.sessionStart = sessionStart;
        poll(System.currentTimeMillis());
        if (!connected)
        {
            awaitConnection(System.currentTimeMillis() + 1000);
        }
        if (!connected)
        {
            log.warn("cannot connect to collector " + collector + " yet; retrying, keeping up to "
                + backlogBound() + " bytes of messages meanwhile");
        }
    }

    private void awaitConnection(final long deadlineMs) throws IOException
    {
        while (!connected && channel != null && System.currentTimeMillis() < deadlineMs)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            poll(System.currentTimeMillis());
        }
    }

    @Override
    public void send(final DirectBuffer buffer, final int offset, final int length, final int records,
                     final int kind) throws IOException
    {
        if (kind == TEMPLATES && !connected)
        {
            // the next connection starts with every template anyway
            return;
        }
        if (!backlog.offer(buffer, offset, length, records, kind, kind == TEMPLATES))
        {
            waitForRoom(length);
            if (!backlog.offer(buffer, offset, length, records, kind, kind == TEMPLATES))
            {
                counters.onDropped(records, kind);
                return;
            }
        }
        if (connected)
        {
            write();
        }
    }

    private void waitForRoom(final int length) throws IOException
    {
        long lastProgressMs = System.currentTimeMillis();
        int lastUsed = backlog.usedBytes();
        while (connected && backlog.usedBytes() + length > backlogBound())
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            final long now = System.currentTimeMillis();
            poll(now);
            if (backlog.usedBytes() < lastUsed)
            {
                lastUsed = backlog.usedBytes();
                lastProgressMs = now;
            }
            else if (now - lastProgressMs > STALL_LIMIT_MS)
            {
                problem("collector " + collector + " accepted nothing for " + STALL_LIMIT_MS / 1000 + " s");
                return;
            }
        }
    }

    private int backlogBound()
    {
        return backlog.buffer().capacity() - 2 * 65536;
    }

    @Override
    public void poll(final long nowMs) throws IOException
    {
        if (sessionStart == null)
        {
            return;
        }
        if (channel == null)
        {
            if (nowMs - nextAttemptMs >= 0)
            {
                connect(nowMs);
            }
            return;
        }
        if (!connected)
        {
            try
            {
                if (channel.finishConnect())
                {
                    onConnected();
                }
            }
            catch (final IOException ex)
            {
                disconnect(nowMs, "cannot connect to " + collector + ": " + ex.getMessage());
            }
            return;
        }
        checkPeerOpen(nowMs);
        if (connected)
        {
            write();
        }
    }

    private void connect(final long nowMs)
    {
        try
        {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (channel.connect(collector))
            {
                onConnected();
            }
        }
        catch (final IOException ex)
        {
            disconnect(nowMs, "cannot connect to " + collector + ": " + ex.getMessage());
        }
    }

    private void onConnected() throws IOException
    {
        connected = true;
        backoffMs = FIRST_BACKOFF_MS;
        counters.sessions++;
        log.info((everConnected ? "reconnected to " : "connected to ") + collector);
        everConnected = true;
        lastProblem = null;
        headWritten = 0;
        stagedMessages = 0;
        staging.clear().limit(0);
        backlog.removeKind(TEMPLATES);
        prelude.clear();
        if (lz4 != null)
        {
            prelude.position(Lz4Framing.START_HEADER_LENGTH);
        }
        final int templatesAt = prelude.position();
        sessionStart.onSessionStart((buffer, offset, length) ->
        {
            preludeView.putBytes(prelude.position(), buffer, offset, length);
            prelude.position(prelude.position() + length);
        });
        alignSequenceNumbers(templatesAt, prelude.position());
        if (lz4 != null)
        {
            final int end = prelude.position();
            // compress the template messages behind the stream start, in the staging buffer
            staging.clear();
            lz4.writeStart(staging);
            int at = Lz4Framing.START_HEADER_LENGTH;
            while (at < end)
            {
                final int blockEnd = blockEnd(at, end);
                lz4.writeBlock(prelude, at, blockEnd - at, staging);
                at = blockEnd;
            }
            staging.flip();
            prelude.clear().limit(0);
        }
        else
        {
            prelude.flip();
        }
        write();
    }

    private int blockEnd(final int start, final int end)
    {
        int at = start;
        while (at < end)
        {
            final int length = preludeView.getShort(at + 2, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            if (at + length - start > lz4.maxBlockLength() && at > start)
            {
                break;
            }
            at += length;
        }
        return at;
    }

    private void alignSequenceNumbers(final int start, final int end)
    {
        int at = start;
        while (at + 16 <= end)
        {
            final int length = preludeView.getShort(at + 2, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            final long domain = preludeView.getInt(at + 12, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL;
            final long sequence = backlog.firstSequence(domain);
            if (sequence >= 0)
            {
                preludeView.putInt(at + 8, (int)sequence, ByteOrder.BIG_ENDIAN);
            }
            at += Math.max(length, 16);
        }
    }

    private void checkPeerOpen(final long nowMs)
    {
        try
        {
            probe.clear();
            final int read = channel.read(probe);
            if (read < 0)
            {
                disconnect(nowMs, "collector " + collector + " closed the connection");
            }
        }
        catch (final IOException ex)
        {
            disconnect(nowMs, "connection to " + collector + " failed: " + ex.getMessage());
        }
    }

    private void write()
    {
        try
        {
            while (connected)
            {
                if (prelude.hasRemaining())
                {
                    if (channel.write(prelude) == 0)
                    {
                        return;
                    }
                    continue;
                }
                if (lz4 != null ? !writeCompressed() : !writePlain())
                {
                    return;
                }
            }
        }
        catch (final IOException ex)
        {
            disconnect(System.currentTimeMillis(), "connection to " + collector + " failed: " + ex.getMessage());
        }
    }

    /** @return true when it made progress and there may be more to write */
    private boolean writePlain() throws IOException
    {
        if (backlog.isEmpty())
        {
            return false;
        }
        final ByteBuffer bytes = backlog.buffer();
        final int from = backlog.headOffset() + headWritten;
        bytes.limit(backlog.headOffset() + backlog.usedBytes()).position(from);
        final int written = channel.write(bytes);
        bytes.clear();
        if (written <= 0)
        {
            return false;
        }
        headWritten += written;
        while (!backlog.isEmpty() && headWritten >= backlog.length(0))
        {
            headWritten -= backlog.length(0);
            counters.onSent(backlog.length(0), backlog.records(0), backlog.kind(0));
            backlog.removeFirst();
        }
        return true;
    }

    private boolean writeCompressed() throws IOException
    {
        if (!staging.hasRemaining())
        {
            for (int i = 0; i < stagedMessages; i++)
            {
                counters.onSent(backlog.length(0), backlog.records(0), backlog.kind(0));
                backlog.removeFirst();
            }
            stagedMessages = 0;
            if (backlog.isEmpty())
            {
                return false;
            }
            int length = 0;
            while (stagedMessages < backlog.size()
                && length + backlog.length(stagedMessages) <= lz4.maxBlockLength())
            {
                length += backlog.length(stagedMessages);
                stagedMessages++;
            }
            staging.clear();
            lz4.writeBlock(backlog.buffer(), backlog.headOffset(), length, staging);
            staging.flip();
        }
        return channel.write(staging) > 0;
    }

    private void disconnect(final long nowMs, final String why)
    {
        problem(why);
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ex)
            {
                problem("closing the connection to " + collector + ": " + ex.getMessage());
            }
        }
        channel = null;
        connected = false;
        headWritten = 0;
        stagedMessages = 0;
        staging.clear().limit(0);
        prelude.clear().limit(0);
        nextAttemptMs = nowMs + backoffMs;
        backoffMs = Math.min(maxBackoffMs, backoffMs * 2);
    }

    private void problem(final String message)
    {
        if (!message.equals(lastProblem))
        {
            if (everConnected || log.verbose())
            {
                log.warn(message + "; " + backlog.size() + " messages kept, retrying");
            }
            lastProblem = message;
        }
    }

    @Override
    public boolean isConnected()
    {
        return connected;
    }

    /** Messages waiting for the collector. */
    public int backlogMessages()
    {
        return backlog.size();
    }

    @Override
    public void close(final long timeoutMs) throws IOException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        if (channel == null && !backlog.isEmpty())
        {
            // one more attempt right away rather than after the backoff
            nextAttemptMs = System.currentTimeMillis();
        }
        while (!backlog.isEmpty() || prelude.hasRemaining() || staging.hasRemaining())
        {
            final long now = System.currentTimeMillis();
            if (now - deadline >= 0)
            {
                break;
            }
            poll(now);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        if (staging.limit() > 0 && !staging.hasRemaining())
        {
            writeCompressed();
        }
        while (!backlog.isEmpty())
        {
            counters.onDropped(backlog.records(0), backlog.kind(0));
            backlog.removeFirst();
        }
        if (channel != null)
        {
            try
            {
                if (connected)
                {
                    channel.shutdownOutput();
                }
            }
            finally
            {
                channel.close();
                channel = null;
                connected = false;
            }
        }
        sessionStart = null;
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
        return "tcp " + collector.getHostString() + ":" + collector.getPort() + (lz4 != null ? " (lz4)" : "");
    }
}
