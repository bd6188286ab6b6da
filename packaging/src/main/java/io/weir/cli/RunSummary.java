package io.weir.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.weir.core.capture.CaptureFileSequence;
import io.weir.core.capture.CaptureStatistics;
import io.weir.core.decode.SkipReason;
import io.weir.core.flow.FlowCache;
import io.weir.core.flow.FlowEndReason;
import io.weir.core.pipeline.CaptureWorker;
import io.weir.core.pipeline.ExporterAgent;
import io.weir.core.pipeline.FlowRecordEncoder;
import io.weir.core.pipeline.RecordSink;
import io.weir.core.plugin.PluginChain;

/**
 * The end-of-run summary on stderr: packets read and where each went (into a flow, or skipped
 * and why), flows created and how they ended, records written and anything dropped or lost.
 * With several workers the figures are totals; live capture adds the kernel's counters, so
 * that every packet the kernel had is accounted for: dropped by it, left unread at stop, or read.
 */
final class RunSummary
{
    private RunSummary()
    {
    }

    /** Offline: one worker reading capture files. */
    static void print(final PrintStream err, final CaptureWorker worker, final CaptureFileSequence files,
                      final ExporterAgent exporter, final ConsoleProblems problems, final long elapsedNs,
                      final List<RecordSink> outputs)
    {
        print(err, List.of(worker), files.filesRead() + (files.filesRead() == 1 ? " file" : " files"), files.recordsLost(),
            exporter, problems, elapsedNs, outputs);
    }

    /**
     * @param input        what was read, for the first line ("3 files", "interface eth0")
     * @param recordsLost  damaged capture file records not read
     */
    static void print(final PrintStream err, final List<CaptureWorker> workers, final String input,
                      final long recordsLost, final ExporterAgent exporter, final ConsoleProblems problems,
                      final long elapsedNs, final List<RecordSink> outputs)
    {
        final double seconds = elapsedNs / 1e9;
        long packets = 0;
        long bytes = 0;
        long ipBytes = 0;
        long intoFlows = 0;
        long skipped = 0;
        long fragmentsMatched = 0;
        long fragmentsUnmatched = 0;
        long flowsCreated = 0;
        long records = 0;
        long recordsDropped = 0;
        long recordsTooLarge = 0;
        long notSampled = 0;
        final long[] byReason = new long[FlowEndReason.MAX + 1];
        final long[] bySkipReason = new long[SkipReason.values().length];
        final Map<Integer, Long> etherTypes = new TreeMap<>();
        final Map<Integer, Long> linkTypes = new TreeMap<>();
        for (final CaptureWorker worker : workers)
        {
            final FlowCache cache = worker.cache();
            final FlowRecordEncoder encoder = worker.encoder();
            packets += worker.packetsRead();
            bytes += worker.bytesRead();
            ipBytes += worker.ipBytes();
            intoFlows += cache.packets();
            skipped += worker.parseCounters().skippedTotal();
            for (final SkipReason reason : SkipReason.values())
            {
                bySkipReason[reason.ordinal()] += worker.parseCounters().skipped(reason);
            }
            worker.parseCounters().nonIpEtherTypes().forEach((key, value) -> etherTypes.merge(key, value, Long::sum));
            worker.parseCounters().unsupportedLinkTypes().forEach((key, value) -> linkTypes.merge(key, value, Long::sum));
            fragmentsMatched += cache.fragmentsMatched();
            fragmentsUnmatched += cache.fragmentsUnmatched();
            flowsCreated += cache.flowsCreated();
            records += encoder.records();
            recordsDropped += encoder.recordsDropped();
            recordsTooLarge += encoder.recordsTooLarge();
            notSampled += worker.packetsNotSampled();
            for (int reason = 1; reason <= FlowEndReason.MAX; reason++)
            {
                byReason[reason] += encoder.records(reason);
            }
        }

        err.printf("weir: %d packets (%d bytes) read from %s in %.3f s, %s packets/s%n",
            packets, bytes, input, seconds, rate(packets / Math.max(seconds, 1e-9)));

        final StringBuilder line = new StringBuilder();
        line.append(String.format("weir:   %d into flows (%d IP bytes), %d skipped", intoFlows, ipBytes, skipped));
        String separator = ": ";
        for (final SkipReason reason : SkipReason.values())
        {
            final long count = bySkipReason[reason.ordinal()];
            if (count == 0)
            {
                continue;
            }
            line.append(separator).append(reason.description()).append(' ').append(count);
            separator = ", ";
            if (reason == SkipReason.NON_IP)
            {
                line.append(breakdown(etherTypes, "EtherType 0x%04x"));
            }
            else if (reason == SkipReason.UNSUPPORTED_LINK_TYPE)
            {
                line.append(breakdown(linkTypes, "link type %d"));
            }
        }
        err.println(line);

        if (notSampled > 0 || workers.get(0).samplingInterval() > 1)
        {
            err.printf("weir:   sampling 1 in %d packets: %d not sampled%n", workers.get(0).samplingInterval(), notSampled);
        }

        if (fragmentsMatched + fragmentsUnmatched > 0)
        {
            err.printf("weir:   IP fragments without ports: %d joined their flow, %d had no first fragment%n",
                fragmentsMatched, fragmentsUnmatched);
        }

        line.setLength(0);
        line.append(String.format("weir:   %d flows created, %d exported", flowsCreated, records));
        separator = ": ";
        for (int reason = 1; reason <= FlowEndReason.MAX; reason++)
        {
            line.append(separator).append(FlowEndReason.name(reason)).append(' ').append(byReason[reason]);
            separator = ", ";
        }
        err.println(line);

        final long dropped = recordsDropped + recordsTooLarge + exporter.recordsLost();
        err.printf("weir:   %d records to %s; %d dropped%s%n", exporter.recordsReceived() - exporter.recordsLost(),
            describe(outputs), dropped, dropped == 0 ? "" : String.format(" (%d with no output left, %d too large, %d after output failed)",
                recordsDropped, recordsTooLarge, exporter.recordsLost()));

        for (final RecordSink output : outputs)
        {
            if (output.recordsNotDelivered() > 0)
            {
                err.printf("weir:   %s: %d records not delivered (see the warnings above)%n", output.describe(),
                    output.recordsNotDelivered());
            }
        }
        printKernel(err, workers);
        if (workers.size() > 1)
        {
            line.setLength(0);
            line.append("weir:   workers:");
            separator = " ";
            for (final CaptureWorker worker : workers)
            {
                line.append(separator).append(worker.roleName()).append(' ').append(worker.packetsRead()).append(" packets")
                    .append(" (").append(worker.source().describe()).append(')');
                separator = ", ";
            }
            err.println(line);
        }

        final PluginChain plugins = workers.get(0).plugins();
        for (int i = 0; i < plugins.size(); i++)
        {
            long failures = 0;
            long oversized = 0;
            RuntimeException first = null;
            for (final CaptureWorker worker : workers)
            {
                failures += worker.plugins().failures(i);
                oversized += worker.plugins().oversized(i);
                if (first == null)
                {
                    first = worker.plugins().firstFailure(i);
                }
            }
            if (failures > 0 || oversized > 0)
            {
                err.printf("weir:   plugin %s: %d failure%s (first: %s), %d record%s without its fields (too large)%n",
                    plugins.plugin(i).name(), failures, failures == 1 ? "" : "s", first, oversized,
                    oversized == 1 ? "" : "s");
            }
        }
        if (exporter.readerGone())
        {
            err.println("weir:   stopped early: the reader of the output closed it");
        }
        if (problems.warnings() > 0 || problems.unusable() > 0 || recordsLost > 0)
        {
            err.printf("weir:   input problems: %d warning%s, %d unusable file%s, %d damaged record%s not read%n",
                problems.warnings(), problems.warnings() == 1 ? "" : "s",
                problems.unusable(), problems.unusable() == 1 ? "" : "s",
                recordsLost, recordsLost == 1 ? "" : "s");
        }
    }

