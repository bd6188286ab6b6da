package io.weir.plugins.quic;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.PipelineHarness;
import io.weir.core.testing.TestData;
import io.weir.plugins.tlshello.Pcap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed QUIC made with a fixed seed from real Initials (quic_initial-sample.pcap, the RFC 9001
 * and RFC 9369 samples): datagrams truncated at many lengths, bits flipped, header bytes overwritten
 * with absurd values; and, since packet protection stops damage from reaching the frame and TLS
 * decoders, damaged ClientHellos and frames sealed as valid Initials (one or two per flow). Each
 * variant is its own flow: the plugin never throws, every flow is exported, no stream stays lent.
 */
class QuicFuzzTest
{
    private static final long SEED = 9001L;
    private static final byte[] DCID = Hex.bytes("8394c8f03e515708");

    @TempDir
    Path temp;

    @Test
    void malformedInitialsNeverThrowAndEveryFlowIsExported() throws Exception
    {
        final Random random = new Random(SEED);
        final List<byte[][]> flows = new ArrayList<>();
        for (final byte[] datagram : realDatagrams())
        {
            for (int length = 0; length <= datagram.length; length += 1 + random.nextInt(12))
            {
                flows.add(new byte[][] {Arrays.copyOf(datagram, length)});
            }
            for (int i = 0; i < 200; i++)
            {
                final byte[] flipped = datagram.clone();
                flipped[random.nextInt(i < 100 ? 64 : flipped.length)] ^= (byte)(1 << random.nextInt(8));
                flows.add(new byte[][] {flipped});
            }
            for (int at = 0; at < 64; at++)
            {
                for (final int value : new int[] {0x00, 0x3F, 0x40, 0x7F, 0x80, 0xBF, 0xC0, 0xFF})
                {
                    final byte[] absurd = datagram.clone();
                    absurd[at] = (byte)value;
                    flows.add(new byte[][] {absurd});
                }
            }
        }
        final InitialSealer sealer = new InitialSealer(QuicVersion.V1, DCID, Hex.bytes("0102030405060708"));
        final byte[] hello = ClientHellos.quic("fuzz.weir.test", "weir-fuzz", 1216, 3);
        for (int i = 0; i < 400; i++)
        {
            final byte[] damaged = hello.clone();
            if (i % 4 == 0)
            {
                damaged[random.nextInt(damaged.length)] = (byte)0xFF;
                damaged[random.nextInt(damaged.length)] = (byte)0xFF;
            }
            else
            {
                for (int bits = 1 + random.nextInt(4); bits > 0; bits--)
                {
                    damaged[random.nextInt(120)] ^= (byte)(1 << random.nextInt(8));
                }
            }
            final int cut = 1 + random.nextInt(damaged.length - 1);
            flows.add(new byte[][] {
                sealer.seal(0, InitialSealer.crypto(damaged, 0, Math.min(cut, 1100))),
                sealer.seal(1, InitialSealer.crypto(damaged, Math.min(cut, 1100), damaged.length - Math.min(cut, 1100))),
            });
        }
        for (int i = 0; i < 300; i++)
        {
            final ByteArrayOutputStream frames = new ByteArrayOutputStream();
            for (int n = 1 + random.nextInt(6); n > 0; n--)
            {
                final int type = new int[] {0x00, 0x01, 0x02, 0x03, 0x06, 0x1c, 0x1d, 0x08}[random.nextInt(8)];
                frames.write(type);
                for (int k = random.nextInt(6); k > 0; k--)
                {
                    frames.write(random.nextInt(256));
                }
            }
            frames.writeBytes(InitialSealer.crypto(hello, 0, 600));
            flows.add(new byte[][] {sealer.seal(i, frames.toByteArray())});
        }

        final List<Pcap.Frame> captured = new ArrayList<>();
        final Set<String> ports = new HashSet<>();
        int port = 10000;
        long micros = 0;
        for (final byte[][] datagrams : flows)
        {
            for (final byte[] datagram : datagrams)
            {
                final byte[] frame = InitialSealer.udpFrame("192.0.2.1", port, "192.0.2.2", 443, datagram);
                captured.add(new Pcap.Frame(1_700_000_000L, micros++, frame.length, frame));
            }
            ports.add(Integer.toString(port));
            port++;
        }
        assertTrue(port < 65536);
        final Path file = temp.resolve("quic-fuzz.pcap");
        new Pcap(1, captured).write(file);

        final QuicPlugin plugin = (QuicPlugin)new QuicPluginFactory().create(PluginOptions.parse("quic"),
            FlowCacheConfig.DEFAULT.capacity());
        final PluginChain chain = new PluginChain(List.of(plugin));
        final List<CollectedRecord> records = PipelineHarness.run(file, chain);
        assertEquals(0, chain.failures(0), () -> "plugin threw: " + chain.firstFailure(0));
        assertEquals(0, plugin.streamsLent());
        final Set<String> exported = new HashSet<>();
        for (final CollectedRecord record : records)
        {
            exported.add(record.byIpfixprobeName().get("SRC_PORT"));
        }
        assertEquals(ports, exported, "every fuzzed flow is exported");
        assertTrue(plugin.opened() > 1000, "damaged ClientHellos reached the decoders: " + plugin.opened());
        assertTrue(plugin.clientHellos() > 0);
    }

    private static List<byte[]> realDatagrams() throws Exception
    {
        final List<byte[]> datagrams = new ArrayList<>();
        final byte[] sample = Pcap.read(TestData.capture("quic_initial-sample.pcap")).frames().get(0).data();
        final int offset = Pcap.payloadOffset(sample);
        datagrams.add(Arrays.copyOfRange(sample, offset, offset + Pcap.payloadLength(sample)));
        datagrams.add(Hex.resource("rfc9001-a2-client-initial.hex"));
        datagrams.add(Hex.resource("rfc9369-a2-client-initial.hex"));
        return datagrams;
    }
}
