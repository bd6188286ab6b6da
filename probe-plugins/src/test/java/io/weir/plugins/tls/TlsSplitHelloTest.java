package io.weir.plugins.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.PipelineHarness;
import io.weir.core.testing.TestData;
import io.weir.plugins.tlshello.Pcap;
import io.weir.plugins.tlshello.Tshark;
import io.weir.plugins.tlshello.TsharkJa4;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pcaps/tls-split-hello.pcap: openssl s_client to s_server over a veth pair with MTU 600 (see
 * docs/tls.md); the ClientHello (frames 4-6) and the ServerHello (frames 10, 12, 14) each span three
 * TCP segments. weir collects both; its SNI, JA3 and JA4 equal tshark's, which reassembles too.
 */
class TlsSplitHelloTest
{
    private static final String CAPTURE = "tls-split-hello.pcap";
    private static final String CLIENT_PORT = "45352";

    @TempDir
    Path temp;

    private static final class Run
    {
        final TlsPlugin plugin;
        final List<CollectedRecord> records;

        Run(final Path capture, final String options) throws InterruptedException
        {
            plugin = (TlsPlugin)new TlsPluginFactory().create(PluginOptions.parse(options), io.weir.core.flow.FlowCacheConfig.DEFAULT.capacity());
            final PluginChain chain = new PluginChain(List.of(plugin));
            records = PipelineHarness.run(capture, chain);
            assertEquals(0, chain.failures(0), () -> "plugin threw: " + chain.firstFailure(0));
            assertEquals(0, plugin.buffersLent());
        }

        /** The record of the TLS connection; it must be exported whatever the plugin made of it. */
        CollectedRecord connection()
        {
            CollectedRecord found = null;
            for (final CollectedRecord record : records)
            {
                if (CLIENT_PORT.equals(record.byIpfixprobeName().get("SRC_PORT")))
                {
                    assertNull(found, "one flow expected");
                    found = record;
                }
            }
            assertTrue(found != null, "the TLS connection's flow was not exported");
            return found;
        }
    }

    @Test
    void splitHellosGiveTheSniJa3AndJa4TsharkSees() throws Exception
    {
        final Path capture = TestData.capture(CAPTURE);
        final String[] fields = new String[TsharkJa4.FIELDS.length + 3];
        fields[0] = "tls.handshake.extensions_server_name";
        fields[1] = "tls.handshake.ja3";
        fields[2] = "frame.number";
        System.arraycopy(TsharkJa4.FIELDS, 0, fields, 3, TsharkJa4.FIELDS.length);
        final List<List<String>> rows = Tshark.fields(capture, "tls.handshake.type == 1", fields);
        assertEquals(1, rows.size());
        final List<String> tshark = rows.get(0);
        assertEquals("split.weir.test", tshark.get(0));
        assertEquals("6", tshark.get(2), "tshark completes the ClientHello in the third segment");

        final Run run = new Run(capture, "tls");
        final CollectedRecord record = run.connection();
        assertEquals(tshark.get(0), record.byIpfixprobeName().get("TLS_SNI"));
        assertEquals(tshark.get(1), record.byIpfixprobeName().get("TLS_JA3"));
        assertEquals(TsharkJa4.ja4(tshark.subList(3, tshark.size()), false), record.byIpfixprobeName().get("TLS_JA4"));
        assertEquals(2, run.plugin.reassembled(), "ClientHello and ServerHello were both collected");

        final List<List<String>> serverHello = Tshark.fields(capture, "tls.handshake.type == 2",
            "tls.handshake.extensions.supported_version");
        assertEquals(Integer.toString(Integer.decode(serverHello.get(0).get(0))),
            record.byIpfixprobeName().get("TLS_VERSION"), "version selected by the split ServerHello");
    }

