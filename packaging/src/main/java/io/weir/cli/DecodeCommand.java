package io.weir.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.weir.core.field.RecordSchema;
import io.weir.core.plugin.PluginRegistry;
import io.weir.core.plugin.ProcessPluginFactory;
import io.weir.export.ipfix.DecodeSession;
import io.weir.export.ipfix.DecodedRecordHandler;
import io.weir.export.ipfix.InformationModel;
import io.weir.export.ipfix.IpfixDecoder;
import io.weir.export.ipfix.IpfixStreamReader;
import io.weir.export.text.ByteOutput;
import io.weir.export.text.JsonSink;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weir decode}: reads IPFIX from files, stdin, or as a UDP or TCP collector (LZ4
 * streams too) and prints the flow records as NDJSON with the keys of {@code -o json}.
 * Malformed input is reported on stderr with its offset and skipped.
 */
@Command(name = "decode", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
    description = "Decode IPFIX (files, stdin, UDP or TCP, LZ4 streams) to NDJSON with the keys of -o json.",
    footer = {"", "Examples: weir decode out.ipfix", "          weir decode --udp 4739 --count 1000",
        "Exit status: 0 all well formed, 1 something was malformed or could not be read, 2 usage."})
final class DecodeCommand implements Callable<Integer>
{
    @Parameters(paramLabel = "FILE", description = "IPFIX files (RFC 5655); '-' or none for stdin")
    List<String> files = new ArrayList<>();

    @Option(names = "--udp", paramLabel = "PORT", description = "listen for IPFIX over UDP on PORT")
    Integer udpPort;

    @Option(names = "--tcp", paramLabel = "PORT", description = "listen for IPFIX over TCP on PORT (LZ4 streams too)")
    Integer tcpPort;

    @Option(names = "--bind", paramLabel = "ADDR", description = "listen on ADDR (default 127.0.0.1)")
    String bind = "127.0.0.1";

    @Option(names = "--count", paramLabel = "N", description = "listening: stop after N flow records")
    long count;

    @Option(names = "--timeout", paramLabel = "SEC", description = "listening: stop after SEC seconds without data")
    double timeoutSeconds;

    @Option(names = "--options", description = "also print options records (exporter statistics)")
    boolean options;

    @Option(names = "--with-domain", description = "start each record with its observationDomainId")
    boolean withDomain;

    @Option(names = "--ie-mapping", paramLabel = "FILE", description = "extra elements: CSV name,enterprise,id,type")
    Path ieMapping;

