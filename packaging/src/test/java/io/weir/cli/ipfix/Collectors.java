package io.weir.cli.ipfix;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Loopback collectors that keep exactly the bytes they receive. */
final class Collectors
{
    private Collectors()
    {
    }

    /** Receives UDP datagrams on a loopback port until closed. */
    static final class Udp implements AutoCloseable
    {
        private final DatagramSocket socket;
        private final Thread thread;
        private final List<byte[]> datagrams = new ArrayList<>();
        private int sourcePort;

        Udp() throws IOException
        {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setReceiveBufferSize(8 << 20);
            socket.setSoTimeout(50);
            thread = new Thread(this::receive, "udp-collector");
            thread.setDaemon(true);
            thread.start();
        }

        private void receive()
        {
            final byte[] buffer = new byte[65536];
            final DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            while (!socket.isClosed())
            {
                try
                {
                    socket.receive(packet);
                    synchronized (this)
                    {
                        datagrams.add(Arrays.copyOf(buffer, packet.getLength()));
                        sourcePort = packet.getPort();
                    }
                }
                catch (final SocketTimeoutException ex)
                {
                    Thread.onSpinWait();
                }
                catch (final IOException ex)
                {
                    return;
                }
            }
        }

        int port()
        {
            return socket.getLocalPort();
        }

        /** Waits until nothing more arrived for a while, then gives what arrived. */
        synchronized List<byte[]> datagrams() throws InterruptedException
        {
            int seen = -1;
            while (seen != datagrams.size())
            {
                seen = datagrams.size();
                wait(300);
            }
            return new ArrayList<>(datagrams);
        }

        synchronized int sourcePort()
        {
            return sourcePort;
        }

        @Override
        public void close()
        {
            socket.close();
        }
    }

    /** Accepts TCP connections one after another; keeps each connection's bytes. */
    static final class Tcp implements AutoCloseable
    {
        private final ServerSocket server;
        private final Thread thread;
        private final List<byte[]> streams = new ArrayList<>();
        private final List<Integer> sourcePorts = new ArrayList<>();

        Tcp() throws IOException
        {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            thread = new Thread(this::accept, "tcp-collector");
            thread.setDaemon(true);
            thread.start();
        }

        private void accept()
        {
            while (!server.isClosed())
            {
                try (Socket socket = server.accept(); InputStream in = socket.getInputStream())
                {
                    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    in.transferTo(bytes);
                    synchronized (this)
                    {
                        streams.add(bytes.toByteArray());
                        sourcePorts.add(socket.getPort());
                        notifyAll();
                    }
                }
                catch (final IOException ex)
                {
                    return;
                }
            }
        }

        int port()
        {
            return server.getLocalPort();
        }

        /** Waits for {@code n} finished connections. */
        synchronized List<byte[]> streams(final int n) throws InterruptedException
        {
            final long deadline = System.currentTimeMillis() + 20_000;
            while (streams.size() < n && System.currentTimeMillis() < deadline)
            {
                wait(100);
            }
            return new ArrayList<>(streams);
        }

        synchronized int sourcePort(final int index)
        {
            return sourcePorts.get(index);
        }

        @Override
        public void close() throws IOException
        {
            server.close();
        }
    }
}
