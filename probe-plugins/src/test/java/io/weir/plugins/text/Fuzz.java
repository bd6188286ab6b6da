package io.weir.plugins.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.PipelineHarness;

/**
 * Malformed traffic made from a real capture, with a fixed seed: each variant is one
 * conversation of the capture (its client port made unique) in which one payload that matters
 * to the plugin is cut at every length, has bits flipped, or is blown up (very long lines,
 * thousands of headers, no line ends, NULs). Everything goes through the real pipeline; the
 * result tells whether the plugin ever threw and whether every variant's flow was exported.
 */
public final class Fuzz
{
    /** Payload prefixes cut at every length up to this; text heads are shorter. */
    public static final int MAX_CUT = 700;
    private static final int FIRST_PORT = 1024;
    /** A cut payload keeps this many packets of its conversation before and after it. */
    private static final int CUT_CONTEXT = 2;
    /** The other variants keep this many packets of their conversation before and after the changed one. */
    private static final int CONTEXT = 12;
    private static final long GAP_NS = 1_000_000_000L;

    private final List<List<PcapFile.Packet>> variants = new ArrayList<>();
    private final List<String> descriptions = new ArrayList<>();

    /** What a fuzz run found. */
    public record Result(int variants, long failures, RuntimeException firstFailure, List<String> notExported,
                         List<CollectedRecord> records)
    {
    }

    /** The transformations that make absurd payloads from a real one. */
    public static final Map<String, UnaryOperator<byte[]>> ABSURD = absurd();

