package io.weir.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code -P FILE}: the process id, written when capture starts and removed when weir ends (as ipfixprobe). */
final class PidFile implements AutoCloseable
{
    private final Path path;
    private final PrintStream err;

    private PidFile(final Path path, final PrintStream err)
    {
        this.path = path;
        this.err = err;
    }

    static PidFile write(final String file, final PrintStream err)
    {
        final Path path = Path.of(file);
        try
        {
            Files.writeString(path, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        }
        catch (final IOException ex)
        {
            throw new OutputUnavailableException("cannot write pid file " + file + ": " + ex.getMessage());
        }
        return new PidFile(path, err);
    }

    @Override
    public void close()
    {
        try
        {
            Files.deleteIfExists(path);
        }
        catch (final IOException ex)
        {
            // The file is stale now but harmless: the next start overwrites it.
            err.println("weir: warning: cannot remove pid file " + path + ": " + ex.getMessage());
        }
    }
}
