package io.weir.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 3: flows leave on time with no packet to move the clock. With an inactive timeout
 * of 2 s and an active timeout of 4 s: a one-packet flow is written out within inactive timeout
 * + 1 s of its packet; a flow with a packet every 250 ms for 9 s is cut by the active timeout
 * (records of at most 4 s, each written within active timeout + 1 s of its first packet).
 * "Written" is when the record shows up in the JSON file, watched every 50 ms; the packet times
 * are the kernel's, from the records themselves. A margin of 0.5 s covers the watching and
 * flushing on a loaded machine.
 */
class ClockExpiryTest
{
    private static final long INACTIVE_MS = 2_000;
    private static final long ACTIVE_MS = 4_000;
    private static final long ALLOWED_LATE_MS = 1_000 + 500;
    private static final int IDLE_HOST = 1;
    private static final int LONG_HOST = 2;

    @TempDir
    Path dir;

    @Test
    void idleAndLongFlowsLeaveOnTime() throws Exception
    {
        final long[] everyQuarterSecond = new long[37];
        for (int i = 0; i < everyQuarterSecond.length; i++)
        {
            everyQuarterSecond[i] = i * 250L;
        }
        final Path idle = UdpCapture.write(dir.resolve("idle.pcap"), IDLE_HOST, 40_000, 0);
        final Path long_ = UdpCapture.write(dir.resolve("long.pcap"), LONG_HOST, 40_001, everyQuarterSecond);
        final Path json = dir.resolve("live.json");
        try (NetworkNamespace namespace = NetworkNamespace.create();
            LiveWeir weir = LiveWeir.inNamespace(dir, namespace, "-i", "raw;ifc=" + NetworkNamespace.CAPTURE,
                "-s", "cache;i=" + INACTIVE_MS / 1000 + ";a=" + ACTIVE_MS / 1000, "-o", "json;file=" + json).awaitCapturing())
        {
            namespace.replay(idle);
            final Process sender = new ProcessBuilder("ip", "netns", "exec", namespace.name(), "tcpreplay", "-q",
                "-i", NetworkNamespace.SENDER, long_.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            final Map<String, Long> seenAtMs = new HashMap<>();
            final List<FlowRecord> records = new ArrayList<>();
            final long deadline = System.currentTimeMillis() + 9_000 + INACTIVE_MS + 10_000;
            while (System.currentTimeMillis() < deadline && !(sender.isAlive() == false && hasIdleEnd(records, LONG_HOST)))
            {
                final List<FlowRecord> now = FlowRecord.read(json);
                final long nowMs = System.currentTimeMillis();
                for (final FlowRecord record : now)
                {
                    seenAtMs.putIfAbsent(record.counts() + record.firstMicros(), nowMs);
                }
                records.clear();
                records.addAll(now);
                Thread.sleep(50);
            }
            assertEquals(0, weir.stop(), weir::describe);

            final FlowRecord idleRecord = only(records, IDLE_HOST);
            assertEquals(1, idleRecord.endReason(), "idle flow ends by inactive timeout");
            final long idleLateMs = seenAtMs.get(idleRecord.counts() + idleRecord.firstMicros())
                - idleRecord.lastMicros() / 1000 - INACTIVE_MS;
            assertTrue(idleLateMs <= ALLOWED_LATE_MS, "idle flow written " + idleLateMs + " ms after its timeout");

            int activeCuts = 0;
            long packets = 0;
            for (final FlowRecord record : records)
            {
                if (!record.directedKey().startsWith("10.0.0." + LONG_HOST + " "))
                {
                    continue;
                }
                packets += record.packets();
                assertTrue(record.lastMicros() - record.firstMicros() < ACTIVE_MS * 1000, record::toString);
                if (record.endReason() == 2)
                {
                    activeCuts++;
                    final long lateMs = seenAtMs.get(record.counts() + record.firstMicros()) - record.firstMicros() / 1000
                        - ACTIVE_MS;
                    assertTrue(lateMs <= ALLOWED_LATE_MS, "long flow cut " + lateMs + " ms after its active timeout");
                }
            }
            assertEquals(everyQuarterSecond.length, packets, "every packet of the long flow in its records");
            assertTrue(activeCuts >= 2, "a 9 s flow with a 4 s active timeout is cut twice: " + records);
        }
    }

    private static boolean hasIdleEnd(final List<FlowRecord> records, final int host)
    {
        for (final FlowRecord record : records)
        {
            if (record.directedKey().startsWith("10.0.0." + host + " ") && record.endReason() == 1)
            {
                return true;
            }
        }
        return false;
    }

    private static FlowRecord only(final List<FlowRecord> records, final int host)
    {
        FlowRecord found = null;
        for (final FlowRecord record : records)
        {
            if (record.directedKey().startsWith("10.0.0." + host + " "))
            {
                assertTrue(found == null, () -> "more than one record for 10.0.0." + host + ": " + records);
                found = record;
            }
        }
        assertTrue(found != null, () -> "no record for 10.0.0." + host + ": " + records);
        return found;
    }
}