    /**
     * Builds the variants of every conversation of {@code capture} that holds a payload
     * {@code interesting} accepts, plus {@code flips} bit-flip variants.
     */
    public static Fuzz of(final Path capture, final Predicate<Frame> interesting, final long seed, final int flips)
        throws IOException
    {
        final List<PcapFile.Packet> packets = PcapFile.read(capture);
        final Map<String, List<Integer>> conversations = new LinkedHashMap<>();
        final List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++)
        {
            Frame frame;
            try
            {
                frame = new Frame(packets.get(i).frame());
            }
            catch (final IllegalArgumentException notAFlowPacket)
            {
                frame = null;
            }
            frames.add(frame);
            if (frame != null && frame.isTcpOrUdp())
            {
                conversations.computeIfAbsent(frame.conversationKey(), k -> new ArrayList<>()).add(i);
            }
        }
        final Fuzz fuzz = new Fuzz();
        final List<int[]> targets = new ArrayList<>();
        final List<List<Integer>> all = new ArrayList<>(conversations.values());
        for (int c = 0; c < all.size(); c++)
        {
            final List<Integer> conversation = all.get(c);
            for (int n = 0; n < conversation.size(); n++)
            {
                final PcapFile.Packet packet = packets.get(conversation.get(n));
                final Frame frame = frames.get(conversation.get(n));
                final byte[] payload = frame.payload();
                if (payload.length == 0 || !interesting.test(frame))
                {
                    continue;
                }
                targets.add(new int[] {c, n});
                for (int cut = 0; cut <= Math.min(payload.length, MAX_CUT); cut++)
                {
                    if (cut % 2 == 0)
                    {
                        final byte[] shorter = frame.withPayload(Arrays.copyOf(payload, cut));
                        fuzz.add(packets, frames, conversation, n, shorter, shorter.length, "cut at " + cut);
                    }
                    else
                    {
                        final byte[] captured = Arrays.copyOf(packet.frame(), packet.frame().length - payload.length + cut);
                        fuzz.add(packets, frames, conversation, n, captured, packet.wireLength(),
                            "captured up to " + cut);
                    }
                }
                for (final Map.Entry<String, UnaryOperator<byte[]>> absurd : ABSURD.entrySet())
                {
                    final byte[] changed = frame.withPayload(absurd.getValue().apply(payload));
                    fuzz.add(packets, frames, conversation, n, changed, changed.length, absurd.getKey());
                }
            }
        }
        if (targets.isEmpty())
        {
            throw new IllegalArgumentException("nothing to fuzz in " + capture);
        }
        final Random random = new Random(seed);
        for (int i = 0; i < flips; i++)
        {
            final int[] target = targets.get(random.nextInt(targets.size()));
            final List<Integer> conversation = all.get(target[0]);
            final Frame frame = frames.get(conversation.get(target[1]));
            final byte[] payload = frame.payload();
            final int bits = 1 + random.nextInt(8);
            final int span = Math.min(payload.length, 1024);
            for (int b = 0; b < bits; b++)
            {
                payload[random.nextInt(span)] ^= (byte)(1 << random.nextInt(8));
            }
            final byte[] changed = frame.withPayload(payload);
            fuzz.add(packets, frames, conversation, target[1], changed, changed.length, bits + " bits flipped");
        }
        return fuzz;
    }

    private void add(final List<PcapFile.Packet> packets, final List<Frame> frames, final List<Integer> conversation,
                     final int changed, final byte[] changedFrame, final int changedWireLength, final String description)
    {
        final int port = FIRST_PORT + variants.size();
        final String client = frames.get(conversation.get(0)).sourceEndpoint();
        final List<PcapFile.Packet> variant = new ArrayList<>();
        final int context = description.startsWith("cut") || description.startsWith("captured") ? CUT_CONTEXT : CONTEXT;
        final int last = Math.min(conversation.size(), changed + 1 + context);
        for (int n = Math.max(0, changed - context); n < last; n++)
        {
            final PcapFile.Packet packet = packets.get(conversation.get(n));
            final Frame frame = n == changed ? new Frame(changedFrame) : frames.get(conversation.get(n));
            final byte[] ported = frame.sourceEndpoint().equals(client) ? frame.withPorts(port, frame.destinationPort())
                : frame.withPorts(frame.sourcePort(), port);
            final int wire = n == changed ? changedWireLength : packet.wireLength();
            variant.add(new PcapFile.Packet(packet.timestampNs(), ported, Math.max(wire, ported.length)));
        }
        variants.add(variant);
        descriptions.add(description + " of frame " + (conversation.get(changed) + 1));
    }

    /** Runs the variants through the pipeline with only {@code plugin}. */
    public Result run(final ProcessPlugin plugin) throws IOException, InterruptedException
    {
        final List<PcapFile.Packet> all = new ArrayList<>();
        long start = variants.get(0).get(0).timestampNs();
        for (final List<PcapFile.Packet> variant : variants)
        {
            final long shift = start - variant.get(0).timestampNs();
            long last = start;
            for (final PcapFile.Packet packet : variant)
            {
                last = packet.timestampNs() + shift;
                all.add(packet.at(last));
            }
            start = last + GAP_NS;
        }
        final Path file = Files.createTempFile("weir-fuzz", ".pcap");
        try
        {
            PcapFile.write(file, all);
            final PluginChain chain = new PluginChain(List.of(plugin));
            final List<CollectedRecord> records = PipelineHarness.run(List.of(file), FlowCacheConfig.DEFAULT, chain);
            final Set<String> ports = new HashSet<>();
            for (final CollectedRecord record : records)
            {
                ports.add(record.byIpfixprobeName().get("SRC_PORT"));
                ports.add(record.byIpfixprobeName().get("DST_PORT"));
            }
            final List<String> notExported = new ArrayList<>();
            for (int i = 0; i < variants.size(); i++)
            {
                if (!ports.contains(Integer.toString(FIRST_PORT + i)))
                {
                    notExported.add(descriptions.get(i));
                }
            }
            return new Result(variants.size(), chain.failures(0), chain.firstFailure(0), notExported, records);
        }
        finally
        {
            Files.delete(file);
        }
    }

    private static Map<String, UnaryOperator<byte[]>> absurd()
    {
        final Map<String, UnaryOperator<byte[]>> all = new LinkedHashMap<>();
        all.put("lines repeated to 60000 bytes", payload -> repeatLines(payload, 60_000));
        all.put("line ends removed", payload -> replace(payload, (byte)'\n', (byte)'\r'));
        all.put("CRs removed", payload -> remove(payload, (byte)'\r'));
        all.put("NULs for spaces", payload -> replace(payload, (byte)' ', (byte)0));
        all.put("first line 20000 bytes longer", payload -> padFirstLine(payload, 20_000, (byte)'A'));
        all.put("first line full of spaces", payload -> padFirstLine(payload, 5_000, (byte)' '));
        all.put("digits after first space", payload -> insertAfterFirstSpace(payload, "9".repeat(40)));
        all.put("colons only", payload -> ascii(":\r\n".repeat(2000)));
        all.put("blank lines only", payload -> ascii("\r\n".repeat(3000)));
        all.put("header names 3000 bytes", payload -> withLongNames(payload));
        all.put("every byte 0xff", payload -> filled(payload.length, (byte)0xFF));
        return all;
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] repeatLines(final byte[] payload, final int size)
    {
        final String text = new String(payload, StandardCharsets.ISO_8859_1);
        final int firstLine = text.indexOf('\n');
        if (firstLine < 0)
        {
            return payload;
        }
        final String head = text.substring(0, firstLine + 1);
        final String rest = text.substring(firstLine + 1);
        final StringBuilder out = new StringBuilder(head);
        while (out.length() + rest.length() < size && !rest.isEmpty())
        {
            out.append(rest);
        }
        return ascii(out.toString());
    }

    private static byte[] replace(final byte[] payload, final byte from, final byte to)
    {
        final byte[] copy = payload.clone();
        for (int i = 0; i < copy.length; i++)
        {
            if (copy[i] == from)
            {
                copy[i] = to;
            }
        }
        return copy;
    }

    private static byte[] remove(final byte[] payload, final byte value)
    {
        final byte[] copy = new byte[payload.length];
        int n = 0;
        for (final byte b : payload)
        {
            if (b != value)
            {
                copy[n++] = b;
            }
        }
        return Arrays.copyOf(copy, n);
    }

    private static byte[] padFirstLine(final byte[] payload, final int extra, final byte pad)
    {
        final String text = new String(payload, StandardCharsets.ISO_8859_1);
        final int end = Math.max(0, text.indexOf('\r') >= 0 ? text.indexOf('\r') : text.length());
        return ascii(text.substring(0, end) + String.valueOf((char)pad).repeat(extra) + text.substring(end));
    }

    private static byte[] insertAfterFirstSpace(final byte[] payload, final String inserted)
    {
        final String text = new String(payload, StandardCharsets.ISO_8859_1);
        final int space = text.indexOf(' ');
        return space < 0 ? payload : ascii(text.substring(0, space + 1) + inserted + text.substring(space + 1));
    }

    private static byte[] withLongNames(final byte[] payload)
    {
        final String text = new String(payload, StandardCharsets.ISO_8859_1);
        return ascii(text.replace(":", "X".repeat(3000) + ":"));
    }

    private static byte[] filled(final int length, final byte value)
    {
        final byte[] bytes = new byte[Math.max(length, 64)];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
