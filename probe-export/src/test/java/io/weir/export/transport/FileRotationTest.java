package io.weir.export.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.weir.core.field.RecordWriter;
import io.weir.export.ipfix.DecodeSession;
import io.weir.export.ipfix.IpfixExportConfig;
import io.weir.export.ipfix.IpfixSink;
import io.weir.export.ipfix.TestRecordsAccess;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 5655 files rotated by size: numbered, each within the bound and readable on its own. */
class FileRotationTest
{
    @TempDir
    Path dir;

    @Test
    void everyRotatedFileStandsAlone() throws Exception
    {
        final Path base = dir.resolve("flows.ipfix");
        final IpfixSink sink = new IpfixSink(IpfixExportConfig.defaults().withMaxMessageLength(1458)
            .withStatisticsSeconds(0), new FileTransport(base, 0, 20_000, TransportLog.silent()),
            TransportLog.silent());
        final UnsafeBuffer record = new UnsafeBuffer(new byte[4096]);
        final RecordWriter w = new RecordWriter();
        for (int n = 1; n <= 2000; n++)
        {
            TestRecordsAccess.basic(w, record, n % 3 == 0 ? 6 : 4, n);
            sink.onRecord(TestRecordsAccess.schema(n % 3 == 0 ? 6 : 4), record, 0, w.length());
        }
        sink.close();
        final List<Path> files;
        try (Stream<Path> list = Files.list(dir))
        {
            files = list.sorted().toList();
        }
        assertTrue(files.size() > 5, "files: " + files);
        assertEquals(FileTransport.rotatedName(base, 1), files.get(0));
        assertEquals(dir.resolve("flows-000002.ipfix"), files.get(1));
        long records = 0;
        for (final Path file : files)
        {
            assertTrue(Files.size(file) <= 20_000, file + " has " + Files.size(file) + " bytes");
            final DecodeSession session = new DecodeSession(file.toString());
            try (InputStream in = Files.newInputStream(file))
            {
                final var decoded = io.weir.export.ipfix.ExportHarnessAccess.decode(in, session);
                assertEquals(List.of(), decoded, file.toString());
            }
            assertEquals(0, session.setsWithoutTemplate(), file.toString());
            records += session.dataRecords();
        }
        assertEquals(2000, records);
    }

    @Test
    void rotatesByTime() throws Exception
    {
        final Path base = dir.resolve("timed.ipfix");
        final IpfixSink sink = new IpfixSink(IpfixExportConfig.defaults().withStatisticsSeconds(0),
            new FileTransport(base, 1, 0, TransportLog.silent()), TransportLog.silent());
        final UnsafeBuffer record = new UnsafeBuffer(new byte[4096]);
        final RecordWriter w = new RecordWriter();
        for (int n = 1; n <= 3; n++)
        {
            TestRecordsAccess.basic(w, record, 4, n);
            sink.onRecord(TestRecordsAccess.schema(4), record, 0, w.length());
            sink.onIdle();
            Thread.sleep(1100);
            sink.onIdle();
        }
        sink.close();
        long records = 0;
        for (int n = 1; n <= 3; n++)
        {
            final Path file = FileTransport.rotatedName(base, n);
            final DecodeSession session = new DecodeSession(file.toString());
            try (InputStream in = Files.newInputStream(file))
            {
                assertEquals(List.of(), io.weir.export.ipfix.ExportHarnessAccess.decode(in, session), file.toString());
            }
            assertEquals(1, session.dataRecords(), file.toString());
            records += session.dataRecords();
        }
        assertEquals(3, records);
    }
}