    private static String describe(final List<RecordSink> outputs)
    {
        final List<String> descriptions = new java.util.ArrayList<>();
        for (final RecordSink output : outputs)
        {
            descriptions.add(output.describe());
        }
        return String.join(", ", descriptions);
    }

    private static void printKernel(final PrintStream err, final List<CaptureWorker> workers)
    {
        long received = 0;
        long dropped = 0;
        long freezes = 0;
        long interfaceDropped = 0;
        long unread = 0;
        boolean live = false;
        for (final CaptureWorker worker : workers)
        {
            if (worker.source() instanceof CaptureStatistics)
            {
                final CaptureStatistics statistics = (CaptureStatistics)worker.source();
                live = true;
                received += statistics.received();
                dropped += statistics.dropped();
                freezes += statistics.queueFreezes();
                interfaceDropped += statistics.interfaceDropped();
                unread += statistics.unreadAtClose();
            }
        }
        if (live)
        {
            err.printf("weir:   kernel: %d packets received, %d dropped (buffer full), %d queue freezes,"
                + " %d dropped by the interface; %d left unread at stop%n",
                received, dropped, freezes, interfaceDropped, unread);
        }
    }

    private static String breakdown(final Map<Integer, Long> counts, final String format)
    {
        final StringBuilder out = new StringBuilder(" (");
        String separator = "";
        for (final Map.Entry<Integer, Long> entry : counts.entrySet())
        {
            out.append(separator).append(String.format(format, entry.getKey())).append(": ").append(entry.getValue());
            separator = ", ";
        }
        return out.append(')').toString();
    }

    private static String rate(final double perSecond)
    {
        if (perSecond >= 1e6)
        {
            return String.format("%.2f M", perSecond / 1e6);
        }
        if (perSecond >= 1e3)
        {
            return String.format("%.1f k", perSecond / 1e3);
        }
        return String.format("%.0f", perSecond);
    }
}
