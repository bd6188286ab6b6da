package io.weir.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 4: SIGTERM while traffic still arrives. weir exits 0, and every packet the kernel
 * counted for its socket (tp_packets, which includes the ones it dropped) is accounted for: it
 * was dropped by the kernel, left unread in the ring at stop, or read; every packet read went
 * into a flow or was skipped for a reason; and the exported records hold every packet that went
 * into a flow.
 */
class ShutdownAccountingTest
{
    @TempDir
    Path dir;

    @Test
    void everyPacketTheKernelHadIsInRecordsOrACounter() throws Exception
    {
        final Path capture = LiveTesting.repositoryRoot().resolve("pcaps/mixed.pcap");
        final Path json = dir.resolve("live.json");
        try (NetworkNamespace namespace = NetworkNamespace.create();
            LiveWeir weir = LiveWeir.inNamespace(dir, namespace, "-i", "raw;ifc=" + NetworkNamespace.CAPTURE + ";blocks=16",
                "-o", "json;file=" + json, "--stats", "0.2").awaitCapturing())
        {
            final Process traffic = new ProcessBuilder("ip", "netns", "exec", namespace.name(), "tcpreplay", "-q",
                "--topspeed", "--loop=0", "--duration=30", "-i", NetworkNamespace.SENDER, capture.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            try
            {
                LiveTesting.awaitPacketsRead(weir, 20_000);
                assertTrue(traffic.isAlive(), "traffic must still flow when weir is stopped");
                assertEquals(0, weir.stop(), weir::describe);
            }
            finally
            {
                traffic.destroy();
                traffic.waitFor(10, TimeUnit.SECONDS);
            }
            final LiveSummary summary = LiveSummary.parse(weir.stderr());
            assertTrue(summary.kernelReceived() >= 20_000, weir::describe);
            assertEquals(summary.kernelReceived(), summary.kernelDropped() + summary.unreadAtStop() + summary.packetsRead(),
                () -> "kernel packets = kernel drops + unread at stop + read\n" + weir.describe());
            assertEquals(summary.packetsRead(), summary.intoFlows() + summary.skipped() + summary.notSampled(), weir::describe);
            final List<FlowRecord> records = FlowRecord.read(json);
            long packetsInRecords = 0;
            for (final FlowRecord record : records)
            {
                packetsInRecords += record.packets() + record.packetsReverse();
            }
            assertEquals(summary.intoFlows(), packetsInRecords, weir::describe);
            assertEquals(summary.recordsWritten(), records.size(), weir::describe);
            assertEquals(0, summary.recordsDropped(), weir::describe);
        }
    }
}
