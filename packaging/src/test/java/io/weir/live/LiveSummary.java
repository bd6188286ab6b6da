package io.weir.live;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The figures of weir's end-of-run summary that live tests check, parsed from its stderr. */
record LiveSummary(long packetsRead, long intoFlows, long skipped, long notSampled, long recordsWritten,
                   long recordsDropped, long kernelReceived, long kernelDropped, long unreadAtStop,
                   Map<String, Long> packetsPerWorker)
{
    private static final Pattern READ = Pattern.compile("^weir: (\\d+) packets \\(\\d+ bytes\\) read from ", Pattern.MULTILINE);
    private static final Pattern INTO = Pattern.compile("^weir:   (\\d+) into flows \\(\\d+ IP bytes\\), (\\d+) skipped",
        Pattern.MULTILINE);
    private static final Pattern SAMPLING = Pattern.compile("^weir:   sampling 1 in \\d+ packets: (\\d+) not sampled$",
        Pattern.MULTILINE);
    private static final Pattern RECORDS = Pattern.compile("^weir:   (\\d+) records to .*; (\\d+) dropped", Pattern.MULTILINE);
    private static final Pattern KERNEL = Pattern.compile(
        "^weir:   kernel: (\\d+) packets received, (\\d+) dropped \\(buffer full\\), \\d+ queue freezes,"
            + " \\d+ dropped by the interface; (\\d+) left unread at stop$", Pattern.MULTILINE);
    private static final Pattern WORKERS = Pattern.compile("^weir:   workers: (.*)$", Pattern.MULTILINE);
    private static final Pattern WORKER = Pattern.compile("(worker-\\d+) (\\d+) packets");

    static LiveSummary parse(final String stderr)
    {
        final Matcher read = find(READ, stderr);
        final Matcher into = find(INTO, stderr);
        final Matcher records = find(RECORDS, stderr);
        final Matcher kernel = find(KERNEL, stderr);
        final Matcher sampling = SAMPLING.matcher(stderr);
        final Map<String, Long> perWorker = new LinkedHashMap<>();
        final Matcher workers = WORKERS.matcher(stderr);
        if (workers.find())
        {
            final Matcher worker = WORKER.matcher(workers.group(1));
            while (worker.find())
            {
                perWorker.put(worker.group(1), Long.parseLong(worker.group(2)));
            }
        }
        return new LiveSummary(Long.parseLong(read.group(1)), Long.parseLong(into.group(1)), Long.parseLong(into.group(2)),
            sampling.find() ? Long.parseLong(sampling.group(1)) : 0,
            Long.parseLong(records.group(1)), Long.parseLong(records.group(2)),
            Long.parseLong(kernel.group(1)), Long.parseLong(kernel.group(2)), Long.parseLong(kernel.group(3)), perWorker);
    }

    private static Matcher find(final Pattern pattern, final String text)
    {
        final Matcher matcher = pattern.matcher(text);
        if (!matcher.find())
        {
            throw new AssertionError("no summary line matching " + pattern + " in:\n" + text);
        }
        return matcher;
    }
}
