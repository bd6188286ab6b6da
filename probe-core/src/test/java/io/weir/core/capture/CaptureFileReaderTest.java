package io.weir.core.capture;

import static io.weir.core.capture.PacketRecorder.bytes;
import static io.weir.core.capture.PacketRecorder.readAll;
import static io.weir.core.capture.RecordingProblems.Problem.unusable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import io.weir.core.capture.PacketRecorder.Packet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureFileReaderTest
{
    @TempDir
    Path dir;

    private final RecordingProblems problems = new RecordingProblems();

    private String formatOf(final Path file)
    {
        try (CaptureFileReader reader = CaptureFileReader.open(file, problems))
        {
            assertNotNull(reader, () -> "reader for " + file + ", problems " + problems.reported);
            return reader.format();
        }
    }

    @Test
    void recognisesTheFormatByItsMagicNumber()
    {
        assertEquals("pcap", formatOf(PcapBytes.file(ByteOrder.LITTLE_ENDIAN, PcapBytes.MAGIC_MICROSECONDS, 0, 1)
            .writeTo(dir.resolve("a"))));
        assertEquals("pcap", formatOf(PcapBytes.file(ByteOrder.BIG_ENDIAN, PcapBytes.MAGIC_MICROSECONDS, 0, 1)
            .writeTo(dir.resolve("b"))));
        assertEquals("pcap (ns)", formatOf(PcapBytes.file(ByteOrder.LITTLE_ENDIAN, PcapBytes.MAGIC_NANOSECONDS, 0, 1)
            .writeTo(dir.resolve("c"))));
        assertEquals("pcap (ns)", formatOf(PcapBytes.file(ByteOrder.BIG_ENDIAN, PcapBytes.MAGIC_NANOSECONDS, 0, 1)
            .writeTo(dir.resolve("d"))));
        assertEquals("pcapng", formatOf(PcapngBytes.file(ByteOrder.LITTLE_ENDIAN).writeTo(dir.resolve("e"))));
        assertEquals("pcapng", formatOf(PcapngBytes.file(ByteOrder.BIG_ENDIAN).writeTo(dir.resolve("f"))));
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void fileNameDoesNotDecideTheFormat()
    {
        final Path file = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN).interfaceDescription(1, 0)
            .enhancedPacket(0, 1, bytes(20, 1))
            .writeTo(dir.resolve("really-pcapng.pcap"));

        try (CaptureFileReader reader = CaptureFileReader.open(file, problems))
        {
            assertNotNull(reader);
            assertEquals("pcapng", reader.format());
            assertEquals(List.of(Packet.of(1_000, 20, 1, 0, bytes(20, 1))), readAll(reader, 10));
        }
    }

    @Test
    void missingFileIsUnusable()
    {
        final Path file = dir.resolve("missing.pcap");

        assertNull(CaptureFileReader.open(file, problems));
        assertEquals(List.of(unusable(file, "no such file")), problems.reported);
    }

    @Test
    void directoryIsUnusable()
    {
        assertNull(CaptureFileReader.open(dir, problems));
        assertEquals(List.of(unusable(dir, "is a directory, not a capture file")), problems.reported);
    }

    @Test
    void pathThroughARegularFileCannotBeOpened() throws IOException
    {
        final Path parent = Files.write(dir.resolve("plain"), new byte[]{1});
        final Path file = parent.resolve("x.pcap");

        assertNull(CaptureFileReader.open(file, problems));
        assertEquals(List.of(unusable(file, "cannot open: " + file + ": Not a directory")), problems.reported);
    }

    @Test
    void emptyFileIsUnusable() throws IOException
    {
        final Path file = Files.createFile(dir.resolve("empty.pcap"));

        assertNull(CaptureFileReader.open(file, problems));
        assertEquals(List.of(unusable(file, "empty file (0 bytes), not a pcap or pcapng capture")), problems.reported);
    }

    @Test
    void fileShorterThanAMagicNumberIsUnusable() throws IOException
    {
        final Path file = Files.write(dir.resolve("three.pcap"), new byte[]{(byte)0xD4, (byte)0xC3, (byte)0xB2});

        assertNull(CaptureFileReader.open(file, problems));
        assertEquals(List.of(unusable(file, "file too short (3 bytes) to be a pcap or pcapng capture")),
            problems.reported);
    }

    @Test
    void unknownMagicNumberIsUnusable() throws IOException
    {
        final Path file = Files.write(dir.resolve("picture.pcap"), "GIF89a and more".getBytes());

        assertNull(CaptureFileReader.open(file, problems));
        assertEquals(List.of(unusable(file, "not a pcap or pcapng capture (magic 0x47494638 at offset 0)")),
            problems.reported);
    }

    @Test
    void unreadableFileIsPermissionDeniedUnlessTheProcessMayReadAnyFile() throws IOException
    {
        final Path file = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, PcapBytes.MAGIC_MICROSECONDS, 0, 1)
            .record(1, 0, bytes(20, 1))
            .writeTo(dir.resolve("secret.pcap"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));

        // Root (CAP_DAC_OVERRIDE) reads files whatever their mode: find out what this process may do.
        boolean readable;
        try (InputStream in = Files.newInputStream(file))
        {
            readable = in.read() == 0xD4;
        }
        catch (final AccessDeniedException ex)
        {
            readable = false;
        }

        try (CaptureFileReader reader = CaptureFileReader.open(file, problems))
        {
            if (readable)
            {
                assertNotNull(reader, () -> "problems " + problems.reported);
                assertEquals(List.of(Packet.of(1_000_000_000L, 20, 1, 0, bytes(20, 1))), readAll(reader, 10));
                assertEquals(List.of(), problems.reported);
            }
            else
            {
                assertNull(reader);
                assertEquals(List.of(unusable(file, "permission denied")), problems.reported);
            }
        }
    }

    @Test
    void kernelFileThatCannotBeMappedIsUnusable() throws IOException
    {
        // sysfs attributes claim a size of 4096 bytes but cannot be memory-mapped, even by root.
        final Path file = Path.of("/sys/devices/system/cpu/online").toRealPath();
        String mapError;
        try (FileChannel channel = FileChannel.open(file))
        {
            assertEquals(4096, channel.size());
            channel.map(FileChannel.MapMode.READ_ONLY, 0, 4);
            mapError = "mapped";
        }
        catch (final IOException ex)
        {
            mapError = ex.getMessage();
        }
        assertEquals("No such device", mapError);

        assertNull(CaptureFileReader.open(file, problems));
        assertEquals(List.of(unusable(file, "cannot read: No such device")), problems.reported);
    }

    @Test
    void procFileWithNoSizeIsUnusableAsEmpty()
    {
        final Path file = Path.of("/proc/self/status");

        assertNull(CaptureFileReader.open(file, problems));
        assertEquals(List.of(unusable(file, "empty file (0 bytes), not a pcap or pcapng capture")), problems.reported);
    }

    @Test
    void namedPipeIsUnusableWithoutWaitingForAWriter() throws Exception
    {
        final Path fifo = dir.resolve("pipe.pcap");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());

        assertNull(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CaptureFileReader.open(fifo, problems)));
        assertEquals(List.of(unusable(fifo, "not a regular file (a pipe, socket or device)")), problems.reported);
    }

    @Test
    void characterDeviceIsUnusable()
    {
        final Path device = Path.of("/dev/zero");

        assertNull(CaptureFileReader.open(device, problems));
        assertEquals(List.of(unusable(device, "not a regular file (a pipe, socket or device)")), problems.reported);
    }
}
