package io.weir.live;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * weir as its own process (as it runs on a capture host), optionally inside a network namespace:
 * the signals and the kernel's view of its sockets are the real ones. stderr goes to a file.
 */
final class LiveWeir implements AutoCloseable
{
    static final long START_TIMEOUT_MS = 60_000;
    static final long EXIT_TIMEOUT_MS = 60_000;

    private final Process process;
    private final Path stderr;
    private final List<String> command;

    private LiveWeir(final Process process, final Path stderr, final List<String> command)
    {
        this.process = process;
        this.stderr = stderr;
        this.command = command;
    }

    /**
     * @param prefix what runs java: e.g. {@code ip netns exec NS}, or {@code setpriv ...}
     */
    static LiveWeir start(final Path dir, final List<String> prefix, final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        command.add("-Xmx512m");
        command.add("--add-exports");
        command.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.weir.cli.Main");
        command.addAll(List.of(args));
        final Path stderr = Files.createTempFile(dir, "weir", ".err");
        final Process process = new ProcessBuilder(command)
            .redirectError(stderr.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
        return new LiveWeir(process, stderr, command);
    }

    static LiveWeir inNamespace(final Path dir, final NetworkNamespace namespace, final String... args) throws IOException
    {
        return start(dir, List.of("ip", "netns", "exec", namespace.name()), args);
    }

    /** Waits until weir says it is capturing (its sockets are open from then on). */
    LiveWeir awaitCapturing() throws IOException, InterruptedException
    {
        awaitStderr("weir: capturing on", START_TIMEOUT_MS);
        return this;
    }

    void awaitStderr(final String text, final long timeoutMs) throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!stderr().contains(text))
        {
            if (!process.isAlive())
            {
                throw new AssertionError("weir ended (exit " + process.exitValue() + ") before printing '" + text + "':\n"
                    + describe());
            }
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("weir did not print '" + text + "' within " + timeoutMs + " ms:\n" + describe());
            }
            Thread.sleep(50);
        }
    }

    void signal(final String name)
    {
        Command.run("kill", "-" + name, Long.toString(process.pid()));
    }

    /** Sends SIGTERM and waits for weir to finish; returns its exit code. */
    int stop() throws InterruptedException, IOException
    {
        signal("TERM");
        return awaitExit();
    }

    int awaitExit() throws InterruptedException, IOException
    {
        if (!process.waitFor(EXIT_TIMEOUT_MS, TimeUnit.MILLISECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("weir did not end within " + EXIT_TIMEOUT_MS + " ms:\n" + describe());
        }
        final String text = stderr();
        for (final String line : text.split("\n"))
        {
            assertFalse(line.startsWith("\tat ") || line.contains("Exception"), () -> "stack trace on stderr:\n" + text);
        }
        return process.exitValue();
    }

    String stderr()
    {
        try
        {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    String describe()
    {
        return String.join(" ", command) + "\nstderr:\n" + stderr();
    }

    @Override
    public void close() throws IOException
    {
        if (process.isAlive())
        {
            process.destroyForcibly();
        }
        Files.deleteIfExists(stderr);
    }
}
