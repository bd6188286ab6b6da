package io.weir.export.ipfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import io.weir.core.field.RecordSchema;
import io.weir.core.field.RecordWriter;
import io.weir.export.transport.FileTransport;
import io.weir.export.transport.Lz4Framing;
import io.weir.export.transport.TransportLog;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 6: the decoder survives a generated corpus of truncated, bit-flipped and
 * overwritten messages (plain and LZ4 streams, and single messages with wrong lengths)
 * without an exception escaping; the corpus is fixed (clock and process identity given), so each
 * case is reproducible from its seed.
 */
class DecoderRobustnessTest
{
    private static final int CASES = 30_000;

    @TempDir
    Path dir;

    private static final class Counting implements DecodedRecordHandler
    {
        long records;
        long problems;

        @Override
        public void onRecord(final RecordSchema schema, final DirectBuffer buffer, final int offset, final int length,
                             final long domainId, final int templateId, final boolean options)
        {
            records++;
        }

        @Override
        public void onProblem(final long offset, final String message)
        {
            problems++;
        }
    }

    private byte[] validStream() throws Exception
    {
        final Path file = dir.resolve("corpus.ipfix");
        final IpfixSink sink = new IpfixSink(IpfixExportConfig.defaults().withMaxMessageLength(900)
            .withObservationDomainId(3).withProcessIdentity(4242, 1_700_000_000_000L),
            new FileTransport(file, 0, 0, TransportLog.silent()), TransportLog.silent(), () -> 1_700_000_001_000L);
        final UnsafeBuffer record = new UnsafeBuffer(new byte[4096]);
        final RecordWriter w = new RecordWriter();
        for (int n = 1; n <= 60; n++)
        {
            if (n % 3 == 0)
            {
                TestRecords.plugin(TestRecords.basic(w, record, 4, n), n, n * 5, n % 12);
                sink.onRecord(TestRecords.IPV4_PLUGIN, record, 0, w.length());
            }
            else
            {
                TestRecords.basic(w, record, n % 2 == 0 ? 6 : 4, n);
                sink.onRecord(n % 2 == 0 ? TestRecords.IPV6 : TestRecords.IPV4, record, 0, w.length());
            }
        }
        sink.close();
        return Files.readAllBytes(file);
    }

    private static byte[] lz4(final byte[] plain)
    {
        final Lz4Framing framing = new Lz4Framing(1 << 17);
        final ByteBuffer out = ByteBuffer.allocateDirect(plain.length * 2 + 1024);
        final ByteBuffer in = ByteBuffer.allocateDirect(plain.length);
        in.put(plain).flip();
        framing.writeStart(out);
        int at = 0;
        while (at < plain.length)
        {
            final int length = ByteBuffer.wrap(plain, at + 2, 2).order(ByteOrder.BIG_ENDIAN).getShort() & 0xFFFF;
            framing.writeBlock(in, at, length, out);
            at += length;
        }
        out.flip();
        final byte[] bytes = new byte[out.remaining()];
        out.get(bytes);
        return bytes;
    }

    private static byte[] mutate(final byte[] original, final SplittableRandom random)
    {
        byte[] bytes = original.clone();
        switch (random.nextInt(5))
        {
            case 0:
                bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
                break;
            case 1:
                for (int flips = 1 + random.nextInt(8); flips > 0; flips--)
                {
                    bytes[random.nextInt(bytes.length)] ^= (byte)(1 << random.nextInt(8));
                }
                break;
            case 2:
            {
                final int at = random.nextInt(bytes.length);
                final int n = Math.min(bytes.length - at, 1 + random.nextInt(40));
                for (int i = 0; i < n; i++)
                {
                    bytes[at + i] = (byte)random.nextInt(256);
                }
                break;
            }
            case 3:
            {
                final int at = random.nextInt(bytes.length - 2);
                final int value = random.nextBoolean() ? 0xFFFF : random.nextInt(8);
                bytes[at] = (byte)(value >>> 8);
                bytes[at + 1] = (byte)value;
                break;
            }
            default:
            {
                final int from = random.nextInt(bytes.length);
                final int to = random.nextInt(bytes.length);
                final int n = Math.min(Math.min(bytes.length - from, bytes.length - to), random.nextInt(300));
                System.arraycopy(original, from, bytes, to, n);
                break;
            }
        }
        return bytes;
    }

    @Test
    void survivesMutatedStreamsAndMessages() throws Exception
    {
        final byte[] plain = validStream();
        final byte[] compressed = lz4(plain);
        final InformationModel model = InformationModel.standard().addAll(TestRecords.PLUGIN);
        final Counting clean = new Counting();
        new IpfixStreamReader(new IpfixDecoder(model, clean, true), clean)
            .read(new ByteArrayInputStream(compressed), new DecodeSession("clean"));
        assertEquals(0, clean.problems);
        assertEquals(62, clean.records, "60 flows and 2 statistics records");

        final Counting counting = new Counting();
        for (final byte[] stream : new byte[][] {plain, compressed})
        {
            for (int cut = 0; cut < 200; cut++)
            {
                final byte[] head = Arrays.copyOf(stream, cut);
                try
                {
                    new IpfixStreamReader(new IpfixDecoder(model, counting, false), counting)
                        .read(new ByteArrayInputStream(head), new DecodeSession("cut"));
                }
                catch (final Throwable ex)
                {
                    throw new AssertionError("first " + cut + " bytes: " + ex, ex);
                }
            }
        }
        final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
        for (int i = 0; i < CASES; i++)
        {
            final long seed = 1000 + i;
            final SplittableRandom random = new SplittableRandom(seed);
            final boolean useLz4 = i % 4 == 3;
            final byte[] input = mutate(useLz4 ? compressed : plain, random);
            try
            {
                final IpfixDecoder decoder = new IpfixDecoder(model, counting, i % 2 == 0);
                new IpfixStreamReader(decoder, counting).read(new ByteArrayInputStream(input), new DecodeSession("s"));
                if (!useLz4 && input.length > 0)
                {
                    view.wrap(input);
                    final int length = random.nextInt(input.length + 1);
                    decoder.decode(new DecodeSession("m"), view, 0, length, 0);
                }
            }
            catch (final Throwable ex)
            {
                throw new AssertionError("seed " + seed + (useLz4 ? " (lz4)" : "") + ": " + ex, ex);
            }
        }
        assertTrue(counting.problems > CASES / 2, "most mutations are noticed: " + counting.problems);
        assertTrue(counting.records > CASES, "records around the damage are still read: " + counting.records);
    }
}