    @Option(names = {"-w", "--write"}, paramLabel = "PATH", description = "write the NDJSON to PATH instead of stdout")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "no summary on stderr")
    boolean quiet;

    private final PrintStream out;
    private final PrintStream err;
    private JsonSink json;
    private long flowRecords;
    private long problems;
    private volatile boolean done;

    DecodeCommand(final PrintStream out, final PrintStream err)
    {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException, InterruptedException
    {
        if (udpPort != null && tcpPort != null || (udpPort != null || tcpPort != null) && !files.isEmpty())
        {
            return usage("give files, --udp PORT or --tcp PORT, one of them");
        }
        final InformationModel model = InformationModel.standard();
        for (final ProcessPluginFactory factory : PluginRegistry.load().all())
        {
            model.addGroup(factory.fields());
        }
        if (ieMapping != null)
        {
            try
            {
                model.addAll(InformationModel.readMapping(ieMapping));
            }
            catch (final IOException | IllegalArgumentException ex)
            {
                return usage("--ie-mapping: " + ex.getMessage());
            }
        }
        final OutputStream stream = output != null ? Files.newOutputStream(output)
            : out == System.out ? new FileOutputStream(FileDescriptor.out) : out;
        json = new JsonSink(new ByteOutput(stream), "json");
        final List<DecodeSession> sessions = new ArrayList<>();
        try
        {
            if (udpPort != null)
            {
                listenUdp(model, sessions);
            }
            else if (tcpPort != null)
            {
                listenTcp(model, sessions);
            }
            else
            {
                readFiles(model, sessions);
            }
        }
        finally
        {
            synchronized (this)
            {
                json.close();
            }
        }
        if (!quiet)
        {
            summary(sessions);
        }
        return problems > 0 ? WeirCommand.EXIT_FAILED : WeirCommand.EXIT_OK;
    }

    private int usage(final String message)
    {
        err.println("weir decode: " + message);
        err.println("Try 'weir decode --help' for more.");
        return WeirCommand.EXIT_USAGE;
    }

    private final class Printer implements DecodedRecordHandler
    {
        private final String source;

        Printer(final String source)
        {
            this.source = source;
        }

        @Override
        public void onRecord(final RecordSchema schema, final DirectBuffer buffer, final int offset, final int length,
                             final long domainId, final int templateId, final boolean isOptions)
        {
            if (isOptions && !options)
            {
                return;
            }
            synchronized (DecodeCommand.this)
            {
                try
                {
                    json.onRecord(schema, buffer, offset, length);
                }
                catch (final IOException ex)
                {
                    throw new java.io.UncheckedIOException(ex);
                }
                if (!isOptions)
                {
                    flowRecords++;
                    if (count > 0 && flowRecords >= count)
                    {
                        done = true;
                    }
                }
            }
        }

        @Override
        public void onProblem(final long offset, final String message)
        {
            synchronized (DecodeCommand.this)
            {
                problems++;
                err.println("weir decode: " + source + ": offset " + offset + ": " + message);
            }
        }
    }

    private void readFiles(final InformationModel model, final List<DecodeSession> sessions)
    {
        final List<String> names = files.isEmpty() ? List.of("-") : files;
        for (final String name : names)
        {
            final String source = name.equals("-") ? "stdin" : name;
            final Printer printer = new Printer(source);
            final DecodeSession session = new DecodeSession(source);
            sessions.add(session);
            final IpfixStreamReader reader = new IpfixStreamReader(new IpfixDecoder(model, printer, withDomain), printer);
            try (InputStream in = name.equals("-") ? System.in : Files.newInputStream(Path.of(name)))
            {
                reader.read(new java.io.BufferedInputStream(in, 1 << 16), session);
            }
            catch (final IOException ex)
            {
                synchronized (this)
                {
                    problems++;
                    err.println("weir decode: " + source + ": " + ex.getMessage());
                }
            }
        }
    }

    private void listenUdp(final InformationModel model, final List<DecodeSession> sessions) throws IOException
    {
        final Map<SocketAddress, DecodeSession> bySource = new HashMap<>();
        final Map<SocketAddress, long[]> offsets = new HashMap<>();
        final byte[] datagram = new byte[65536];
        final UnsafeBuffer view = new UnsafeBuffer(datagram);
        final Printer printer = new Printer("udp");
        final IpfixDecoder decoder = new IpfixDecoder(model, printer, withDomain);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(bind), udpPort)))
        {
            socket.setReceiveBufferSize(8 << 20);
            socket.setSoTimeout(100);
            err.println("weir decode: listening on udp " + socket.getLocalSocketAddress());
            long lastDataMs = System.currentTimeMillis();
            final DatagramPacket packet = new DatagramPacket(datagram, datagram.length);
            while (!done)
            {
                try
                {
                    socket.receive(packet);
                }
                catch (final SocketTimeoutException ex)
                {
                    if (timeoutSeconds > 0 && System.currentTimeMillis() - lastDataMs > timeoutSeconds * 1000)
                    {
                        break;
                    }
                    flush();
                    continue;
                }
                lastDataMs = System.currentTimeMillis();
                final SocketAddress from = packet.getSocketAddress();
                DecodeSession session = bySource.get(from);
                if (session == null)
                {
                    session = new DecodeSession("udp " + from);
                    bySource.put(from, session);
                    offsets.put(from, new long[1]);
                    sessions.add(session);
                }
                final long[] offset = offsets.get(from);
                decoder.decode(session, view, 0, packet.getLength(), offset[0]);
                offset[0] += packet.getLength();
            }
        }
    }

    private void listenTcp(final InformationModel model, final List<DecodeSession> sessions)
        throws IOException, InterruptedException
    {
        final List<Thread> readers = new ArrayList<>();
        final long[] lastDataMs = {System.currentTimeMillis()};
        try (ServerSocket server = new ServerSocket())
        {
            server.bind(new InetSocketAddress(InetAddress.getByName(bind), tcpPort));
            server.setSoTimeout(100);
            err.println("weir decode: listening on tcp " + server.getLocalSocketAddress());
            while (!done)
            {
                final Socket socket;
                try
                {
                    socket = server.accept();
                }
                catch (final SocketTimeoutException ex)
                {
                    boolean active = false;
                    for (final Thread reader : readers)
                    {
                        active |= reader.isAlive();
                    }
                    synchronized (this)
                    {
                        if (!active && timeoutSeconds > 0
                            && System.currentTimeMillis() - lastDataMs[0] > timeoutSeconds * 1000)
                        {
                            break;
                        }
                        flush();
                    }
                    continue;
                }
                final DecodeSession session = new DecodeSession("tcp " + socket.getRemoteSocketAddress());
                synchronized (this)
                {
                    sessions.add(session);
                }
                final Printer printer = new Printer(session.name());
                final Thread reader = new Thread(() ->
                {
                    try (Socket s = socket; InputStream in = new java.io.BufferedInputStream(s.getInputStream(), 1 << 16))
                    {
                        new IpfixStreamReader(new IpfixDecoder(model, printer, withDomain), printer)
                            .read(new CountingInput(in, lastDataMs, this), session);
                    }
                    catch (final IOException ex)
                    {
                        printer.onProblem(-1, ex.getMessage());
                    }
                }, "decode-" + session.name());
                reader.setDaemon(true);
                reader.start();
                readers.add(reader);
            }
        }
        for (final Thread reader : readers)
        {
            reader.join(done ? 100 : 0);
        }
    }

    /** Notes when data last arrived, for --timeout. */
    private static final class CountingInput extends java.io.FilterInputStream
    {
        private final long[] lastDataMs;
        private final Object lock;

        CountingInput(final InputStream in, final long[] lastDataMs, final Object lock)
        {
            super(in);
            this.lastDataMs = lastDataMs;
            this.lock = lock;
        }

        @Override
        public int read(final byte[] b, final int off, final int len) throws IOException
        {
            final int n = super.read(b, off, len);
            synchronized (lock)
            {
                lastDataMs[0] = System.currentTimeMillis();
            }
            return n;
        }
    }

    private synchronized void flush()
    {
        try
        {
            json.onIdle();
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private void summary(final List<DecodeSession> sessions)
    {
        long messages = 0;
        long records = 0;
        long optionRecords = 0;
        long templates = 0;
        long withdrawals = 0;
        long noTemplate = 0;
        long malformed = 0;
        long gaps = 0;
        for (final DecodeSession session : sessions)
        {
            messages += session.messages();
            records += session.dataRecords();
            optionRecords += session.optionRecords();
            templates += session.templates();
            withdrawals += session.withdrawals();
            noTemplate += session.setsWithoutTemplate();
            malformed += session.malformed();
            gaps += session.sequenceGaps();
        }
        err.println("weir decode: " + sessions.size() + " sessions, " + messages + " messages, " + records
            + " flow records, " + optionRecords + " options records, " + templates + " templates, " + withdrawals
            + " withdrawals, " + noTemplate + " sets without template, " + malformed + " malformed, " + gaps
            + " sequence gaps");
    }
}
