package io.weir.e2e;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.weir.core.decode.SkipReason;

/** The end-of-run summary weir prints on stderr, parsed back into numbers. */
record WeirSummary(
    long packetsRead,
    long bytesRead,
    int filesRead,
    long packetsIntoFlows,
    long ipBytes,
    long packetsSkipped,
    Map<SkipReason, Long> skipped,
    Map<Integer, Long> nonIpEtherTypes,
    Map<Integer, Long> unsupportedLinkTypes,
    long flowsCreated,
    long flowsExported,
    Map<String, Long> flowEndReasons,
    long recordsWritten,
    long recordsDropped)
{
    private static final Pattern READ = Pattern.compile(
        "^weir: (\\d+) packets \\((\\d+) bytes\\) read from (\\d+) files? in [0-9.]+ s, .* packets/s$", Pattern.MULTILINE);
    private static final Pattern INTO_FLOWS = Pattern.compile(
        "^weir:   (\\d+) into flows \\((\\d+) IP bytes\\), (\\d+) skipped(?:: (.*))?$", Pattern.MULTILINE);
    private static final Pattern FLOWS = Pattern.compile(
        "^weir:   (\\d+) flows created, (\\d+) exported: (.*)$", Pattern.MULTILINE);
    private static final Pattern END_REASON = Pattern.compile("([a-z][a-z ]*) (\\d+)");
    private static final Pattern RECORDS = Pattern.compile(
        "^weir:   (\\d+) records to .*; (\\d+) dropped.*$", Pattern.MULTILINE);
    private static final Pattern BREAKDOWN_ENTRY = Pattern.compile("(?:EtherType 0x([0-9a-f]{4})|link type (\\d+)): (\\d+)");

    static boolean isSummaryLine(final String line)
    {
        return line.startsWith("weir:   ") || READ.matcher(line).matches();
    }

    static WeirSummary parse(final String stderr)
    {
        final Matcher read = find(READ, stderr);
        final Matcher into = find(INTO_FLOWS, stderr);
        final Matcher flows = find(FLOWS, stderr);
        final Matcher records = find(RECORDS, stderr);
        final Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
        final Map<Integer, Long> etherTypes = new TreeMap<>();
        final Map<Integer, Long> linkTypes = new TreeMap<>();
        if (into.group(4) != null)
        {
            parseReasons(into.group(4), skipped, etherTypes, linkTypes);
        }
        return new WeirSummary(
            Long.parseLong(read.group(1)), Long.parseLong(read.group(2)), Integer.parseInt(read.group(3)),
            Long.parseLong(into.group(1)), Long.parseLong(into.group(2)), Long.parseLong(into.group(3)),
            skipped, etherTypes, linkTypes,
            Long.parseLong(flows.group(1)), Long.parseLong(flows.group(2)), endReasons(flows.group(3)),
            Long.parseLong(records.group(1)), Long.parseLong(records.group(2)));
    }

    private static Map<String, Long> endReasons(final String text)
    {
        final Map<String, Long> reasons = new TreeMap<>();
        for (final String item : text.split(", "))
        {
            final Matcher matcher = END_REASON.matcher(item);
            if (!matcher.matches())
            {
                throw new IllegalArgumentException("bad flow end reason '" + item + "' in: " + text);
            }
            reasons.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        return reasons;
    }

    private static Matcher find(final Pattern pattern, final String stderr)
    {
        final Matcher matcher = pattern.matcher(stderr);
        if (!matcher.find())
        {
            throw new IllegalArgumentException("no summary line matching " + pattern + " in:\n" + stderr);
        }
        return matcher;
    }

    /** "reason N (breakdown), reason N": reason descriptions may themselves hold parentheses and commas. */
    private static void parseReasons(final String text, final Map<SkipReason, Long> skipped,
                                     final Map<Integer, Long> etherTypes, final Map<Integer, Long> linkTypes)
    {
        int at = 0;
        while (at < text.length())
        {
            SkipReason reason = null;
            for (final SkipReason candidate : SkipReason.values())
            {
                if (text.startsWith(candidate.description() + " ", at))
                {
                    reason = candidate;
                    break;
                }
            }
            if (reason == null)
            {
                throw new IllegalArgumentException("unknown skip reason at " + at + " in: " + text);
            }
            at += reason.description().length() + 1;
            int end = at;
            while (end < text.length() && Character.isDigit(text.charAt(end)))
            {
                end++;
            }
            skipped.put(reason, Long.parseLong(text.substring(at, end)));
            at = end;
            if (text.startsWith(" (", at))
            {
                final int close = text.indexOf(')', at);
                final Matcher entry = BREAKDOWN_ENTRY.matcher(text.substring(at + 2, close));
                while (entry.find())
                {
                    if (entry.group(1) != null)
                    {
                        etherTypes.put(Integer.parseInt(entry.group(1), 16), Long.parseLong(entry.group(3)));
                    }
                    else
                    {
                        linkTypes.put(Integer.parseInt(entry.group(2)), Long.parseLong(entry.group(3)));
                    }
                }
                at = close + 1;
            }
            if (text.startsWith(", ", at))
            {
                at += 2;
            }
            else if (at != text.length())
            {
                throw new IllegalArgumentException("unexpected text at " + at + " in: " + text);
            }
        }
    }
}
