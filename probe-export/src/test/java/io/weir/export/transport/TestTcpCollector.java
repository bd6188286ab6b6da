package io.weir.export.transport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.field.RecordCursor;
import io.weir.core.field.RecordSchema;
import io.weir.export.ipfix.DecodeSession;
import io.weir.export.ipfix.DecodedRecordHandler;
import io.weir.export.ipfix.InformationModel;
import io.weir.export.ipfix.IpfixDecoder;
import io.weir.export.ipfix.IpfixStreamReader;
import org.agrona.DirectBuffer;

/**
 * A TCP collector for tests: accepts connections one after another on a loopback port and
 * decodes them (LZ4 streams too), keeping each flow record's packetDeltaCount (the tests'
 * record id). {@link #stopGracefully()} closes its side first and reads until the exporter
 * closes, so nothing the exporter wrote is lost; a message cut short at that end is allowed.
 */
final class TestTcpCollector implements AutoCloseable
{
    private final ServerSocket server;
    private final Thread thread;
    private final List<Long> ids = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<DecodeSession> sessions = new ArrayList<>();
    private volatile Socket current;
    private volatile boolean stopping;

    TestTcpCollector(final int port) throws IOException
    {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        thread = new Thread(this::serve, "test-collector");
        thread.setDaemon(true);
        thread.start();
    }

    int port()
    {
        return server.getLocalPort();
    }

    private void serve()
    {
        while (!server.isClosed())
        {
            try (Socket socket = server.accept())
            {
                current = socket;
                final DecodeSession session = new DecodeSession("tcp");
                synchronized (this)
                {
                    sessions.add(session);
                }
                final Handler handler = new Handler();
                try (InputStream in = new BufferedInputStream(socket.getInputStream()))
                {
                    new IpfixStreamReader(new IpfixDecoder(InformationModel.standard(), handler, false), handler)
                        .read(in, session);
                }
                catch (final IOException ex)
                {
                    handler.onProblem(-1, "read failed: " + ex.getMessage());
                }
                current = null;
            }
            catch (final IOException ex)
            {
                if (!server.isClosed())
                {
                    synchronized (this)
                    {
                        problems.add("accept failed: " + ex.getMessage());
                    }
                }
            }
        }
    }

    private final class Handler implements DecodedRecordHandler
    {
        private final RecordCursor cursor = new RecordCursor();

        @Override
        public void onRecord(final RecordSchema schema, final DirectBuffer buffer, final int offset, final int length,
                             final long domainId, final int templateId, final boolean options)
        {
            if (options)
            {
                return;
            }
            cursor.wrap(schema, buffer, offset, length);
            while (cursor.next())
            {
                if (cursor.field().name().equals("packetDeltaCount"))
                {
                    synchronized (TestTcpCollector.this)
                    {
                        ids.add(cursor.unsigned());
                    }
                }
            }
        }

        @Override
        public void onProblem(final long offset, final String message)
        {
            synchronized (TestTcpCollector.this)
            {
                final boolean expectedAtStop = stopping
                    && (message.contains("cut short") || message.contains("ends inside a block"));
                if (!expectedAtStop)
                {
                    problems.add(offset + ": " + message);
                }
            }
        }
    }

    /**
     * Stops listening and closes the sending direction of the connection; reading goes on until
     * the exporter closes its side (see {@link #awaitStopped()}).
     */
    void stopGracefully() throws IOException
    {
        stopping = true;
        server.close();
        final Socket socket = current;
        if (socket != null)
        {
            socket.shutdownOutput();
        }
    }

    /** Waits until the exporter has closed the connection and everything it sent is read. */
    void awaitStopped() throws InterruptedException
    {
        thread.join(10_000);
        if (thread.isAlive())
        {
            throw new AssertionError("the exporter did not close its side of the connection");
        }
    }

    synchronized List<Long> ids()
    {
        return new ArrayList<>(ids);
    }

    synchronized List<String> problems()
    {
        return new ArrayList<>(problems);
    }

    synchronized List<DecodeSession> sessions()
    {
        return new ArrayList<>(sessions);
    }

    @Override
    public void close() throws IOException
    {
        server.close();
        final Socket socket = current;
        if (socket != null)
        {
            socket.close();
        }
    }
}
