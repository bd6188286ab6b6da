package io.weir.plugins.idpcontent;

import java.util.List;
import java.util.Map;

import io.weir.core.testing.CollectedRecord;
import io.weir.plugins.pstats.testing.Captures;
import io.weir.plugins.pstats.testing.Golden;
import org.junit.jupiter.api.Test;

import static io.weir.plugins.pstats.testing.TestFrames.ACK;
import static io.weir.plugins.pstats.testing.TestFrames.SYN;
import static io.weir.plugins.pstats.testing.TestFrames.at;
import static io.weir.plugins.pstats.testing.TestFrames.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IdpContentPluginTest
{
    private static byte[] payload(final int length, final int first)
    {
        final byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(first + i);
        }
        return bytes;
    }

    private static String hex(final byte[] bytes, final int length)
    {
        final StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            out.append(String.format("%02x", bytes[i] & 0xFF));
        }
        return out.toString();
    }

    @Test
    void firstDataPacketOfEachDirectionCutToAHundredBytes() throws Exception
    {
        final byte[] request = payload(150, 1);
        final byte[] response = payload(7, 200);
        final List<CollectedRecord> records = Golden.run(Captures.write(List.of(
            at(1.0, tcp("192.0.2.1", 1000, "192.0.2.2", 80, SYN, 1, 0, 64, 2, 100, new byte[0], new byte[0])),
            at(1.1, tcp("192.0.2.1", 1000, "192.0.2.2", 80, ACK, 2, 1, 64, 2, 100, new byte[0], request)),
            at(1.2, tcp("192.0.2.1", 1000, "192.0.2.2", 80, ACK, 152, 1, 64, 2, 100, new byte[0], payload(50, 9))),
            at(1.3, tcp("192.0.2.2", 80, "192.0.2.1", 1000, ACK, 1, 152, 64, 2, 100, new byte[0], response)))),
            new IdpContentPlugin(Golden.flowSlots()));
        assertEquals(1, records.size());
        final Map<String, String> r = records.get(0).byIpfixprobeName();
        assertEquals(hex(request, 100), r.get("IDP_CONTENT"));
        assertEquals(hex(response, 7), r.get("IDP_CONTENT_REV"));
    }

    @Test
    void directionWithoutDataIsEmpty() throws Exception
    {
        final List<CollectedRecord> records = Golden.run(Captures.write(List.of(
            at(1.0, tcp("192.0.2.1", 1000, "192.0.2.2", 80, SYN, 1, 0, 0)))), new IdpContentPlugin(Golden.flowSlots()));
        assertEquals("", records.get(0).byIpfixprobeName().get("IDP_CONTENT"));
        assertEquals("", records.get(0).byIpfixprobeName().get("IDP_CONTENT_REV"));
    }

    @Test
    void ethernetPaddingIsNotContent() throws Exception
    {
        final List<CollectedRecord> records = Golden.run(Captures.write(List.of(
            at(1.0, tcp("192.0.2.1", 1000, "192.0.2.2", 80, ACK, 1, 0, 64, 2, 100, new byte[0], payload(3, 0x41))))),
            new IdpContentPlugin(Golden.flowSlots()));
        assertEquals("414243", records.get(0).byIpfixprobeName().get("IDP_CONTENT"));
    }
}
