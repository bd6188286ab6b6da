package io.weir.export.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * IPFIX messages in a file (RFC 5655): the messages back to back, each file starting with
 * the templates it needs, so every file reads on its own. With rotation, files are numbered:
 * {@code out.ipfix} becomes {@code out-000001.ipfix}, {@code out-000002.ipfix}, ...; a new one
 * starts after the given seconds of wall-clock time or before the size bound would be passed.
 * Writes go through a 1 MiB buffer. Not thread safe: owned by the exporter thread.
 */
public final class FileTransport implements MessageTransport
{
    private static final int BUFFER_BYTES = 1 << 20;

    private final Path path;
    private final long rotateMs;
    private final long rotateBytes;
    private final TransportLog log;
    private final TransportCounters counters = new TransportCounters();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final UnsafeBuffer view = new UnsafeBuffer(buffer);
    private SessionStart sessionStart;
    private FileChannel channel;
    private Path current;
    private int fileNumber;
    private long fileBytes;
    private long fileStartMs;
    private boolean inSessionStart;

    /**
     * @param rotateSeconds start a new file after this many seconds (0: never)
     * @param rotateBytes   keep files at or below this size (0: no bound)
     */
    public FileTransport(final Path path, final long rotateSeconds, final long rotateBytes, final TransportLog log)
    {
        this.path = path;
        this.rotateMs = rotateSeconds * 1000;
        this.rotateBytes = rotateBytes;
        this.log = log;
    }

    /** The file name of rotation number {@code n} (1-based); the plain path without rotation. */
    public static Path rotatedName(final Path path, final int n)
    {
        final String name = path.getFileName().toString();
        final int dot = name.lastIndexOf('.');
        final String numbered = dot > 0
            ? name.substring(0, dot) + String.format("-%06d", n) + name.substring(dot)
            : name + String.format("-%06d", n);
        return path.resolveSibling(numbered);
    }

    private boolean rotating()
    {
        return rotateMs > 0 || rotateBytes > 0;
    }

    @Override
    public void start(final SessionStart sessionStart) throws IOException
    {
        this.sessionStart = sessionStart;
        open(System.currentTimeMillis());
    }

    private void open(final long nowMs) throws IOException
    {
        fileNumber++;
        current = rotating() ? rotatedName(path, fileNumber) : path;
        channel = FileChannel.open(current, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
        fileBytes = 0;
        fileStartMs = nowMs;
        counters.sessions++;
        log.info("writing IPFIX to " + current);
        inSessionStart = true;
        try
        {
            sessionStart.onSessionStart((source, offset, length) -> append(source, offset, length, 0, TEMPLATES));
        }
        finally
        {
            inSessionStart = false;
        }
    }

    @Override
    public void send(final DirectBuffer source, final int offset, final int length, final int records,
                     final int kind) throws IOException
    {
        final long now = rotateMs > 0 ? System.currentTimeMillis() : 0;
        if (fileBytes > 0 && ((rotateMs > 0 && now - fileStartMs >= rotateMs)
            || (rotateBytes > 0 && fileBytes + length > rotateBytes)))
        {
            rotate(now);
        }
        append(source, offset, length, records, kind);
    }

    private void append(final DirectBuffer source, final int offset, final int length, final int records,
                        final int kind) throws IOException
    {
        if (buffer.position() + length > buffer.capacity())
        {
            drain();
        }
        view.putBytes(buffer.position(), source, offset, length);
        buffer.position(buffer.position() + length);
        fileBytes += length;
        counters.onSent(length, records, kind);
    }

    private void rotate(final long nowMs) throws IOException
    {
        drain();
        channel.close();
        open(nowMs == 0 ? System.currentTimeMillis() : nowMs);
    }

    private void drain() throws IOException
    {
        buffer.flip();
        while (buffer.hasRemaining())
        {
            channel.write(buffer);
        }
        buffer.clear();
    }

    @Override
    public void poll(final long nowMs) throws IOException
    {
        if (channel != null && !inSessionStart)
        {
            if (rotateMs > 0 && fileBytes > 0 && nowMs - fileStartMs >= rotateMs)
            {
                rotate(nowMs);
            }
            drain();
        }
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
            try
            {
                drain();
                if (Files.isRegularFile(current))
                {
                    // fsync has no meaning for /dev/null or a pipe, and fails there (EINVAL).
                    channel.force(false);
                }
            }
            finally
            {
                channel.close();
                channel = null;
            }
        }
    }

    /** The file being written now. */
    public Path currentFile()
    {
        return current;
    }

    @Override
    public TransportCounters counters()
    {
        return counters;
    }

    @Override
    public int protocol()
    {
        return 0;
    }

    @Override
    public InetAddress localAddress()
    {
        return null;
    }

    @Override
    public String describe()
    {
        return "file " + path;
    }
}
