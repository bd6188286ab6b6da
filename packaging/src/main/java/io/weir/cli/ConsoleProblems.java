package io.weir.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import io.weir.core.capture.CaptureProblems;

/** Prints input and output problems to stderr as single lines, and counts them. Thread safe. */
final class ConsoleProblems implements CaptureProblems
{
    private final PrintStream err;
    private final AtomicInteger warnings = new AtomicInteger();
    private final AtomicInteger unusable = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();

    ConsoleProblems(final PrintStream err)
    {
        this.err = err;
    }

    @Override
    public void warning(final Path file, final long offset, final String message)
    {
        warnings.incrementAndGet();
        err.println("weir: warning: " + file + ": offset " + offset + ": " + message);
    }

    @Override
    public void unusable(final Path file, final String message)
    {
        unusable.incrementAndGet();
        err.println("weir: error: " + file + ": " + message);
    }

    /** A problem that does not stop the run, outside the capture files (a collector that went away, ...). */
    void warning(final String message)
    {
        warnings.incrementAndGet();
        err.println("weir: warning: " + message);
    }

    /** A failure outside the capture files (an output that stopped working, an internal error). */
    void error(final String message)
    {
        errors.incrementAndGet();
        err.println("weir: error: " + message);
    }

    int warnings()
    {
        return warnings.get();
    }

    int unusable()
    {
        return unusable.get();
    }

    int errors()
    {
        return errors.get();
    }
}
