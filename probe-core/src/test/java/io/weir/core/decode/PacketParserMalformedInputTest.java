package io.weir.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import io.weir.core.capture.LinkType;
import io.weir.core.decode.CraftedFrames.Crafted;
import org.junit.jupiter.api.Test;

/**
 * Malformed input: every truncation of well-formed frames, bit flips and random bytes. The parser
 * must never throw, never let bytes outside the captured frame change its answer (see
 * {@link GuardedParse}), and either decode sane values or skip with the reason that matches the
 * layer where the frame was cut.
 */
class PacketParserMalformedInputTest
{
    private static final long SEED = 0x5EED_2024L;
    private static final int[] LINK_TYPES = {LinkType.NULL, LinkType.ETHERNET, LinkType.RAW, LinkType.LOOP,
        LinkType.LINUX_SLL, LinkType.IPV4, LinkType.IPV6, LinkType.LINUX_SLL2, 105, 9, -1};
    private static final Set<String> CHANGED_BY_CUT = Set.of(
        "capturedLength", "payloadOffset", "payloadLength", "tcpOptions", "tcpMss", "icmpType", "icmpCode");
    private static final Set<SkipReason> TRUNCATION = EnumSet.of(SkipReason.TRUNCATED_LINK_HEADER,
        SkipReason.TRUNCATED_IP_HEADER, SkipReason.BAD_IPV6_EXTENSION_HEADERS, SkipReason.TRUNCATED_TRANSPORT_HEADER);

    private final GuardedParse guarded = new GuardedParse();
    private final Map<SkipReason, Integer> reasonsSeen = new EnumMap<>(SkipReason.class);

    @Test
    void everyTruncationOfCraftedFramesIsSkippedForTheLayerItCuts()
    {
        int cuts = 0;
        for (final Crafted crafted : CraftedFrames.all())
        {
            cuts += checkEveryTruncation(crafted.toString(), crafted.linkType(), crafted.frame(), crafted.frame().length);
        }
        assertTrue(cuts > 4000, "cuts: " + cuts);
        final Set<SkipReason> truncationsMet = EnumSet.noneOf(SkipReason.class);
        truncationsMet.addAll(reasonsSeen.keySet());
        truncationsMet.retainAll(TRUNCATION);
        assertEquals(TRUNCATION, truncationsMet, "every truncation reason is met by some cut");
    }

    @Test
    void everyTruncationOfBundledCapturePacketsIsSkippedForTheLayerItCuts()
    {
        int cuts = 0;
        for (final Path capture : PcapFiles.bundledCaptures())
        {
            for (final PcapFiles.Packet packet : PcapFiles.read(capture))
            {
                cuts += checkEveryTruncation(capture.getFileName() + "#" + packet.number(), packet.linkType(),
                    packet.bytes(), packet.wireLength());
            }
        }
        assertTrue(cuts > 400_000, "cuts: " + cuts);
    }

    @Test
    void bitFlippedBundledPacketsNeverReadOutsideTheFrame()
    {
        final Random random = new Random(SEED);
        int mutants = 0;
        for (final Path capture : PcapFiles.bundledCaptures())
        {
            for (final PcapFiles.Packet packet : PcapFiles.read(capture))
            {
                for (int i = 0; i < 25; i++)
                {
                    mutate(capture.getFileName() + "#" + packet.number(), packet.linkType(), packet.bytes(),
                        packet.wireLength(), random);
                    mutants++;
                }
            }
        }
        assertTrue(mutants > 50_000, "mutants: " + mutants);
        assertTrue(reasonsSeen.size() >= 6, "skip reasons met: " + reasonsSeen);
    }

    @Test
    void bitFlippedCraftedFramesNeverReadOutsideTheFrame()
    {
        final Random random = new Random(SEED + 1);
        for (final Crafted crafted : CraftedFrames.all())
        {
            for (int i = 0; i < 2_000; i++)
            {
                mutate(crafted.toString(), crafted.linkType(), crafted.frame(), crafted.frame().length, random);
            }
        }
        assertEquals(EnumSet.allOf(SkipReason.class), EnumSet.copyOf(reasonsSeen.keySet()),
            "every skip reason is met by some mutant");
    }

    @Test
    void randomBytesUnderEveryLinkTypeNeverReadOutsideTheFrame()
    {
        final Random random = new Random(SEED + 2);
        for (int i = 0; i < 20_000; i++)
        {
            final byte[] frame = new byte[random.nextInt(160)];
            random.nextBytes(frame);
            for (final int linkType : LINK_TYPES)
            {
                final int wireLength = random.nextBoolean() ? frame.length : random.nextInt(70_000);
                record(guarded.parse("random " + i + " link type " + linkType, linkType, frame, frame.length,
                    wireLength));
            }
        }
    }

    private void mutate(final String origin, final int linkType, final byte[] original, final int wireLength,
                        final Random random)
    {
        final byte[] frame = original.clone();
        final int flips = 1 + random.nextInt(4);
        final StringBuilder what = new StringBuilder(origin).append(" flipped");
        for (int flip = 0; flip < flips && frame.length > 0; flip++)
        {
            final int range = random.nextInt(10) < 8 ? Math.min(frame.length, 96) : frame.length;
            final int index = random.nextInt(range);
            final int bit = random.nextInt(8);
            frame[index] ^= (byte)(1 << bit);
            what.append(' ').append(index).append('.').append(bit);
        }
        final int captured = random.nextInt(4) == 0 ? random.nextInt(frame.length + 1) : frame.length;
        final int wire = random.nextInt(10) == 0 ? random.nextInt(2 * frame.length + 1) : wireLength;
        final int type = random.nextInt(10) == 0 ? LINK_TYPES[random.nextInt(LINK_TYPES.length)] : linkType;
        what.append(" captured ").append(captured).append(" wire ").append(wire).append(" link type ").append(type);
        record(guarded.parse(what.toString(), type, frame, captured, wire));
    }

