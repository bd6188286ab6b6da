package io.weir.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 2: two raw inputs on one interface form a PACKET_FANOUT group (hash mode). Every
 * packet is read once, by one of the two workers, and both directions of each biflow reach the
 * same worker: the records of the two-worker run are exactly those of a one-worker run over the
 * same traffic, direction and counters included. A biflow split between workers would show as
 * two records where one run has one, each with one direction only.
 */
class FanoutTest
{
    @TempDir
    Path dir;

    @Test
    void twoWorkersSeeEveryPacketOnceAndKeepBiflowsTogether() throws Exception
    {
        final List<Path> captures = LiveTesting.sendableCaptures(dir);
        final Run single = run(captures, "single", 1);
        final Run pair = run(captures, "pair", 2);

        assertEquals(single.sent(), pair.summary().packetsRead(), "every packet read once");
        assertEquals(pair.sent(), pair.summary().packetsPerWorker().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(2, pair.summary().packetsPerWorker().size());
        for (final long packets : pair.summary().packetsPerWorker().values())
        {
            assertTrue(packets > 0, () -> "a worker got no packets: " + pair.summary().packetsPerWorker());
        }
        assertEquals(0, pair.summary().kernelDropped());
        assertEquals(single.summary().intoFlows(), pair.summary().intoFlows());
        assertEquals(single.summary().recordsWritten(), pair.summary().recordsWritten());
        assertEquals(single.records(), pair.records(), "records of 1 worker vs 2 workers");
    }

    private record Run(long sent, LiveSummary summary, List<String> records)
    {
    }

    private Run run(final List<Path> captures, final String name, final int workers) throws Exception
    {
        final Path json = dir.resolve(name + ".json");
        final List<String> args = new ArrayList<>();
        for (int i = 0; i < workers; i++)
        {
            args.add("-i");
            args.add("raw;ifc=" + NetworkNamespace.CAPTURE);
        }
        args.addAll(List.of("-o", "json;file=" + json, "--stats", "0.2"));
        try (NetworkNamespace namespace = NetworkNamespace.create();
            LiveWeir weir = LiveWeir.inNamespace(dir, namespace, args.toArray(String[]::new)).awaitCapturing())
        {
            final long sent = LiveTesting.replay(namespace, captures);
            LiveTesting.awaitPacketsRead(weir, sent);
            assertEquals(0, weir.stop(), weir::describe);
            final List<String> records = new ArrayList<>();
            for (final FlowRecord record : FlowRecord.read(json))
            {
                records.add(record.counts());
            }
            Collections.sort(records);
            return new Run(sent, LiveSummary.parse(weir.stderr()), records);
        }
    }
}
