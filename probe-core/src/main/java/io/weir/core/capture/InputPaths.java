package io.weir.core.capture;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands what a user gave as a file input: a plain path, a directory (its regular files,
 * by name) or a glob such as {@code /data/day1/*.pcap} (matched in its directory, by name).
 * A glob that matches nothing is kept as it is so that opening it reports the problem; a
 * directory with no files gives an empty list.
 */
public final class InputPaths
{
    private InputPaths()
    {
    }

    public static List<Path> expand(final String spec)
    {
        final Path path = Path.of(spec);
        if (Files.isDirectory(path))
        {
            return sorted(path, "*");
        }
        if (!Files.exists(path) && isGlob(path.getFileName() == null ? "" : path.getFileName().toString()))
        {
            final Path parent = path.getParent() != null ? path.getParent() : Path.of(".");
            final List<Path> matches = sorted(parent, path.getFileName().toString());
            if (!matches.isEmpty())
            {
                return matches;
            }
        }
        return List.of(path);
    }

    private static boolean isGlob(final String name)
    {
        return name.indexOf('*') >= 0 || name.indexOf('?') >= 0 || name.indexOf('[') >= 0 || name.indexOf('{') >= 0;
    }

    private static List<Path> sorted(final Path directory, final String glob)
    {
        final List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, glob))
        {
            for (final Path entry : stream)
            {
                if (Files.isRegularFile(entry) && !entry.getFileName().toString().startsWith("."))
                {
                    files.add(entry);
                }
            }
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            return List.of(directory.resolve(glob));
        }
        files.sort(null);
        return files;
    }
}
