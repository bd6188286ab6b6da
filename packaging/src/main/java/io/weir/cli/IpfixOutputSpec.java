package io.weir.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.export.ipfix.InformationModel;
import io.weir.export.ipfix.IpfixExportConfig;
import io.weir.export.ipfix.IpfixSink;
import io.weir.export.transport.FileTransport;
import io.weir.export.transport.Lz4Framing;
import io.weir.export.transport.MessageTransport;
import io.weir.export.transport.TcpTransport;
import io.weir.export.transport.TransportLog;
import io.weir.export.transport.UdpTransport;

/**
 * {@code -o 'ipfix;...'}: ipfixprobe's IPFIX output options (host, port, udp, mtu, id, dir,
 * template, verbose, lz4-compression, lz4-buffer-size, non-blocking-tcp, with the same short
 * names) plus weir's: file output with rotation, millisecond flow times, UDP template refresh
 * by message count, statistics period, TCP backlog and reconnect bounds, element overrides.
 */
final class IpfixOutputSpec
{
    static final int DEFAULT_PORT = 4739;
    static final int DEFAULT_BACKLOG_BYTES = 8 << 20;
    static final int DEFAULT_LZ4_RING_BYTES = 1 << 17;

    static final List<PluginOption> OPTIONS = List.of(
        new PluginOption("host", "h", "ADDR", "collector address (default 127.0.0.1)"),
        new PluginOption("port", "p", "PORT", "collector port (default 4739)"),
        new PluginOption("udp", "u", null, "send over UDP (default TCP)"),
        new PluginOption("mtu", "m", "SIZE", "largest IPFIX message (default 1458; 1452 to IPv6 over UDP; 65535 to a file)"),
        new PluginOption("id", "I", "NUM", "observation domain id of the flow records (default 0)"),
        new PluginOption("dir", "d", "NUM", "export NUM as ingressInterface of every flow, as ipfixprobe does"),
        new PluginOption("template", "t", "SEC", "UDP: send all templates again every SEC seconds (default 600)"),
        new PluginOption("template-messages", null, "N", "UDP: send all templates again every N messages (default off)"),
        new PluginOption("verbose", "v", null, "report connections, templates and refreshes"),
        new PluginOption("lz4-compression", "c", null, "TCP: compress the stream with LZ4 (ipfixprobe framing)"),
        new PluginOption("lz4-buffer-size", "s", "BYTES", "LZ4 ring buffer size announced to the collector (default 131072)"),
        new PluginOption("non-blocking-tcp", "n", null, "accepted for compatibility: weir's TCP export never blocks"),
        new PluginOption("file", "f", "PATH", "write an RFC 5655 IPFIX file instead of sending"),
        new PluginOption("rotate", null, "SEC", "file: start a new numbered file every SEC seconds"),
        new PluginOption("rotate-size", null, "BYTES", "file: start a new numbered file before BYTES"),
        new PluginOption("ms", null, null, "flowStart/EndMilliseconds (152/153) instead of Microseconds (154/155)"),
        new PluginOption("stats", null, "SEC", "send the exporter statistics record every SEC seconds (default 60; 0: start and end)"),
        new PluginOption("buffer", "b", "BYTES", "TCP: messages kept while the collector is slow or away (default 8 MiB)"),
        new PluginOption("reconnect", "r", "SEC", "TCP: longest wait between connection attempts (default 60)"),
        new PluginOption("close-timeout", null, "SEC", "how long the end of a run waits for the collector (default 5)"),
        new PluginOption("ie-mapping", null, "FILE", "CSV name,enterprise,id,type: export those fields under these ids"));

    /** What the probe knows that the statistics record reports. */
    record Context(int activeTimeoutSeconds, int idleTimeoutSeconds, java.util.function.LongSupplier ignoredPackets)
    {
        static final Context DEFAULT = new Context(300, 30, () -> 0);
    }

    private IpfixOutputSpec()
    {
    }

