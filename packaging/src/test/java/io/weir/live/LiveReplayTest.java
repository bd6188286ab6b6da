package io.weir.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Acceptance 1: every bundled capture, sent with tcpreplay into a veth and captured live, gives
 * the flows that reading the file offline gives: the same biflow keys with the same packets and
 * bytes. Live flows are not cut where the file's own timestamps would cut them (tcpreplay sends
 * at full speed), so records are compared as per-key totals, which no timeout changes.
 * Cooked (SLL, SLL2) captures are sent with an Ethernet header in place of the cooked one, and
 * compared with that same converted file read offline.
 */
class LiveReplayTest
{
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"raw", "pcap"})
    void liveCaptureGivesTheFlowsOfTheFile(final String input) throws Exception
    {
        final List<Path> captures = LiveTesting.sendableCaptures(dir);
        final Map<String, String> expected = FlowRecord.totalsByKey(LiveTesting.offline(dir, captures));
        final Path json = dir.resolve("live.json");
        try (NetworkNamespace namespace = NetworkNamespace.create();
            LiveWeir weir = LiveWeir.inNamespace(dir, namespace, "-i", input + ";ifc=" + NetworkNamespace.CAPTURE,
                "-o", "json;file=" + json, "--stats", "0.2").awaitCapturing())
        {
            final long sent = LiveTesting.replay(namespace, captures);
            LiveTesting.awaitPacketsRead(weir, sent);
            assertEquals(0, weir.stop(), weir::describe);
            final LiveSummary summary = LiveSummary.parse(weir.stderr());
            assertEquals(sent, summary.packetsRead(), weir::describe);
            assertEquals(0, summary.kernelDropped(), weir::describe);
            final Map<String, String> actual = FlowRecord.totalsByKey(FlowRecord.read(json));
            assertEquals("", FlowRecord.differences(expected, actual), () -> expected.size() + " biflow keys offline, "
                + actual.size() + " live; differences above. " + weir.describe());
        }
    }
}
