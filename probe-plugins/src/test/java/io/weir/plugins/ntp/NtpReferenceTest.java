package io.weir.plugins.ntp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.IpfixprobeReference;
import io.weir.core.testing.ReferenceMatch;
import io.weir.core.testing.TestData;
import io.weir.plugins.wg.testing.PluginRun;
import io.weir.plugins.wg.testing.Tshark;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden test: weir's ntp records from ntp.pcap equal ipfixprobe's pcaps/expected/ntp on every field,
 * except where the reference is wrong, which tshark proves:
 * <ul>
 * <li>NTP_DELAY and NTP_DISPERSION: ipfixprobe never parses them and exports its constructor's 9;
 *     weir exports the raw root delay and root dispersion, which must equal tshark's;</li>
 * <li>NTP_REF, NTP_ORIG, NTP_RECV, NTP_SENT: ipfixprobe prints every timestamp byte in hex without
 *     zero padding before reading the digits back, so any byte below 0x10 (after the first) shifts
 *     the value; weir exports the exact value, which must agree with tshark's date to the microsecond.
 *     For each such value the test checks that the reference equals that faulty rendering of the same
 *     bytes, so the correction is exactly this fault.</li>
 * </ul>
 */
class NtpReferenceTest
{
    private static final String[] TIMESTAMP_FIELDS = {"NTP_REF", "NTP_ORIG", "NTP_RECV", "NTP_SENT"};
    private static final int[] TIMESTAMP_OFFSETS = {16, 24, 32, 40};

    private static List<CollectedRecord> run() throws InterruptedException
    {
        return PluginRun.with(PluginRun.records(slots -> new NtpPlugin(), NtpCapture.CAPTURE), "NTP_LEAP");
    }

    private static String key(final String time, final String source)
    {
        return time + " " + source;
    }

    @Test
    void everyReferenceRecordIsMatchedOnEveryFieldWithTsharkProvenCorrections() throws Exception
    {
        final Map<String, NtpCapture.Packet> packets = new HashMap<>();
        for (final NtpCapture.Packet packet : NtpCapture.packets())
        {
            packets.put(key(packet.time(), packet.source()), packet);
        }
        final IpfixprobeReference reference = IpfixprobeReference.read(TestData.expected("ntp"));
        int timestampsCorrected = 0;
        for (final Map<String, String> record : reference.records())
        {
            final NtpCapture.Packet packet = packets.get(key(record.get("TIME_FIRST"), record.get("SRC_IP")));
            assertNotNull(packet, () -> "no NTP packet in the capture for " + record);
            assertEquals("9", record.get("NTP_DELAY"));
            assertEquals("9", record.get("NTP_DISPERSION"));
            record.put("NTP_DELAY", Long.toString(packet.rootDelay()));
            record.put("NTP_DISPERSION", Long.toString(packet.rootDispersion()));
            for (int i = 0; i < TIMESTAMP_FIELDS.length; i++)
            {
                final String exact = NtpCapture.exactText(packet.payload(), TIMESTAMP_OFFSETS[i]);
                final String ipfixprobe = record.get(TIMESTAMP_FIELDS[i]);
                assertEquals(NtpCapture.ipfixprobeText(packet.payload(), TIMESTAMP_OFFSETS[i]), ipfixprobe,
                    () -> "reference value not explained by the unpadded-hex fault: " + record);
                if (!exact.equals(ipfixprobe))
                {
                    assertTrue(differsFromTsharkByMoreThanAMicrosecond(ipfixprobe, packet.timestamps()[i]),
                        () -> ipfixprobe + " is close to tshark's " + exact);
                    record.put(TIMESTAMP_FIELDS[i], exact);
                    timestampsCorrected++;
                }
            }
        }
        final ReferenceMatch match = ReferenceMatch.of(reference, PluginRun.comparedFields(reference), run());
        assertTrue(match.missing().isEmpty() && match.extra().isEmpty(), match::report);
        assertEquals(56, reference.records().size());
        assertEquals(47, timestampsCorrected);
    }

