package io.weir.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 5: without CAP_NET_RAW (taken out of the bounding and inheritable sets with
 * setpriv, so that even root lacks it) weir says so in one line and exits 1, no stack trace.
 */
class MissingCapabilityTest
{
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"raw;ifc=lo", "pcap;ifc=lo"})
    void saysWhichCapabilityIsMissing(final String input) throws Exception
    {
        try (LiveWeir weir = LiveWeir.start(dir, List.of("setpriv", "--bounding-set=-net_raw", "--inh-caps=-net_raw"),
            "-i", input))
        {
            assertEquals(1, weir.awaitExit(), weir::describe);
            final List<String> lines = weir.stderr().lines().toList();
            assertEquals(1, lines.size(), weir::describe);
            assertTrue(lines.get(0).startsWith("weir: error: ") && lines.get(0).contains("CAP_NET_RAW"), weir::describe);
        }
    }
}
