package io.weir.plugins.tlshello;

import java.net.InetAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.PipelineHarness;
import io.weir.core.testing.TestData;
import io.weir.plugins.quic.QuicPluginFactory;
import io.weir.plugins.tls.TlsPluginFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every TLS SNI, JA3 and ALPN and every QUIC SNI that tshark sees in any capture in pcaps/ appears
 * on the matching flow of weir's output (same addresses and ports in either order, the packet's time
 * within the flow's first and last packet), with the tls and quic plugins on together.
 */
class TsharkCrossCheckTest
{
    private static final String[] ENDPOINTS = {"ip.src", "ipv6.src", "ip.dst", "ipv6.dst"};

    @Test
    void everyNameAndFingerprintTsharkSeesIsOnItsFlow() throws Exception
    {
        final List<Path> captures = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(TestData.root().resolve("pcaps"), "*.{pcap,pcapng}"))
        {
            files.forEach(captures::add);
        }
        assertTrue(captures.size() >= 20, "captures in pcaps/: " + captures);
        int tlsNames = 0;
        int ja3 = 0;
        int alpn = 0;
        int quicNames = 0;
        final List<String> failures = new ArrayList<>();
        for (final Path capture : captures)
        {
            final List<CollectedRecord> records = weir(capture);
            for (final List<String> row : Tshark.fields(capture, "tls.handshake.type == 1 && tcp", fields(
                "tcp.srcport", "tcp.dstport", "tls.handshake.extensions_server_name", "tls.handshake.ja3")))
            {
                if (!row.get(7).isEmpty())
                {
                    tlsNames++;
                    check(capture, records, row, "6", "TLS_SNI", row.get(7), failures);
                }
                ja3++;
                check(capture, records, row, "6", "TLS_JA3", row.get(8), failures);
            }
            for (final List<String> row : Tshark.fields(capture, "tls.handshake.type == 2 && tcp", fields(
                "tcp.srcport", "tcp.dstport", "tls.handshake.extensions_alpn_str")))
            {
                if (!row.get(7).isEmpty())
                {
                    alpn++;
                    check(capture, records, row, "6", "TLS_ALPN", row.get(7).split(",")[0], failures);
                }
            }
            for (final List<String> row : Tshark.fields(capture, "quic && tls.handshake.type == 1", fields(
                "udp.srcport", "udp.dstport", "tls.handshake.extensions_server_name")))
            {
                if (!row.get(7).isEmpty())
                {
                    quicNames++;
                    check(capture, records, row, "17", "QUIC_SNI", row.get(7), failures);
                }
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
        assertTrue(tlsNames >= 29 && ja3 >= 29, "TLS ClientHellos checked: " + tlsNames + " names, " + ja3 + " JA3");
        assertTrue(alpn >= 9, "ServerHello ALPNs checked: " + alpn);
        assertTrue(quicNames >= 2, "QUIC ClientHellos checked: " + quicNames);
    }

    private static String[] fields(final String... more)
    {
        final String[] all = new String[5 + more.length];
        System.arraycopy(ENDPOINTS, 0, all, 0, 4);
        all[4] = "frame.time_epoch";
        all[5] = more[0];
        all[6] = more[1];
        System.arraycopy(more, 2, all, 7, more.length - 2);
        return all;
    }

    private static List<CollectedRecord> weir(final Path capture) throws InterruptedException
    {
        final List<ProcessPlugin> plugins = List.of(
            new TlsPluginFactory().create(PluginOptions.parse("tls"), io.weir.core.flow.FlowCacheConfig.DEFAULT.capacity()),
            new QuicPluginFactory().create(PluginOptions.parse("quic"), io.weir.core.flow.FlowCacheConfig.DEFAULT.capacity()));
        final PluginChain chain = new PluginChain(plugins);
        final List<CollectedRecord> records = PipelineHarness.run(capture, chain);
        assertEquals(0, chain.failures(0), () -> "tls threw on " + capture + ": " + chain.firstFailure(0));
        assertEquals(0, chain.failures(1), () -> "quic threw on " + capture + ": " + chain.firstFailure(1));
        return records;
    }

    /** Finds a flow of the row's endpoints alive at the row's time whose {@code field} equals {@code expected}. */
    private static void check(final Path capture, final List<CollectedRecord> records, final List<String> row,
                              final String protocol, final String field, final String expected, final List<String> failures)
        throws Exception
    {
        final InetAddress source = InetAddress.getByName(row.get(0).isEmpty() ? row.get(1) : row.get(0));
        final InetAddress destination = InetAddress.getByName(row.get(2).isEmpty() ? row.get(3) : row.get(2));
        final long micros = Math.round(Double.parseDouble(row.get(4)) * 1e6);
        final String sourcePort = row.get(5);
        final String destinationPort = row.get(6);
        final Function<String, Long> time = text -> LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli() * 1000
            + Long.parseLong(text.substring(text.lastIndexOf('.') + 4));
        final List<String> seen = new ArrayList<>();
        for (final CollectedRecord record : records)
        {
            final var r = record.byIpfixprobeName();
            if (!protocol.equals(r.get("PROTOCOL")))
            {
                continue;
            }
            final InetAddress recordSource = InetAddress.getByName(r.get("SRC_IP"));
            final InetAddress recordDestination = InetAddress.getByName(r.get("DST_IP"));
            final boolean same = recordSource.equals(source) && recordDestination.equals(destination)
                && r.get("SRC_PORT").equals(sourcePort) && r.get("DST_PORT").equals(destinationPort);
            final boolean reversed = recordSource.equals(destination) && recordDestination.equals(source)
                && r.get("SRC_PORT").equals(destinationPort) && r.get("DST_PORT").equals(sourcePort);
            if ((same || reversed) && time.apply(r.get("TIME_FIRST")) <= micros && micros <= time.apply(r.get("TIME_LAST")))
            {
                if (expected.equals(r.get(field)))
                {
                    return;
                }
                seen.add(String.valueOf(r.get(field)));
            }
        }
        failures.add(capture.getFileName() + ": " + field + "=" + expected + " of " + row + " not on its flow (flow has "
            + seen + ")");
    }
}
