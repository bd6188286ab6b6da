package io.weir.core.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputPathsTest
{
    @TempDir
    Path dir;

    private Path touch(final String name) throws IOException
    {
        return Files.write(dir.resolve(name), new byte[]{1});
    }

    @Test
    void directoryGivesItsRegularFilesSortedByName() throws IOException
    {
        for (final String name : List.of("b.pcap", "a.pcap", "C.pcap", "10.pcap", "2.pcap", "notes.txt", ".hidden.pcap"))
        {
            touch(name);
        }
        Files.createDirectory(dir.resolve("0-subdirectory"));
        Files.createSymbolicLink(dir.resolve("d-link.pcap"), dir.resolve("a.pcap"));
        Files.createSymbolicLink(dir.resolve("e-dangling.pcap"), dir.resolve("gone.pcap"));

        assertEquals(List.of(dir.resolve("10.pcap"), dir.resolve("2.pcap"), dir.resolve("C.pcap"),
            dir.resolve("a.pcap"), dir.resolve("b.pcap"), dir.resolve("d-link.pcap"), dir.resolve("notes.txt")),
            InputPaths.expand(dir.toString()));
    }

    @Test
    void directoryGivenWithATrailingSlashGivesTheSameFiles() throws IOException
    {
        touch("x.pcap");

        assertEquals(List.of(dir.resolve("x.pcap")), InputPaths.expand(dir + "/"));
    }

    @Test
    void emptyDirectoryGivesAnEmptyList() throws IOException
    {
        assertEquals(List.of(), InputPaths.expand(dir.toString()));

        touch(".only-hidden.pcap");
        Files.createDirectory(dir.resolve("sub"));
        assertEquals(List.of(), InputPaths.expand(dir.toString()));
    }

    @Test
    void globMatchesFilesInItsDirectorySortedByName() throws IOException
    {
        for (final String name : List.of("c.pcap", "a.pcap", "b.pcapng", ".x.pcap", "a.pcap.txt"))
        {
            touch(name);
        }
        Files.createDirectory(dir.resolve("d.pcap"));

        assertEquals(List.of(dir.resolve("a.pcap"), dir.resolve("c.pcap")), InputPaths.expand(dir + "/*.pcap"));
        assertEquals(List.of(dir.resolve("a.pcap"), dir.resolve("a.pcap.txt"), dir.resolve("b.pcapng"),
            dir.resolve("c.pcap")), InputPaths.expand(dir + "/*.pcap*"));
        assertEquals(List.of(dir.resolve("a.pcap"), dir.resolve("c.pcap")), InputPaths.expand(dir + "/?.pcap"));
        assertEquals(List.of(dir.resolve("b.pcapng"), dir.resolve("c.pcap")), InputPaths.expand(dir + "/[bc].*"));
        assertEquals(List.of(dir.resolve("a.pcap"), dir.resolve("a.pcap.txt"), dir.resolve("b.pcapng")),
            InputPaths.expand(dir + "/{a,b}.pcap*"));
    }

    @Test
    void globMatchingNothingIsKeptAsIs() throws IOException
    {
        touch("a.pcap");
        final String spec = dir + "/*.pcapng";

        assertEquals(List.of(Path.of(spec)), InputPaths.expand(spec));
    }

    @Test
    void globInAMissingDirectoryIsKeptAsIs()
    {
        final String spec = dir + "/missing/*.pcap";

        assertEquals(List.of(Path.of(spec)), InputPaths.expand(spec));
    }

    @Test
    void missingPathIsReturnedAsIs()
    {
        final String spec = dir + "/missing.pcap";

        assertEquals(List.of(Path.of(spec)), InputPaths.expand(spec));
    }

    @Test
    void existingFileIsReturnedAsIsEvenWithGlobCharactersInItsName() throws IOException
    {
        final Path plain = touch("day1.pcap");
        final Path bracketed = touch("capture[1].pcap");
        touch("capture1.pcap");

        assertEquals(List.of(plain), InputPaths.expand(plain.toString()));
        assertEquals(List.of(bracketed), InputPaths.expand(bracketed.toString()));
    }
}
