package io.weir.plugins.tls;

import java.nio.ByteBuffer;
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
 * Malformed hellos made with a fixed seed from the real ones in tls.pcap and tls-split-hello.pcap
 * (truncated at every length, bits flipped, length fields overwritten with absurd values, and split
 * over two segments so that reassembly sees them too), each in its own TCP flow: the plugin never
 * throws, every flow is exported and no reassembly buffer stays lent.
 */
class TlsFuzzTest
{
    private static final long SEED = 20240405L;

    @TempDir
    Path temp;

    @Test
    void malformedHellosNeverThrowAndEveryFlowIsExported() throws Exception
    {
        final List<byte[]> hellos = hellos();
        assertTrue(hellos.size() >= 4);
        final byte[] clientHello = hellos.get(0);
        final Random random = new Random(SEED);
        final List<byte[][]> flows = new ArrayList<>();
        for (final byte[] hello : hellos)
        {
            final boolean serverHello = hello[5] == 2;
            for (int length = 0; length < hello.length; length += 1 + hello.length / 300)
            {
                flows.add(after(serverHello, clientHello, new byte[][] {Arrays.copyOf(hello, length)}));
            }
            for (int i = 0; i < 300; i++)
            {
                final byte[] flipped = hello.clone();
                for (int bits = 1 + random.nextInt(3); bits > 0; bits--)
                {
                    final int at = random.nextInt(flipped.length);
                    flipped[at] ^= (byte)(1 << random.nextInt(8));
                }
                flows.add(after(serverHello, clientHello, split(flipped, random)));
            }
            for (int at = 0; at + 1 < Math.min(hello.length, 400); at++)
            {
                final byte[] absurd = hello.clone();
                final int value = random.nextInt(4);
                absurd[at] = value == 0 ? 0 : (byte)0xFF;
                absurd[at + 1] = value == 1 ? 0 : (byte)0xFF;
                flows.add(after(serverHello, clientHello, split(absurd, random)));
            }
        }
        final List<Pcap.Frame> frames = new ArrayList<>();
        final Set<String> ports = new HashSet<>();
        int port = 10000;
        long micros = 0;
        for (final byte[][] segments : flows)
        {
            int sequence = 1000;
            for (final byte[] segment : segments)
            {
                frames.add(new Pcap.Frame(1_700_000_000L, micros++, 0, tcpFrame(port, sequence, segment)));
                sequence += segment.length;
            }
            ports.add(Integer.toString(port));
            port++;
        }
        assertTrue(port < 65536);
        final Path file = temp.resolve("fuzz.pcap");
        new Pcap(1, frames).write(file);

        final TlsPlugin plugin = (TlsPlugin)new TlsPluginFactory().create(PluginOptions.parse("tls"),
            FlowCacheConfig.DEFAULT.capacity());
        final PluginChain chain = new PluginChain(List.of(plugin));
        final List<CollectedRecord> records = PipelineHarness.run(file, chain);
        assertEquals(0, chain.failures(0), () -> "plugin threw: " + chain.firstFailure(0));
        assertEquals(0, plugin.buffersLent());
        final Set<String> exported = new HashSet<>();
        for (final CollectedRecord record : records)
        {
            exported.add(record.byIpfixprobeName().get("SRC_PORT"));
        }
        assertEquals(ports, exported, "every fuzzed flow is exported");
        assertTrue(plugin.reassembled() > 0, "some split variants were still collected");
    }

    /** A ServerHello is only read after a ClientHello: such variants follow a good one in the same flow. */
    private static byte[][] after(final boolean serverHello, final byte[] clientHello, final byte[][] segments)
    {
        if (!serverHello)
        {
            return segments;
        }
        final byte[][] all = new byte[segments.length + 1][];
        all[0] = clientHello;
        System.arraycopy(segments, 0, all, 1, segments.length);
        return all;
    }

    /** Half of the variants go in two segments, cut at a random point. */
    private static byte[][] split(final byte[] payload, final Random random)
    {
        if (random.nextBoolean() || payload.length < 2)
        {
            return new byte[][] {payload};
        }
        final int cut = 1 + random.nextInt(payload.length - 1);
        return new byte[][] {Arrays.copyOf(payload, cut), Arrays.copyOfRange(payload, cut, payload.length)};
    }

    /** TCP payloads of real ClientHellos and ServerHellos: whole records from single segments. */
    private static List<byte[]> hellos() throws Exception
    {
        final List<byte[]> hellos = new ArrayList<>();
        final Pcap tls = Pcap.read(TestData.capture("tls.pcap"));
        for (final int frame : new int[] {17, 31, 63, 171, 177})
        {
            final byte[] data = tls.frames().get(frame - 1).data();
            final int offset = Pcap.payloadOffset(data);
            hellos.add(Arrays.copyOfRange(data, offset, offset + Pcap.payloadLength(data)));
        }
        final Pcap split = Pcap.read(TestData.capture("tls-split-hello.pcap"));
        final ByteBuffer joined = ByteBuffer.allocate(4096);
        for (final int frame : new int[] {4, 5, 6})
        {
            final byte[] data = split.frames().get(frame - 1).data();
            joined.put(data, Pcap.payloadOffset(data), Pcap.payloadLength(data));
        }
        hellos.add(Arrays.copyOf(joined.array(), joined.position()));
        return hellos;
    }

    private static byte[] tcpFrame(final int sourcePort, final int sequence, final byte[] payload)
    {
        final ByteBuffer frame = ByteBuffer.allocate(14 + 20 + 20 + payload.length);
        frame.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}).putShort((short)0x0800);
        frame.put((byte)0x45).put((byte)0).putShort((short)(40 + payload.length)).putShort((short)1)
            .putShort((short)0x4000).put((byte)64).put((byte)6).putShort((short)0)
            .put(new byte[] {(byte)192, 0, 2, 1}).put(new byte[] {(byte)192, 0, 2, 2});
        frame.putShort((short)sourcePort).putShort((short)443).putInt(sequence).putInt(1)
            .put((byte)0x50).put((byte)0x18).putShort((short)65535).putShort((short)0).putShort((short)0);
        frame.put(payload);
        return frame.array();
    }
}