    private static boolean differsFromTsharkByMoreThanAMicrosecond(final String text, final String tshark)
    {
        final BigInteger nanos = new BigDecimal(text).movePointRight(9).toBigIntegerExact();
        return nanos.subtract(NtpCapture.tsharkNanosSince1900(tshark)).abs().compareTo(BigInteger.valueOf(1000)) > 0;
    }

    @Test
    void everyFieldAgreesWithTsharksDissection() throws Exception
    {
        final Map<String, NtpCapture.Packet> packets = new HashMap<>();
        for (final NtpCapture.Packet packet : NtpCapture.packets())
        {
            packets.put(key(packet.time(), packet.source()), packet);
        }
        final List<CollectedRecord> records = run();
        assertEquals(packets.size(), records.size());
        for (final CollectedRecord collected : records)
        {
            final Map<String, String> record = collected.byIpfixprobeName();
            final NtpCapture.Packet packet = packets.get(key(record.get("TIME_FIRST"), record.get("SRC_IP")));
            assertNotNull(packet, () -> "no packet for " + record);
            assertEquals(Integer.toString(packet.leap()), record.get("NTP_LEAP"));
            assertEquals(Integer.toString(packet.version()), record.get("NTP_VERSION"));
            assertEquals(Integer.toString(packet.mode()), record.get("NTP_MODE"));
            assertEquals(Integer.toString(packet.stratum()), record.get("NTP_STRATUM"));
            assertEquals(Integer.toString(packet.poll()), record.get("NTP_POLL"));
            assertEquals(Integer.toString(packet.precision()), record.get("NTP_PRECISION"));
            assertEquals(Long.toString(packet.rootDelay()), record.get("NTP_DELAY"));
            assertEquals(Long.toString(packet.rootDispersion()), record.get("NTP_DISPERSION"));
            assertEquals(referenceId(packet), record.get("NTP_REF_ID"));
            for (int i = 0; i < TIMESTAMP_FIELDS.length; i++)
            {
                final BigInteger weir = new BigDecimal(record.get(TIMESTAMP_FIELDS[i])).movePointRight(9)
                    .toBigIntegerExact();
                final BigInteger tshark = NtpCapture.tsharkNanosSince1900(packet.timestamps()[i]);
                final String field = TIMESTAMP_FIELDS[i];
                assertTrue(weir.subtract(tshark).abs().compareTo(BigInteger.valueOf(501)) <= 0,
                    () -> field + " " + record.get(field) + " vs tshark " + tshark + " ns");
            }
        }
    }

    /** tshark's reference id bytes as ipfixprobe presents them. */
    private static String referenceId(final NtpCapture.Packet packet)
    {
        final byte[] id = Tshark.hex(packet.referenceIdHex());
        final String ascii = new String(id, StandardCharsets.US_ASCII);
        if (packet.stratum() == 0 && List.of("INIT", "STEP", "DENY", "RATE").contains(ascii))
        {
            return ascii;
        }
        return (id[0] & 0xFF) + "." + (id[1] & 0xFF) + "." + (id[2] & 0xFF) + "." + (id[3] & 0xFF);
    }

    @Test
    void everyPacketOnPort123IsAFlowOfItsOwn() throws Exception
    {
        final List<CollectedRecord> all = PluginRun.records(slots -> new NtpPlugin(), NtpCapture.CAPTURE);
        assertEquals(NtpCapture.packets().size(), all.size());
        for (final CollectedRecord record : all)
        {
            assertEquals("1", record.byIpfixprobeName().get("PACKETS"));
            assertEquals("0", record.byIpfixprobeName().get("PACKETS_REV"));
            assertNotEquals(null, record.byIpfixprobeName().get("NTP_SENT"));
        }
    }
}
