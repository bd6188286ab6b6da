package io.weir.plugins.nettisa;

import java.util.List;
import java.util.Map;

import io.weir.core.testing.CollectedRecord;
import io.weir.plugins.pstats.testing.Captures;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

import static io.weir.plugins.pstats.testing.TestFrames.at;
import static io.weir.plugins.pstats.testing.TestFrames.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class NettisaPluginTest
{
    private static final String A = "203.0.113.1";
    private static final String B = "203.0.113.2";

    private static Map<String, String> onlyRecord(final List<Captures.Frame> frames) throws Exception
    {
        final List<CollectedRecord> records = Golden.run(Captures.write(frames), new NettisaPlugin(Golden.flowSlots()));
        assertEquals(1, records.size());
        return records.get(0).byIpfixprobeName();
    }

    private static void assertNear(final double expected, final Map<String, String> record, final String field)
    {
        final double actual = Double.parseDouble(record.get(field));
        assertEquals(expected, actual, 1e-5 * Math.max(1, Math.abs(expected)), field);
    }

    /**
     * Payloads 10, 20, 31 at 0, 1 and 3 ms, worked out by hand from ipfixprobe's definitions: the
     * standard deviation uses the integer mean 61 / 3 = 20, the time distribution divides by
     * (largest gap - smallest payload) = 2000 - 10.
     */
    @Test
    void threePacketsAsWorkedOutByHand() throws Exception
    {
        final Map<String, String> record = onlyRecord(List.of(
            at(7.000, udp(A, 1, B, 2, 10)),
            at(7.001, udp(A, 1, B, 2, 20)),
            at(7.003, udp(B, 2, A, 1, 31))));
        assertNear(61.0 / 3, record, "NTS_MEAN");
        assertEquals("10", record.get("NTS_MIN"));
        assertEquals("31", record.get("NTS_MAX"));
        assertNear(Math.sqrt(1461.0 / 3 - 400), record, "NTS_STDEV");
        assertNear((10.0 * 10 * 10 * 10 + 10.0 * 10 * 10 * 10 + 16.0 * 16 * 16 * 16) / (3 * 87.0 * 87), record,
            "NTS_KURTOSIS");
        assertNear(Math.sqrt(1461.0 / 3), record, "NTS_ROOT_MEAN_SQUARE");
        assertNear((10 + 10 + 16) / 3.0, record, "NTS_AVERAGE_DISPERSION");
        assertNear(500 + (3000 - 500) / 3.0, record, "NTS_MEAN_SCALED_TIME");
        assertNear(1000, record, "NTS_MEAN_DIFFTIMES");
        assertNear(0, record, "NTS_MIN_DIFFTIMES");
        assertNear(2000, record, "NTS_MAX_DIFFTIMES");
        assertNear((0 + 500 + 1000) / 2.0 / (2000 - 10), record, "NTS_TIME_DISTRIBUTION");
        assertNear(1.0, record, "NTS_SWITCHING_RATIO");
    }

    @Test
    void equalFramesDoNotSwitch() throws Exception
    {
        final Map<String, String> record = onlyRecord(List.of(
            at(7.000, udp(A, 1, B, 2, 100)),
            at(7.001, udp(A, 1, B, 2, 100)),
            at(7.002, udp(A, 1, B, 2, 100)),
            at(7.003, udp(A, 1, B, 2, 100))));
        assertNear(0.25, record, "NTS_SWITCHING_RATIO");
        assertNear(0, record, "NTS_STDEV");
        assertNear(0, record, "NTS_KURTOSIS");
    }

    @Test
    void aPacketOlderThanThePreviousIsAGapOfZero() throws Exception
    {
        final Map<String, String> record = onlyRecord(List.of(
            at(7.000, udp(A, 1, B, 2, 10)),
            at(6.000, udp(A, 1, B, 2, 10))));
        assertNear(0, record, "NTS_MAX_DIFFTIMES");
        assertNear(-500_000, record, "NTS_MEAN_SCALED_TIME");
    }

    @Test
    void singlePacketFlowCarriesNoStatistics() throws Exception
    {
        assertFalse(onlyRecord(List.of(at(7.0, udp(A, 1, B, 2, 10)))).containsKey("NTS_MEAN"));
    }
}
