package io.weir.cli;

import java.io.PrintStream;
import java.util.Map;

import io.weir.core.capture.CaptureFileSequence;
import io.weir.core.decode.ParseCounters;
import io.weir.core.decode.SkipReason;
import io.weir.core.flow.FlowCache;
import io.weir.core.flow.FlowEndReason;
import io.weir.core.pipeline.CaptureWorker;
import io.weir.core.pipeline.ExporterAgent;
import io.weir.core.pipeline.FlowRecordEncoder;
import io.weir.core.plugin.PluginChain;

/**
 * The end-of-run summary on stderr: packets read and where each went (into a flow, or skipped
 * and why), flows created and how they ended, records written and anything dropped or lost.
 */
final class RunSummary
{
    private RunSummary()
    {
    }

    static void print(final PrintStream err, final CaptureWorker worker, final CaptureFileSequence files,
                      final ExporterAgent exporter, final ConsoleProblems problems, final long elapsedNs,
                      final String outputs)
    {
        final double seconds = elapsedNs / 1e9;
        final long packets = worker.packetsRead();
        final FlowCache cache = worker.cache();
        final ParseCounters parse = worker.parseCounters();
        final FlowRecordEncoder encoder = worker.encoder();

        err.printf("weir: %d packets (%d bytes) read from %d file%s in %.3f s, %s packets/s%n",
            packets, worker.bytesRead(), files.filesRead(), files.filesRead() == 1 ? "" : "s", seconds,
            rate(packets / Math.max(seconds, 1e-9)));

        final StringBuilder line = new StringBuilder();
        line.append(String.format("weir:   %d into flows (%d IP bytes), %d skipped", cache.packets(),
            worker.ipBytes(), parse.skippedTotal()));
        String separator = ": ";
        for (final SkipReason reason : SkipReason.values())
        {
            final long count = parse.skipped(reason);
            if (count == 0)
            {
                continue;
            }
            line.append(separator).append(reason.description()).append(' ').append(count);
            separator = ", ";
            if (reason == SkipReason.NON_IP)
            {
                line.append(breakdown(parse.nonIpEtherTypes(), "EtherType 0x%04x"));
            }
            else if (reason == SkipReason.UNSUPPORTED_LINK_TYPE)
            {
                line.append(breakdown(parse.unsupportedLinkTypes(), "link type %d"));
            }
        }
        err.println(line);

        if (cache.fragmentsMatched() + cache.fragmentsUnmatched() > 0)
        {
            err.printf("weir:   IP fragments without ports: %d joined their flow, %d had no first fragment%n",
                cache.fragmentsMatched(), cache.fragmentsUnmatched());
        }

        line.setLength(0);
        line.append(String.format("weir:   %d flows created, %d exported", cache.flowsCreated(), encoder.records()));
        separator = ": ";
        for (int reason = 1; reason <= FlowEndReason.MAX; reason++)
        {
            line.append(separator).append(FlowEndReason.name(reason)).append(' ').append(encoder.records(reason));
            separator = ", ";
        }
        err.println(line);

        final long dropped = encoder.recordsDropped() + encoder.recordsTooLarge() + exporter.recordsLost();
        err.printf("weir:   %d records to %s; %d dropped%s%n", exporter.recordsReceived() - exporter.recordsLost(),
            outputs, dropped, dropped == 0 ? "" : String.format(" (%d with no output left, %d too large, %d after output failed)",
                encoder.recordsDropped(), encoder.recordsTooLarge(), exporter.recordsLost()));

        final PluginChain plugins = worker.plugins();
        for (int i = 0; i < plugins.size(); i++)
        {
            if (plugins.failures(i) > 0 || plugins.oversized(i) > 0)
            {
                err.printf("weir:   plugin %s: %d failure%s (first: %s), %d record%s without its fields (too large)%n",
                    plugins.plugin(i).name(), plugins.failures(i), plugins.failures(i) == 1 ? "" : "s",
                    plugins.firstFailure(i), plugins.oversized(i), plugins.oversized(i) == 1 ? "" : "s");
            }
        }
        if (exporter.readerGone())
        {
            err.println("weir:   stopped early: the reader of the output closed it");
        }
        if (problems.warnings() > 0 || problems.unusable() > 0 || files.recordsLost() > 0)
        {
            err.printf("weir:   input problems: %d warning%s, %d unusable file%s, %d damaged record%s not read%n",
                problems.warnings(), problems.warnings() == 1 ? "" : "s",
                problems.unusable(), problems.unusable() == 1 ? "" : "s",
                files.recordsLost(), files.recordsLost() == 1 ? "" : "s");
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
