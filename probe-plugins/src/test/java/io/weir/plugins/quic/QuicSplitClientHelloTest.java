package io.weir.plugins.quic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.PipelineHarness;
import io.weir.plugins.tlshello.Pcap;
import io.weir.plugins.tlshello.Tshark;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A ClientHello with a post-quantum sized key share (1216 bytes) does not fit one Initial: the
 * client spreads its CRYPTO frames, out of order, over two Initial packets. The packets are sealed
 * by the JDK's AES-GCM (not weir's), tshark decrypts and reassembles them, and weir must read the same
 * server name from the pair, while neither packet alone carries the ClientHello.
 */
class QuicSplitClientHelloTest
{
    private static final String NAME = "split.quic.weir.test";
    private static final String AGENT = "weir-test-agent/1.0";
    private static final byte[] DCID = Hex.bytes("c0ffee0123456789");
    private static final byte[] SCID = Hex.bytes("5eed00aa11bb22cc");

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(ints = {QuicVersion.V1, QuicVersion.V2, QuicVersion.DRAFT_29})
    void readsAClientHelloSpreadOverTwoInitials(final int version) throws Exception
    {
        final byte[] hello = ClientHellos.quic(NAME, AGENT, 1216, 7);
        final InitialSealer sealer = new InitialSealer(version, DCID, SCID);
        final byte[] first = sealer.seal(0, InitialSealer.crypto(hello, 700, hello.length - 700),
            InitialSealer.crypto(hello, 0, 300));
        final byte[] second = sealer.seal(1, InitialSealer.crypto(hello, 300, 400));
        final Path both = capture("both", first, second);

        final List<List<String>> tshark = Tshark.fields(both, "quic && tls.handshake.type == 1",
            "tls.handshake.extensions_server_name", "frame.number");
        assertEquals(List.of(List.of(NAME, "2")), tshark, "tshark reassembles the ClientHello in the second packet");

        final QuicPlugin plugin = plugin();
        final Map<String, String> record = quicRecord(run(both, plugin));
        assertEquals(NAME, record.get("QUIC_SNI"));
        assertEquals(AGENT, record.get("QUIC_USER_AGENT"));
        assertEquals("1", record.get("QUIC_CH_PARSED"));
        assertEquals(Hex.text(DCID, 0, DCID.length), record.get("QUIC_OSCID"));
        assertEquals(Hex.text(SCID, 0, SCID.length), record.get("QUIC_OCCID"));
        assertEquals(Integer.toUnsignedString(version), record.get("QUIC_CLIENT_VERSION"));
        assertEquals("[129|129]", record.get("QUIC_PACKETS"));
        assertEquals("443", record.get("QUIC_SERVER_PORT"));
        assertEquals("0", record.get("QUIC_TOKEN_LENGTH"));
        assertEquals("[0|10|16|13|43|51|57]", record.get("QUIC_TLS_EXT_TYPE"));
        assertEquals(1, plugin.clientHellosAcrossPackets());
        assertEquals(0, plugin.streamsLent());

        for (final byte[] alone : List.of(first, second))
        {
            final Map<String, String> single = quicRecord(run(capture("one", alone), plugin()));
            assertEquals("0", single.get("QUIC_CH_PARSED"));
            assertEquals("", single.get("QUIC_SNI"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void withoutAFreeStreamFallsBackToOneDatagramAtATime(final int streams) throws Exception
    {
        final byte[] hello = ClientHellos.quic(NAME, AGENT, 1216, 7);
        final InitialSealer sealer = new InitialSealer(QuicVersion.V1, DCID, SCID);
        final byte[] whole = ClientHellos.quic("small.weir.test", AGENT, 32, 9);
        final List<byte[]> frames = new ArrayList<>();
        for (final int port : new int[] {50000, 50002})
        {
            frames.add(InitialSealer.udpFrame("192.0.2.10", port, "192.0.2.20", 443,
                sealer.seal(0, InitialSealer.crypto(hello, 0, 700))));
        }
        frames.add(InitialSealer.udpFrame("192.0.2.10", 50001, "192.0.2.20", 443,
            sealer.seal(0, InitialSealer.crypto(whole, 0, whole.length))));
        for (final int port : new int[] {50000, 50002})
        {
            frames.add(InitialSealer.udpFrame("192.0.2.10", port, "192.0.2.20", 443,
                sealer.seal(1, InitialSealer.crypto(hello, 700, hello.length - 700))));
        }
        final Path file = temp.resolve("interleaved-" + streams + ".pcap");
        write(file, frames);
        final QuicPlugin plugin = (QuicPlugin)new QuicPluginFactory().create(
            PluginOptions.parse("quic;streams=" + streams), io.weir.core.flow.FlowCacheConfig.DEFAULT.capacity());
        final List<String> names = new ArrayList<>();
        for (final CollectedRecord record : run(file, plugin))
        {
            names.add(record.byIpfixprobeName().get("SRC_PORT") + "=" + record.byIpfixprobeName().get("QUIC_SNI"));
        }
        names.sort(null);
        assertEquals(List.of("50000=" + NAME, "50001=small.weir.test", "50002=" + (streams > 1 ? NAME : "")), names,
            "the first split ClientHello holds the only stream; the second is read one datagram at a time and missed");
        assertEquals(0, plugin.streamsLent());
    }

    private static QuicPlugin plugin()
    {
        return (QuicPlugin)new QuicPluginFactory().create(PluginOptions.parse("quic"), io.weir.core.flow.FlowCacheConfig.DEFAULT.capacity());
    }

    private Path capture(final String name, final byte[]... datagrams) throws Exception
    {
        final List<byte[]> frames = new ArrayList<>();
        for (final byte[] datagram : datagrams)
        {
            frames.add(InitialSealer.udpFrame("192.0.2.10", 50000, "192.0.2.20", 443, datagram));
        }
        final Path file = java.nio.file.Files.createTempFile(temp, name, ".pcap");
        write(file, frames);
        return file;
    }

    private static void write(final Path file, final List<byte[]> frames) throws Exception
    {
        final List<Pcap.Frame> records = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++)
        {
            records.add(new Pcap.Frame(1_700_000_000L, i * 1000L, frames.get(i).length, frames.get(i)));
        }
        new Pcap(1, records).write(file);
    }

    static List<CollectedRecord> run(final Path capture, final QuicPlugin plugin) throws InterruptedException
    {
        final PluginChain chain = new PluginChain(List.of(plugin));
        final List<CollectedRecord> records = PipelineHarness.run(capture, chain);
        assertEquals(0, chain.failures(0), () -> "plugin threw: " + chain.firstFailure(0));
        return records;
    }

    static Map<String, String> quicRecord(final List<CollectedRecord> records)
    {
        final List<Map<String, String>> quic = new ArrayList<>();
        for (final CollectedRecord record : records)
        {
            if (record.byIpfixprobeName().containsKey("QUIC_PACKETS"))
            {
                quic.add(record.byIpfixprobeName());
            }
        }
        assertEquals(1, quic.size(), "one QUIC flow expected");
        assertFalse(quic.get(0).isEmpty());
        return quic.get(0);
    }
}
