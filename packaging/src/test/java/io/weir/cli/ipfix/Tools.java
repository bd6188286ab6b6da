package io.weir.cli.ipfix;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.weir.cli.Main;

/** Runs weir in-process and outside tools (tshark, nfdump, python3) with bounded time. */
final class Tools
{
    private Tools()
    {
    }

    record Result(int exitCode, String out, String err)
    {
    }

    static Result weir(final String... args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result run(final Path dir, final String... command) throws IOException, InterruptedException
    {
        final Path out = Files.createTempFile(dir, "out", ".txt");
        final Path err = Files.createTempFile(dir, "err", ".txt");
        final Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
            .start();
        if (!process.waitFor(120, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A UDP port on loopback that was free a moment ago. */
    static int freeUdpPort() throws IOException
    {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
        {
            return socket.getLocalPort();
        }
    }

    private static final Pattern NUMBER = Pattern.compile("\"(packetDeltaCount|reversePacketDeltaCount|"
        + "octetDeltaCount|reverseOctetDeltaCount)\":(\\d+)");

    /** Per JSON line: packets, reverse packets, octets, reverse octets. */
    static List<long[]> counters(final String ndjson)
    {
        final List<long[]> records = new ArrayList<>();
        for (final String line : ndjson.split("\n"))
        {
            if (line.isBlank())
            {
                continue;
            }
            final long[] values = new long[4];
            final Matcher m = NUMBER.matcher(line);
            while (m.find())
            {
                final int index = Map.of("packetDeltaCount", 0, "reversePacketDeltaCount", 1, "octetDeltaCount", 2,
                    "reverseOctetDeltaCount", 3).get(m.group(1));
                values[index] = Long.parseLong(m.group(2));
            }
            records.add(values);
        }
        return records;
    }

    static List<String> sortedKeys(final List<long[]> records)
    {
        final List<String> keys = new ArrayList<>();
        for (final long[] r : records)
        {
            keys.add(r[0] + "/" + r[1] + "/" + r[2] + "/" + r[3]);
        }
        keys.sort(null);
        return keys;
    }
}