    static IpfixSink open(final PluginOptions spec, final List<Field> allFields, final Context context,
                          final java.util.function.Consumer<String> messages)
    {
        spec.allowOnly(OPTIONS);
        final boolean udp = spec.flag("udp", "u");
        final boolean lz4 = spec.flag("lz4-compression", "c");
        final String file = spec.value("file", "f");
        if (lz4 && udp)
        {
            throw new UsageException("ipfix: lz4-compression works over TCP only, not with udp");
        }
        if (file != null && (udp || lz4 || spec.has("host", "h") || spec.has("port", "p")))
        {
            throw new UsageException("ipfix: file= writes a file; it does not go with host, port, udp or lz4");
        }
        if (file == null && (spec.has("rotate") || spec.has("rotate-size")))
        {
            throw new UsageException("ipfix: rotate and rotate-size need file=PATH");
        }
        final TransportLog log = new TransportLog(message -> messages.accept("ipfix: " + message),
            spec.flag("verbose", "v"));
        final MessageTransport transport;
        int defaultMtu = IpfixExportConfig.DEFAULT_MTU;
        if (file != null)
        {
            transport = new FileTransport(Path.of(file), spec.intValue(0, 0, Integer.MAX_VALUE, "rotate"),
                longValue(spec, "rotate-size"), log);
            defaultMtu = 0xFFFF;
        }
        else
        {
            final String host = spec.value("host", "h") == null ? "127.0.0.1" : spec.value("host", "h");
            final int port = spec.intValue(DEFAULT_PORT, 1, 65535, "port", "p");
            final InetSocketAddress collector = new InetSocketAddress(host, port);
            if (collector.isUnresolved())
            {
                throw new UsageException("ipfix: cannot resolve collector host '" + host + "'");
            }
            if (udp)
            {
                transport = new UdpTransport(collector, log);
                if (collector.getAddress() instanceof Inet6Address)
                {
                    defaultMtu = 1500 - 40 - 8;
                }
            }
            else
            {
                final Lz4Framing framing = lz4 ? new Lz4Framing(Math.max(3 * spec.intValue(defaultMtu, 256, 65535,
                    "mtu", "m"), spec.intValue(DEFAULT_LZ4_RING_BYTES, 1, Integer.MAX_VALUE, "lz4-buffer-size", "s")))
                    : null;
                transport = new TcpTransport(collector, spec.intValue(DEFAULT_BACKLOG_BYTES, 65536, 1 << 30,
                    "buffer", "b"), 1000L * spec.intValue(60, 1, 86400, "reconnect", "r"), framing, log);
            }
        }
        if (!lz4 && spec.has("lz4-buffer-size", "s"))
        {
            throw new UsageException("ipfix: lz4-buffer-size needs lz4-compression");
        }
        final IpfixExportConfig config = IpfixExportConfig.defaults()
            .withObservationDomainId(longValue(spec, "id", "I"))
            .withMaxMessageLength(spec.intValue(defaultMtu, 256, 65535, "mtu", "m"))
            .withMilliseconds(spec.flag("ms"))
            .withIngressInterface(spec.has("dir", "d") ? longValue(spec, "dir", "d") : -1)
            .withTemplateRefresh(spec.intValue(600, 0, Integer.MAX_VALUE, "template", "t"),
                spec.intValue(0, 0, Integer.MAX_VALUE, "template-messages"))
            .withStatisticsSeconds(spec.intValue(60, 0, Integer.MAX_VALUE, "stats"))
            .withProbeSettings(context.activeTimeoutSeconds(), context.idleTimeoutSeconds(), 1,
                context.ignoredPackets())
            .withCloseTimeoutMs(1000L * spec.intValue(5, 0, 3600, "close-timeout"));
        final IpfixSink sink = new IpfixSink(config, transport, log);
        final String mapping = spec.value("ie-mapping");
        if (mapping != null)
        {
            try
            {
                sink.overrideElements(allFields, InformationModel.readMapping(Path.of(mapping)));
            }
            catch (final IOException ex)
            {
                throw new UsageException("ipfix: cannot read ie-mapping " + mapping + ": " + ex.getMessage());
            }
        }
        try
        {
            sink.start();
        }
        catch (final IOException ex)
        {
            throw new UsageException("ipfix: cannot open " + transport.describe() + ": " + ex.getMessage());
        }
        catch (final UncheckedIOException ex)
        {
            throw new UsageException("ipfix: cannot open " + transport.describe() + ": " + ex.getCause().getMessage());
        }
        return sink;
    }

    private static long longValue(final PluginOptions spec, final String... names)
    {
        final String value = spec.value(names);
        if (value == null)
        {
            return 0;
        }
        try
        {
            final long parsed = Long.parseLong(value);
            if (parsed < 0 || parsed > 0xFFFF_FFFFL)
            {
                throw new UsageException("ipfix option '" + names[0] + "' must be 0..4294967295, got " + value);
            }
            return parsed;
        }
        catch (final NumberFormatException ex)
        {
            throw new UsageException("ipfix option '" + names[0] + "' needs a number, got '" + value + "'");
        }
    }

    static void help(final StringBuilder out)
    {
        out.append("  ipfix     IPFIX (RFC 7011) to a collector over TCP (default), UDP, TCP+LZ4, or to a file\n");
        OptionHelp.append(out, OPTIONS);
    }
}
