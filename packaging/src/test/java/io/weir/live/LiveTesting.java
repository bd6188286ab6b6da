package io.weir.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.weir.cli.Main;

/** What the live tests share: the bundled captures, offline reference runs, waiting for weir to catch up. */
final class LiveTesting
{
    private static final Pattern SENT = Pattern.compile("Actual: (\\d+) packets");
    private static final Pattern STATS_PACKETS = Pattern.compile("weir: stats [0-9.]+ s: (\\d+) packets read");
    static final long CATCH_UP_TIMEOUT_MS = 60_000;

    private LiveTesting()
    {
    }

    static Path repositoryRoot()
    {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("pcaps")) && Files.isDirectory(dir.resolve("packaging"))))
        {
            dir = dir.getParent();
        }
        if (dir == null)
        {
            throw new IllegalStateException("no weir checkout above " + System.getProperty("user.dir"));
        }
        return dir;
    }

    /** Every bundled capture, made sendable on Ethernet (cooked captures get an Ethernet header). */
    static List<Path> sendableCaptures(final Path dir) throws IOException
    {
        final List<Path> captures = new ArrayList<>();
        try (Stream<Path> files = Files.list(repositoryRoot().resolve("pcaps")))
        {
            for (final Path file : files.filter(f -> f.toString().endsWith(".pcap")).sorted().toList())
            {
                captures.add(EthernetCapture.of(file, dir));
            }
        }
        return captures;
    }

    /** weir reading the captures offline, in-process, with JSON to a file. */
    static List<FlowRecord> offline(final Path dir, final List<Path> captures, final String... extra) throws IOException
    {
        final Path json = dir.resolve("offline-" + System.nanoTime() + ".json");
        final List<String> args = new ArrayList<>(List.of("-q", "-o", "json;file=" + json));
        for (final Path capture : captures)
        {
            args.add("-i");
            args.add("pcap;file=" + capture);
        }
        args.addAll(List.of(extra));
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit;
        try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8))
        {
            exit = Main.run(args.toArray(String[]::new), new PrintStream(OutputStreamNull.INSTANCE), errStream, false);
        }
        assertEquals(0, exit, () -> "offline run failed: " + err.toString(StandardCharsets.UTF_8));
        return FlowRecord.read(json);
    }

    /** Replays the captures one after the other; returns how many packets tcpreplay sent. */
    static long replay(final NetworkNamespace namespace, final List<Path> captures)
    {
        long sent = 0;
        for (final Path capture : captures)
        {
            final Matcher matcher = SENT.matcher(namespace.replay(capture));
            if (!matcher.find())
            {
                throw new IllegalStateException("tcpreplay did not say how many packets it sent for " + capture);
            }
            sent += Long.parseLong(matcher.group(1));
        }
        return sent;
    }

    /** Waits until weir's statistics lines (it must run with --stats) show this many packets read. */
    static void awaitPacketsRead(final LiveWeir weir, final long packets) throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + CATCH_UP_TIMEOUT_MS * 1_000_000L;
        while (true)
        {
            long latest = -1;
            final Matcher matcher = STATS_PACKETS.matcher(weir.stderr());
            while (matcher.find())
            {
                latest = Long.parseLong(matcher.group(1));
            }
            if (latest >= packets)
            {
                return;
            }
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("weir read " + latest + " of " + packets + " packets within "
                    + CATCH_UP_TIMEOUT_MS + " ms:\n" + weir.describe());
            }
            Thread.sleep(100);
        }
    }

    /** An output stream that keeps nothing (the offline runs write JSON to files). */
    static final class OutputStreamNull extends java.io.OutputStream
    {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(final int b)
        {
        }

        @Override
        public void write(final byte[] bytes, final int offset, final int length)
        {
        }
    }
}
