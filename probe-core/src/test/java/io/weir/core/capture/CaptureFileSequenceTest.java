package io.weir.core.capture;

import static io.weir.core.capture.PacketRecorder.bytes;
import static io.weir.core.capture.RecordingProblems.Problem.unusable;
import static io.weir.core.capture.RecordingProblems.Problem.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.capture.PacketRecorder.Packet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureFileSequenceTest
{
    private static final long NS = 1_000_000_000L;

    @TempDir
    Path dir;

    private final RecordingProblems problems = new RecordingProblems();

    private Path pcap(final String name, final int first, final int count)
    {
        final PcapBytes pcap = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, PcapBytes.MAGIC_MICROSECONDS, 0, 1);
        for (int i = first; i < first + count; i++)
        {
            pcap.record(i, 0, bytes(40 + i, i));
        }
        return pcap.writeTo(dir.resolve(name));
    }

    private Path pcapng(final String name, final int first, final int count)
    {
        final PcapngBytes pcapng = PcapngBytes.file(ByteOrder.BIG_ENDIAN).interfaceDescription(101, 0);
        for (int i = first; i < first + count; i++)
        {
            pcapng.enhancedPacket(0, i * 1_000_000L, bytes(40 + i, i));
        }
        return pcapng.writeTo(dir.resolve(name));
    }

    private static Packet ethernet(final int i)
    {
        return Packet.of(i * NS, 40 + i, 1, 0, bytes(40 + i, i));
    }

    private static Packet raw(final int i)
    {
        return Packet.of(i * NS, 40 + i, 101, 0, bytes(40 + i, i));
    }

    /** Polls to the end in batches, checking that progress only grows. */
    private static List<Packet> drain(final CaptureFileSequence sequence, final int batch)
    {
        final PacketRecorder recorder = new PacketRecorder();
        double progress = sequence.progress();
        assertTrue(progress >= 0 && progress <= 1, "progress " + progress);
        int polls = 0;
        while (sequence.poll(recorder, batch) != PacketSource.END_OF_INPUT)
        {
            final double now = sequence.progress();
            assertTrue(now >= progress && now <= 1.0, "progress went from " + progress + " to " + now);
            progress = now;
            assertTrue(++polls < 1_000_000, "sequence never ended");
        }
        assertEquals(PacketSource.END_OF_INPUT, sequence.poll(recorder, batch));
        return recorder.packets;
    }

    @Test
    void readsFilesInOrderAsOneStream()
    {
        final List<Path> files = List.of(pcap("b.pcap", 1, 3), pcapng("a.pcapng", 4, 2), pcap("c.pcap", 6, 1));
        try (CaptureFileSequence sequence = new CaptureFileSequence(files, problems))
        {
            assertEquals(0.0, sequence.progress());
            assertEquals(List.of(ethernet(1), ethernet(2), ethernet(3), raw(4), raw(5), ethernet(6)), drain(sequence, 2));
            assertEquals(1.0, sequence.progress());
            assertEquals(3, sequence.filesRead());
            assertEquals(0, sequence.filesUnusable());
            assertEquals(0, sequence.recordsLost());
            assertEquals("3 files", sequence.describe());
        }
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void unusableFilesInTheMiddleAreReportedAndSkipped() throws IOException
    {
        final Path notCapture = Files.write(dir.resolve("notes.pcap"), "just some text, not a capture".getBytes());
        final Path missing = dir.resolve("missing.pcap");
        final Path empty = Files.createFile(dir.resolve("empty.pcap"));
        final List<Path> files = List.of(pcap("a.pcap", 1, 2), notCapture, missing, empty, pcapng("b.pcapng", 3, 2));

        try (CaptureFileSequence sequence = new CaptureFileSequence(files, problems))
        {
            assertEquals(List.of(ethernet(1), ethernet(2), raw(3), raw(4)), drain(sequence, 100));
            assertEquals(1.0, sequence.progress());
            assertEquals(2, sequence.filesRead());
            assertEquals(3, sequence.filesUnusable());
        }
        assertEquals(List.of(
            unusable(notCapture, "not a pcap or pcapng capture (magic 0x6a757374 at offset 0)"),
            unusable(missing, "no such file"),
            unusable(empty, "empty file (0 bytes), not a pcap or pcapng capture")),
            problems.reported);
    }

    @Test
    void progressReachesOneWhenTheLastFileIsUnusable() throws IOException
    {
        final Path notCapture = Files.write(dir.resolve("z.pcap"), new byte[4096]);
        try (CaptureFileSequence sequence = new CaptureFileSequence(List.of(pcap("a.pcap", 1, 50), notCapture), problems))
        {
            assertEquals(50, drain(sequence, 1).size());
            assertEquals(1.0, sequence.progress());
        }
    }

    @Test
    void progressFollowsTheBytesRead()
    {
        final Path first = pcap("a.pcap", 1, 100);
        final Path second = pcap("b.pcap", 1, 100);
        try (CaptureFileSequence sequence = new CaptureFileSequence(List.of(first, second), problems))
        {
            final PacketRecorder recorder = new PacketRecorder();
            for (int i = 0; i < 100; i++)
            {
                assertEquals(1, sequence.poll(recorder, 1));
            }
            // All of the first file (of two of almost the same size) has been read.
            final double half = sequence.progress();
            assertTrue(half > 0.45 && half <= 0.5, "progress " + half);
            drain(sequence, 10);
            assertEquals(1.0, sequence.progress());
        }
    }

    @Test
    void recordsLostCountsDamagedRecordsOfEveryFile()
    {
        final PcapBytes cut = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, PcapBytes.MAGIC_MICROSECONDS, 0, 1)
            .record(1, 0, bytes(41, 1));
        final long cutAt = cut.offset();
        final Path cutFile = cut.record(2, 0, 100, 100, bytes(10, 2)).writeTo(dir.resolve("cut.pcap"));
        final PcapngBytes unknown = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN).interfaceDescription(1, 0);
        final long firstUnknown = unknown.offset();
        unknown.enhancedPacket(5, 0, bytes(10, 0));
        final long secondUnknown = unknown.offset();
        final Path unknownFile = unknown.enhancedPacket(6, 0, bytes(10, 0))
            .enhancedPacket(0, 3_000_000, bytes(43, 3))
            .writeTo(dir.resolve("unknown.pcapng"));

        try (CaptureFileSequence sequence = new CaptureFileSequence(List.of(cutFile, unknownFile), problems))
        {
            final PacketRecorder recorder = new PacketRecorder();
            assertEquals(1, sequence.poll(recorder, 100));
            assertEquals(1, sequence.recordsLost(), "lost so far, counted while the file is still open");
            assertEquals(List.of(ethernet(1), ethernet(3)), merge(recorder.packets, drain(sequence, 100)));
            assertEquals(3, sequence.recordsLost());
        }
        assertEquals(List.of(
            warning(cutFile, cutAt, "truncated record: caplen 100 but only 10 bytes left in the file"),
            warning(unknownFile, firstUnknown, "packet for interface 5 but only 1 interface(s) described; block skipped"),
            warning(unknownFile, secondUnknown, "packet for interface 6 but only 1 interface(s) described; block skipped")),
            problems.reported);
    }

    private static List<Packet> merge(final List<Packet> first, final List<Packet> second)
    {
        final List<Packet> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Test
    void noFilesIsAnEmptyStream()
    {
        try (CaptureFileSequence sequence = new CaptureFileSequence(List.of(), problems))
        {
            assertEquals(List.of(), drain(sequence, 10));
            assertEquals(1.0, sequence.progress());
        }
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void describesOneFileByItsPath()
    {
        final Path file = pcap("a.pcap", 1, 1);
        try (CaptureFileSequence sequence = new CaptureFileSequence(List.of(file), problems))
        {
            assertEquals("file " + file, sequence.describe());
        }
    }

    @Test
    void closingInTheMiddleOfAFileStopsTheStream()
    {
        final Path file = pcap("a.pcap", 1, 10);
        final CaptureFileSequence sequence = new CaptureFileSequence(List.of(file, pcap("b.pcap", 20, 3)), problems);
        final PacketRecorder recorder = new PacketRecorder();
        assertEquals(4, sequence.poll(recorder, 4));
        sequence.close();

        assertEquals(PacketSource.END_OF_INPUT, sequence.poll(recorder, 100));
        assertEquals(4, recorder.packets.size());
        assertEquals(1, sequence.filesRead());
        assertEquals(1.0, sequence.progress());
        assertEquals(List.of(), problems.reported);
    }
}
