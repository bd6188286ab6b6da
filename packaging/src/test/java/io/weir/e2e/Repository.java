package io.weir.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where the checkout's files are, wherever Maven runs the tests from. */
final class Repository
{
    private Repository()
    {
    }

    static Path root()
    {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null)
        {
            if (Files.isDirectory(dir.resolve("pcaps")) && Files.isRegularFile(dir.resolve("pom.xml"))
                && Files.isDirectory(dir.resolve("packaging")))
            {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no weir checkout above " + System.getProperty("user.dir"));
    }

    static Path pcaps()
    {
        return root().resolve("pcaps");
    }

    static Path pcap(final String name)
    {
        final Path file = pcaps().resolve(name);
        if (!Files.isRegularFile(file))
        {
            throw new IllegalStateException("capture " + file + " is missing");
        }
        return file;
    }

    /** Every capture file bundled in pcaps/ (by extension), sorted by name. */
    static List<Path> allPcaps()
    {
        try (Stream<Path> files = Files.list(pcaps()))
        {
            final List<Path> captures = new ArrayList<>();
            files.filter(file -> file.getFileName().toString().matches(".*\\.(pcap|pcapng)"))
                .sorted()
                .forEach(captures::add);
            if (captures.isEmpty())
            {
                throw new IllegalStateException("no captures in " + pcaps());
            }
            return captures;
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot list " + pcaps(), ex);
        }
    }
}