    @Test
    void withoutReassemblyTheSplitHelloIsMissed() throws Exception
    {
        final Run run = new Run(TestData.capture(CAPTURE), "tls;reassembly=0");
        assertFalse(run.connection().byIpfixprobeName().containsKey("TLS_SNI"));
        assertEquals(0, run.plugin.reassembled());
    }

    @Test
    void givesUpCleanlyOnAMissingSegment() throws Exception
    {
        final Pcap pcap = Pcap.read(TestData.capture(CAPTURE));
        final List<Pcap.Frame> frames = new ArrayList<>(pcap.frames());
        frames.remove(4);
        final Run run = new Run(write(pcap, frames), "tls");
        assertFalse(run.connection().byIpfixprobeName().containsKey("TLS_SNI"));
        assertTrue(run.plugin.abandoned() >= 1);
    }

    @Test
    void givesUpCleanlyOnSegmentsOutOfOrder() throws Exception
    {
        final Pcap pcap = Pcap.read(TestData.capture(CAPTURE));
        final List<Pcap.Frame> frames = new ArrayList<>(pcap.frames());
        frames.add(4, frames.remove(5));
        final Run run = new Run(write(pcap, frames), "tls");
        assertFalse(run.connection().byIpfixprobeName().containsKey("TLS_SNI"));
        assertTrue(run.plugin.abandoned() >= 1);
    }

    @Test
    void toleratesARetransmittedSegment() throws Exception
    {
        final Pcap pcap = Pcap.read(TestData.capture(CAPTURE));
        final List<Pcap.Frame> frames = new ArrayList<>(pcap.frames());
        frames.add(5, frames.get(4));
        frames.add(5, frames.get(3));
        final Run run = new Run(write(pcap, frames), "tls");
        assertEquals("split.weir.test", run.connection().byIpfixprobeName().get("TLS_SNI"));
        assertEquals(2, run.plugin.reassembled());
    }

    @Test
    void aLimitBelowTheHelloGivesUp() throws Exception
    {
        final Run run = new Run(TestData.capture(CAPTURE), "tls;reassembly=1000");
        assertFalse(run.connection().byIpfixprobeName().containsKey("TLS_SNI"));
        assertTrue(run.plugin.abandoned() >= 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void anEmptyPoolLeavesTheHelloUncollected(final int buffers) throws Exception
    {
        final Pcap pcap = Pcap.read(TestData.capture(CAPTURE));
        final List<Pcap.Frame> frames = new ArrayList<>();
        for (final Pcap.Frame frame : pcap.frames())
        {
            frames.add(frame);
            frames.add(frame.withData(otherClientPort(frame.data())));
        }
        final Run run = new Run(write(pcap, frames), "tls;buffers=" + buffers);
        final List<String> names = new ArrayList<>();
        for (final CollectedRecord record : run.records)
        {
            names.add(record.byIpfixprobeName().get("SRC_PORT") + "=" + record.byIpfixprobeName().get("TLS_SNI"));
        }
        names.sort(null);
        assertEquals(List.of(CLIENT_PORT + "=split.weir.test", "45353=" + (buffers > 1 ? "split.weir.test" : "null")),
            names, "two connections collect their hellos at the same time");
        assertTrue(Files.size(TestData.capture(CAPTURE)) < 16384, "the bundled capture stays small");
    }

    /** The same frame as if sent from or to client port 45353 (Ethernet + IPv4 + TCP, checksums not verified). */
    private static byte[] otherClientPort(final byte[] frame)
    {
        final byte[] copy = frame.clone();
        for (final int at : new int[] {34, 36})
        {
            if ((((copy[at] & 0xFF) << 8) | (copy[at + 1] & 0xFF)) == Integer.parseInt(CLIENT_PORT))
            {
                copy[at + 1]++;
            }
        }
        return copy;
    }

    private Path write(final Pcap pcap, final List<Pcap.Frame> frames) throws Exception
    {
        final Path file = Files.createTempFile(temp, "split", ".pcap");
        new Pcap(pcap.linkType(), frames).write(file);
        return file;
    }
}
