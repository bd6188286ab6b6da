package io.weir.plugins.bstats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.weir.core.testing.CollectedRecord;
import io.weir.plugins.pstats.testing.Captures;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

import static io.weir.plugins.pstats.testing.TestFrames.ACK;
import static io.weir.plugins.pstats.testing.TestFrames.at;
import static io.weir.plugins.pstats.testing.TestFrames.tcp;
import static io.weir.plugins.pstats.testing.TestFrames.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class BurstStatsPluginTest
{
    private static final String A = "198.51.100.1";
    private static final String B = "198.51.100.2";

    private static Map<String, String> onlyRecord(final List<Captures.Frame> frames) throws Exception
    {
        final List<CollectedRecord> records = Golden.run(Captures.write(frames), new BurstStatsPlugin(Golden.flowSlots()));
        assertEquals(1, records.size());
        return records.get(0).byIpfixprobeName();
    }

    private static String time(final String secondsAndMicros)
    {
        return "1970-01-01T00:00:" + secondsAndMicros;
    }

    @Test
    void runsOfThreeOrMoreWithGapsUnderASecondAreBursts() throws Exception
    {
        final List<Captures.Frame> frames = List.of(
            at(1.0, udp(A, 1, B, 2, 10)),
            at(1.5, udp(A, 1, B, 2, 20)),
            at(2.4999, udp(A, 1, B, 2, 30)),
            at(3.5, udp(A, 1, B, 2, 40)),
            at(3.6, udp(A, 1, B, 2, 50)),
            at(5.0, udp(A, 1, B, 2, 60)),
            at(5.1, udp(B, 2, A, 1, 70)),
            at(5.2, udp(B, 2, A, 1, 80)),
            at(5.3, udp(B, 2, A, 1, 90)),
            at(5.4, udp(A, 1, B, 2, 100)),
            at(5.5, udp(A, 1, B, 2, 110)));
        final Map<String, String> record = onlyRecord(frames);
        assertEquals("[3|3]", record.get("SBI_BRST_PACKETS"));
        assertEquals("[60|270]", record.get("SBI_BRST_BYTES"));
        assertEquals("[" + time("01.000000") + "|" + time("05.000000") + "]", record.get("SBI_BRST_TIME_START"));
        assertEquals("[" + time("02.499900") + "|" + time("05.500000") + "]", record.get("SBI_BRST_TIME_STOP"));
        assertEquals("[3]", record.get("DBI_BRST_PACKETS"));
        assertEquals("[240]", record.get("DBI_BRST_BYTES"));
        assertEquals("[" + time("05.100000") + "]", record.get("DBI_BRST_TIME_START"));
        assertEquals("[" + time("05.300000") + "]", record.get("DBI_BRST_TIME_STOP"));
    }

    @Test
    void aGapOfExactlyOneSecondEndsTheRun() throws Exception
    {
        final List<Captures.Frame> frames = List.of(
            at(1.0, udp(A, 1, B, 2, 10)),
            at(1.1, udp(A, 1, B, 2, 10)),
            at(2.1, udp(A, 1, B, 2, 10)),
            at(2.2, udp(A, 1, B, 2, 10)));
        final Map<String, String> record = onlyRecord(frames);
        assertEquals("[]", record.get("SBI_BRST_PACKETS"));
        assertEquals("[]", record.get("DBI_BRST_PACKETS"));
    }

    @Test
    void packetsWithoutPayloadNeitherJoinNorBreakARun() throws Exception
    {
        final List<Captures.Frame> frames = List.of(
            at(1.0, tcp(A, 1, B, 2, ACK, 1, 1, 10)),
            at(1.5, tcp(A, 1, B, 2, ACK, 1, 1, 0)),
            at(1.9, tcp(A, 1, B, 2, ACK, 1, 1, 10)),
            at(2.8, tcp(A, 1, B, 2, ACK, 1, 1, 10)));
        final Map<String, String> record = onlyRecord(frames);
        assertEquals("[3]", record.get("SBI_BRST_PACKETS"));
        assertEquals("[30]", record.get("SBI_BRST_BYTES"));
    }

    @Test
    void keepsTheFirstFifteenBursts() throws Exception
    {
        final List<Captures.Frame> frames = new ArrayList<>();
        for (int burst = 0; burst < 20; burst++)
        {
            for (int i = 0; i < 3 + burst % 2; i++)
            {
                frames.add(at(10.0 + burst * 5 + i * 0.1, udp(A, 1, B, 2, 1 + burst)));
            }
        }
        final Map<String, String> record = onlyRecord(frames);
        assertEquals("[3|4|3|4|3|4|3|4|3|4|3|4|3|4|3]", record.get("SBI_BRST_PACKETS"));
        assertEquals("[3|8|9|16|15|24|21|32|27|40|33|48|39|56|45]", record.get("SBI_BRST_BYTES"));
    }

    @Test
    void flowsOfThreePacketsCarryNoBursts() throws Exception
    {
        final List<Captures.Frame> frames = List.of(
            at(1.0, udp(A, 1, B, 2, 10)),
            at(1.1, udp(A, 1, B, 2, 10)),
            at(1.2, udp(A, 1, B, 2, 10)));
        assertFalse(onlyRecord(frames).containsKey("SBI_BRST_PACKETS"));
    }
}
