package io.weir.plugins.dnsmessage.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import io.weir.core.decode.PacketParser;
import io.weir.core.decode.PacketView;
import io.weir.core.field.RecordWriter;
import io.weir.core.flow.FlowCache;
import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.flow.FlowEndReason;
import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.ProcessPlugin;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Feeds a plugin, through a real flow cache, with damaged versions of real packets: the payload
 * cut at every length (in a buffer that ends there, so that a read past the capture fails), random bit flips, and length-like fields (counts, lengths, label bytes,
 * pointers) overwritten with absurd values; then whole captures with every packet damaged, so
 * that state carried between packets is damaged too. A fixed seed makes every run the same.
 * Checks that no hook or write threw (the plugin chain counts what escapes) and that every
 * packet fed is counted in an exported flow.
 */
public final class PluginFuzzer
{
    private static final FlowCacheConfig CONFIG = new FlowCacheConfig(10, 4, 300, 30, false, true, 1009, 3);
    private static final int[] ABSURD_SHORTS = {0xFFFF, 0x0000, 0x8000, 0x7FFF, 0xC00C, 0xC000, 0xC0FF, 0x3F3F, 0x0001};

    private final List<CaptureFrames.Frame> frames = new ArrayList<>();
    private final List<Integer> payloadOffsets = new ArrayList<>();
    private final PluginChain chain;
    private final FlowCache cache;
    private final PacketParser parser = new PacketParser();
    private final PacketView view = new PacketView();
    private final RecordWriter writer = new RecordWriter();
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[1 << 17]);
    private final Random random;
    private long packetsFed;
    private long packetsExported;
    private long recordsWithData;

    public PluginFuzzer(final IntFunction<ProcessPlugin> plugin, final long seed)
    {
        this.random = new Random(seed);
        this.chain = new PluginChain(List.of(plugin.apply(CONFIG.capacity())));
        this.cache = new FlowCache(CONFIG, (table, slot, reason) ->
        {
            packetsExported += table.forwardPackets(slot) + table.reversePackets(slot);
            final int mask = chain.dataMask(slot);
            if (mask != 0)
            {
                recordsWithData++;
                chain.write(slot, mask, writer.wrap(record, 0, record.capacity()));
            }
        }, chain);
    }

    /** Adds the frames of a bundled capture that carry payload. */
    public PluginFuzzer frames(final String capture)
    {
        for (final CaptureFrames.Frame frame : CaptureFrames.read(capture))
        {
            addFrame(frame);
        }
        return this;
    }

    /** Adds frames made by the test. */
    public PluginFuzzer frames(final List<byte[]> made)
    {
        int number = 1;
        for (final byte[] bytes : made)
        {
            addFrame(new CaptureFrames.Frame(number++, bytes, bytes.length, 1_600_000_000_000_000_000L, 1));
        }
        return this;
    }

    private void addFrame(final CaptureFrames.Frame frame)
    {
        if (parser.parse(view, new UnsafeBuffer(frame.bytes()), 0, frame.bytes().length, frame.wireLength(),
            frame.timestampNs(), frame.linkType(), 0) && view.payloadLength() > 0)
        {
            frames.add(frame);
            payloadOffsets.add(view.payloadOffset());
        }
    }

    /** Runs every kind of damage; {@code rounds} random cases of each random kind. */
    public PluginFuzzer run(final int rounds)
    {
        if (frames.isEmpty())
        {
            throw new AssertionError("no frames with payload to fuzz");
        }
        truncations();
        for (int i = 0; i < rounds; i++)
        {
            single(this::flipBits);
            single(this::absurdLengths);
        }
        for (int i = 0; i < Math.max(1, rounds / 20); i++)
        {
            wholeCapture();
        }
        return this;
    }

    private void truncations()
    {
        for (int f = 0; f < frames.size(); f++)
        {
            final CaptureFrames.Frame frame = frames.get(f);
            for (int cut = payloadOffsets.get(f); cut <= frame.bytes().length; cut++)
            {
                feed(frame, java.util.Arrays.copyOf(frame.bytes(), cut), cut);
                cache.flushAll(FlowEndReason.FORCED_END);
            }
        }
    }

    private interface Damage
    {
        void apply(byte[] bytes, int payloadOffset);
    }

    private void single(final Damage damage)
    {
        final int f = random.nextInt(frames.size());
        final CaptureFrames.Frame frame = frames.get(f);
        final byte[] bytes = frame.bytes().clone();
        damage.apply(bytes, payloadOffsets.get(f));
        feed(frame, bytes, bytes.length);
        cache.flushAll(FlowEndReason.FORCED_END);
    }

    private void wholeCapture()
    {
        for (int f = 0; f < frames.size(); f++)
        {
            final CaptureFrames.Frame frame = frames.get(f);
            final byte[] bytes = frame.bytes().clone();
            if (random.nextBoolean())
            {
                flipBits(bytes, payloadOffsets.get(f));
            }
            else
            {
                absurdLengths(bytes, payloadOffsets.get(f));
            }
            feed(frame, bytes, bytes.length);
        }
        cache.flushAll(FlowEndReason.FORCED_END);
    }

    private void flipBits(final byte[] bytes, final int payloadOffset)
    {
        final int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++)
        {
            final int at = payloadOffset + random.nextInt(bytes.length - payloadOffset);
            bytes[at] ^= (byte)(1 << random.nextInt(8));
        }
    }

    private void absurdLengths(final byte[] bytes, final int payloadOffset)
    {
        final int writes = 1 + random.nextInt(4);
        for (int i = 0; i < writes; i++)
        {
            final int span = bytes.length - payloadOffset;
            final int at = payloadOffset + random.nextInt(span);
            final int value = ABSURD_SHORTS[random.nextInt(ABSURD_SHORTS.length)];
            bytes[at] = (byte)(value >>> 8);
            if (at + 1 < bytes.length)
            {
                bytes[at + 1] = (byte)value;
            }
        }
    }

    private void feed(final CaptureFrames.Frame frame, final byte[] bytes, final int capturedLength)
    {
        if (parser.parse(view, new UnsafeBuffer(bytes), 0, capturedLength, frame.wireLength(), frame.timestampNs(),
            frame.linkType(), 0))
        {
            packetsFed++;
            cache.onPacket(view);
        }
    }

    /** Fails when a hook or write threw, or a packet fed is not in an exported flow. */
    public void check()
    {
        if (chain.failures(0) != 0)
        {
            throw new AssertionError(chain.failures(0) + " exceptions escaped the plugin; the first:",
                chain.firstFailure(0));
        }
        if (packetsExported != packetsFed)
        {
            throw new AssertionError(packetsFed + " packets fed but " + packetsExported + " exported in flows");
        }
        if (recordsWithData == 0)
        {
            throw new AssertionError("no damaged packet ever gave the plugin's fields: the fuzz did not reach the parser");
        }
    }

    public long packetsFed()
    {
        return packetsFed;
    }

    public long recordsWithData()
    {
        return recordsWithData;
    }
}