    private void record(final Map<String, Object> snapshot)
    {
        if (!(Boolean)snapshot.get(GuardedParse.RESULT))
        {
            reasonsSeen.merge((SkipReason)snapshot.get("skipReason"), 1, Integer::sum);
        }
    }

    /** @return the number of cuts checked */
    private int checkEveryTruncation(final String what, final int linkType, final byte[] frame, final int wireLength)
    {
        final Map<String, Object> full = guarded.parse(what, linkType, frame, frame.length, wireLength);
        for (int cut = 0; cut < frame.length; cut++)
        {
            final String where = what + " cut at " + cut;
            final Map<String, Object> truncated = guarded.parse(where, linkType, frame, cut, wireLength);
            record(truncated);
            if ((Boolean)full.get(GuardedParse.RESULT))
            {
                checkCutOfParsedFrame(where, full, truncated, cut);
            }
            else
            {
                assertEquals(false, truncated.get(GuardedParse.RESULT), where);
                final SkipReason reason = (SkipReason)truncated.get("skipReason");
                assertTrue(reason == full.get("skipReason") || TRUNCATION.contains(reason),
                    where + ": " + reason + " where the whole frame gives " + full.get("skipReason"));
            }
        }
        return frame.length;
    }

    private static void checkCutOfParsedFrame(final String where, final Map<String, Object> full,
                                              final Map<String, Object> truncated, final int cut)
    {
        final int l3 = (Integer)full.get("l3Offset");
        final int l4 = (Integer)full.get("l4Offset");
        final int version = (Integer)full.get("ipVersion");
        final int protocol = (Integer)full.get("protocol");
        final boolean firstFragment = (Integer)full.get("fragmentOffset") == 0;
        final int transportMinimum = !firstFragment ? 0
            : protocol == Layers.TCP ? 20 : protocol == Layers.UDP ? 8 : protocol == Layers.SCTP ? 12 : 0;

        final Set<SkipReason> expected;
        if (cut < l3)
        {
            // The byte after an MPLS label stack says what follows it; without it, the parser takes it for IP.
            expected = (Integer)full.get("mplsTopEntry") != 0
                ? EnumSet.of(SkipReason.TRUNCATED_LINK_HEADER, SkipReason.TRUNCATED_IP_HEADER)
                : EnumSet.of(SkipReason.TRUNCATED_LINK_HEADER);
        }
        else if (cut < l4)
        {
            expected = version == 4 || cut < l3 + 40
                ? EnumSet.of(SkipReason.TRUNCATED_IP_HEADER) : EnumSet.of(SkipReason.BAD_IPV6_EXTENSION_HEADERS);
        }
        else if (cut < l4 + transportMinimum)
        {
            expected = EnumSet.of(SkipReason.TRUNCATED_TRANSPORT_HEADER);
        }
        else
        {
            expected = null;
        }

        if (expected != null)
        {
            assertEquals(false, truncated.get(GuardedParse.RESULT), where);
            assertTrue(expected.contains((SkipReason)truncated.get("skipReason")),
                where + ": expected " + expected + ", got " + truncated.get("skipReason"));
            return;
        }

        assertEquals(true, truncated.get(GuardedParse.RESULT), where + " " + truncated.get("skipReason"));
        final List<String> changed = new ArrayList<>();
        for (final Map.Entry<String, Object> entry : full.entrySet())
        {
            if (!CHANGED_BY_CUT.contains(entry.getKey()) && !Objects.equals(entry.getValue(), truncated.get(entry.getKey())))
            {
                changed.add(entry.getKey() + " " + entry.getValue() + " -> " + truncated.get(entry.getKey()));
            }
        }
        assertEquals(List.of(), changed, where + ": values of layers captured whole changed");
        assertEquals(cut, truncated.get("capturedLength"), where);

        final int fullPayload = (Integer)full.get("payloadOffset");
        final int ipEnd = fullPayload + (Integer)full.get("payloadLength");
        final int payload = Math.min(fullPayload, cut);
        assertEquals(payload, truncated.get("payloadOffset"), where);
        assertEquals(Math.max(0, Math.min(cut, ipEnd) - payload), truncated.get("payloadLength"), where);

        final long fullOptions = (Long)full.get("tcpOptions");
        final long options = (Long)truncated.get("tcpOptions");
        if (cut >= fullPayload)
        {
            assertEquals(fullOptions, options, where);
            assertEquals(full.get("tcpMss"), truncated.get("tcpMss"), where);
        }
        else
        {
            assertEquals(0, options & ~fullOptions, where + ": option bits not in the whole frame");
            assertTrue(truncated.get("tcpMss").equals(0) || truncated.get("tcpMss").equals(full.get("tcpMss")), where);
        }
        final boolean icmpCaptured = cut >= l4 + 2;
        assertEquals(icmpCaptured ? full.get("icmpType") : 0, truncated.get("icmpType"), where);
        assertEquals(icmpCaptured ? full.get("icmpCode") : 0, truncated.get("icmpCode"), where);
    }
}
