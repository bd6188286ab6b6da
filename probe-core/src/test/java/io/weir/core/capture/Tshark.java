package io.weir.core.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.agrona.DirectBuffer;

/** Runs Wireshark's tshark and editcap as the independent reference for the capture readers. */
final class Tshark
{
    /** What tshark says about one frame; a frame without a timestamp (simple packet block) has 0. */
    record Frame(long timestampNs, int capturedLength, int wireLength, String md5)
    {
    }

    private Tshark()
    {
    }

    static List<Frame> frames(final Path capture) throws IOException, InterruptedException
    {
        final List<Frame> frames = new ArrayList<>();
        for (final String line : run("tshark", "-n", "-r", capture.toString(), "-o", "frame.generate_md5_hash:TRUE",
            "-T", "fields", "-E", "separator=/t",
            "-e", "frame.time_epoch", "-e", "frame.cap_len", "-e", "frame.len", "-e", "frame.md5_hash"))
        {
            final String[] fields = line.split("\t", -1);
            if (fields.length != 4)
            {
                throw new AssertionError("unexpected tshark line: " + line);
            }
            frames.add(new Frame(epochNanos(fields[0]), Integer.parseInt(fields[1]), Integer.parseInt(fields[2]),
                fields[3]));
        }
        return frames;
    }

    /** Converts {@code input} with {@code editcap -F format}. */
    static Path editcap(final Path input, final String format, final Path output) throws IOException, InterruptedException
    {
        run("editcap", "-F", format, input.toString(), output.toString());
        return output;
    }

    /** "1460049092.478747000" to nanoseconds, digit by digit: no floating point. */
    static long epochNanos(final String epoch)
    {
        if (epoch.isEmpty())
        {
            return 0;
        }
        final int dot = epoch.indexOf('.');
        final String seconds = dot < 0 ? epoch : epoch.substring(0, dot);
        final String fraction = dot < 0 ? "" : epoch.substring(dot + 1);
        if (!seconds.matches("[0-9]+") || !fraction.matches("[0-9]{0,9}"))
        {
            throw new AssertionError("unexpected frame.time_epoch: " + epoch);
        }
        return Math.addExact(Math.multiplyExact(Long.parseLong(seconds), 1_000_000_000L),
            Long.parseLong((fraction + "000000000").substring(0, 9)));
    }

    /** The same facts, from weir's reader. */
    static List<Frame> readWithWeir(final CaptureFileReader reader)
    {
        final List<Frame> frames = new ArrayList<>();
        final MessageDigest md5 = md5();
        final PacketHandler handler = (buffer, offset, capturedLength, wireLength, timestampNs, linkType, interfaceId) ->
            frames.add(new Frame(timestampNs, capturedLength, wireLength, md5Hex(md5, buffer, offset, capturedLength)));
        while (reader.read(handler, 64) != PacketSource.END_OF_INPUT)
        {
            if (frames.size() > 10_000_000)
            {
                throw new AssertionError("reader never reached END_OF_INPUT");
            }
        }
        return frames;
    }

    private static String md5Hex(final MessageDigest md5, final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] data = new byte[length];
        buffer.getBytes(offset, data);
        return HexFormat.of().formatHex(md5.digest(data));
    }

    private static MessageDigest md5()
    {
        try
        {
            return MessageDigest.getInstance("MD5");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new AssertionError(ex);
        }
    }

    private static List<String> run(final String... command) throws IOException, InterruptedException
    {
        final Path stdout = Files.createTempFile("weir-tshark", ".out");
        final Path stderr = Files.createTempFile("weir-tshark", ".err");
        try
        {
            final Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
            if (!process.waitFor(120, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish");
            }
            final String errors = Files.readString(stderr, StandardCharsets.UTF_8);
            if (process.exitValue() != 0)
            {
                throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ": " + errors);
            }
            return Files.readAllLines(stdout, StandardCharsets.UTF_8);
        }
        finally
        {
            Files.delete(stdout);
            Files.delete(stderr);
        }
    }
}
