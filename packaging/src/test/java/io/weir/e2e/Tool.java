package io.weir.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external program (tshark, editcap) and returns its stdout; any failure fails the test. */
final class Tool
{
    private static final long TIMEOUT_SECONDS = 120;

    private Tool()
    {
    }

    static String run(final String... command)
    {
        final List<String> args = List.of(command);
        try
        {
            final Path errors = Files.createTempFile("weir-e2e-tool", ".err");
            try
            {
                final Process process = new ProcessBuilder(new ArrayList<>(args))
                    .redirectError(errors.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
                final byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                {
                    process.destroyForcibly();
                    throw new IllegalStateException("timed out: " + String.join(" ", args));
                }
                if (process.exitValue() != 0)
                {
                    throw new IllegalStateException(String.join(" ", args) + " exited with " + process.exitValue()
                        + ": " + Files.readString(errors, StandardCharsets.UTF_8));
                }
                return new String(out, StandardCharsets.UTF_8);
            }
            finally
            {
                Files.deleteIfExists(errors);
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot run " + String.join(" ", args)
                + " (is it installed? ./run-tests installs it): " + ex.getMessage(), ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", args), ex);
        }
    }
}
