package io.weir.cli.ipfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.weir.core.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weir decode} from the command line: files, stdin, UDP and TCP listeners, options, bad input. */
class DecodeCommandTest
{
    @TempDir
    Path dir;

    private Path export(final String capture, final String options, final Path json) throws Exception
    {
        final Path ipfix = dir.resolve(capture + ".ipfix");
        final Tools.Result run = Tools.weir("-q", "-i", "pcap;file=" + TestData.capture(capture),
            "-o", "ipfix;file=" + ipfix + options, "-o", "json;file=" + json);
        assertEquals(0, run.exitCode(), run.err());
        return ipfix;
    }

    @Test
    void decodesFilesLikeJsonOutput() throws Exception
    {
        final Path json = dir.resolve("mixed.json");
        final Path ipfix = export("mixed.pcap", ";id=9", json);
        final Path out = dir.resolve("decoded.json");
        final Tools.Result decode = Tools.weir("decode", "-w", out.toString(), ipfix.toString());
        assertEquals(0, decode.exitCode(), decode.err());
        assertEquals(Files.readString(json), Files.readString(out));
        assertTrue(decode.err().contains("48 flow records, 2 options records"), decode.err());
        assertTrue(decode.err().contains("0 malformed, 0 sequence gaps"), decode.err());
    }

    @Test
    void printsOptionsRecordsAndDomainsWhenAsked() throws Exception
    {
        final Path ipfix = export("vlan.pcap", ";id=9", dir.resolve("vlan.json"));
        final Path out = dir.resolve("decoded.json");
        final Tools.Result decode = Tools.weir("decode", "-q", "--options", "--with-domain", "-w", out.toString(),
            ipfix.toString());
        assertEquals(0, decode.exitCode(), decode.err());
        final String text = Files.readString(out);
        assertTrue(text.startsWith("{\"observationDomainId\":0,\"exportingProcessId\":" + ProcessHandle.current().pid()
            + ",\"exportedMessageTotalCount\":1,\"exportedFlowRecordTotalCount\":0,"), text);
        assertTrue(text.contains("\"exportTransportProtocol\":0}\n"), text);
        assertTrue(text.contains("\"flowActiveTimeout\":300,\"flowIdleTimeout\":30"), text);
        assertTrue(text.contains("{\"observationDomainId\":9,\"sourceIPv4Address\""), text);
    }

    @Test
    void readsStdinAndReportsMalformedInputWithOffsets() throws Exception
    {
        final Path ipfix = export("dns.pcap", "", dir.resolve("dns.json"));
        final byte[] bytes = Files.readAllBytes(ipfix);
        final int firstLength = ByteBuffer.wrap(bytes).getShort(2) & 0xFFFF;
        final byte[] damaged = bytes.clone();
        damaged[firstLength + 16 + 2] = (byte)0xFF;
        final Path bad = dir.resolve("bad.ipfix");
        Files.write(bad, damaged);
        final InputStream stdin = System.in;
        final Tools.Result decode;
        try
        {
            System.setIn(new ByteArrayInputStream(damaged));
            decode = Tools.weir("decode", "-w", dir.resolve("out.json").toString(), "-");
        }
        finally
        {
            System.setIn(stdin);
        }
        assertEquals(1, decode.exitCode(), decode.err());
        assertTrue(decode.err().contains("weir decode: stdin: offset " + (firstLength + 16) + ": set "),
            decode.err());
    }

    @Test
    void listensOnUdpUntilTheCountIsReached() throws Exception
    {
        final Path ipfix = export("mixed.pcap", ";mtu=500", dir.resolve("mixed.json"));
        final int port = Tools.freeUdpPort();
        final Path out = dir.resolve("udp.json");
        final CompletableFuture<Tools.Result> listener = CompletableFuture.supplyAsync(() ->
            Tools.weir("decode", "-q", "--udp", String.valueOf(port), "--count", "48", "-w", out.toString()));
        Thread.sleep(500);
        final byte[] bytes = Files.readAllBytes(ipfix);
        try (DatagramSocket socket = new DatagramSocket())
        {
            int at = 0;
            while (at < bytes.length)
            {
                final int length = ByteBuffer.wrap(bytes).getShort(at + 2) & 0xFFFF;
                socket.send(new DatagramPacket(bytes, at, length,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
                at += length;
                Thread.sleep(2);
            }
        }
        final Tools.Result result = listener.get(20, TimeUnit.SECONDS);
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(Files.readString(dir.resolve("mixed.json")), Files.readString(out));
    }

    @Test
    void listensOnTcpForLz4StreamsFromWeir() throws Exception
    {
        final Path json = dir.resolve("http.json");
        final int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            port = probe.getLocalPort();
        }
        final Path out = dir.resolve("tcp.json");
        final CompletableFuture<Tools.Result> listener = CompletableFuture.supplyAsync(() ->
            Tools.weir("decode", "-q", "--tcp", String.valueOf(port), "--timeout", "1", "-w", out.toString()));
        final long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline)
        {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port))
            {
                break;
            }
            catch (final java.io.IOException notYet)
            {
                Thread.sleep(50);
            }
        }
        final Tools.Result run = Tools.weir("-q", "-i", "pcap;file=" + TestData.capture("http.pcap"),
            "-o", "ipfix;host=127.0.0.1;port=" + port + ";lz4-compression", "-o", "json;file=" + json);
        assertEquals(0, run.exitCode(), run.err());
        final Tools.Result result = listener.get(30, TimeUnit.SECONDS);
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(Files.readString(json), Files.readString(out));
    }

    @Test
    void dirSetsIngressInterfaceAndIdTheDomainAsInIpfixprobe() throws Exception
    {
        final Path json = dir.resolve("vlan.json");
        final Path ipfix = export("vlan.pcap", ";I=77;d=5", json);
        final Path out = dir.resolve("decoded.json");
        final Tools.Result decode = Tools.weir("decode", "-q", "--with-domain", "-w", out.toString(), ipfix.toString());
        assertEquals(0, decode.exitCode(), decode.err());
        final String expected = Files.readString(json).replace("\"ingressInterface\":0,", "\"ingressInterface\":5,")
            .replace("{\"sourceIPv", "{\"observationDomainId\":77,\"sourceIPv");
        assertTrue(expected.contains("\"ingressInterface\":5,"), expected);
        assertEquals(expected, Files.readString(out));
    }

    @Test
    void rejectsLz4OverUdp()
    {
        final Tools.Result run = Tools.weir("-i", "pcap;file=" + TestData.capture("dns.pcap"),
            "-o", "ipfix;u;c");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("lz4-compression works over TCP only"), run.err());
    }
}
