package io.weir.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.weir.cli.Main;

/** Runs the weir command line in this JVM, as a user would type it, and keeps what it printed. */
final class WeirCli
{
    private WeirCli()
    {
    }

    /** What one run printed and returned. */
    record Result(List<String> args, int exitCode, String stdout, String stderr)
    {
        List<String> stderrLines()
        {
            return stderr.lines().toList();
        }

        /** The run's stderr lines that are not the end-of-run summary (warnings, errors, usage). */
        List<String> problemLines()
        {
            final List<String> lines = new ArrayList<>();
            for (final String line : stderrLines())
            {
                if (!WeirSummary.isSummaryLine(line))
                {
                    lines.add(line);
                }
            }
            return lines;
        }

        WeirSummary summary()
        {
            return WeirSummary.parse(stderr);
        }

        String describe()
        {
            return "weir " + String.join(" ", args) + " -> exit " + exitCode + "\nstderr:\n" + stderr;
        }
    }

    /** Runs weir with these arguments; fails the test if it printed a Java stack trace. */
    static Result run(final String... args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8))
        {
            exitCode = Main.run(args, outStream, errStream, false);
        }
        final Result result = new Result(List.of(args), exitCode, out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8));
        assertNoStackTrace(result);
        return result;
    }

    static void assertNoStackTrace(final Result result)
    {
        for (final String line : result.stderrLines())
        {
            assertFalse(line.startsWith("\tat ") || line.contains("Exception"),
                () -> "stack trace or exception on stderr: " + result.describe());
        }
    }
}
