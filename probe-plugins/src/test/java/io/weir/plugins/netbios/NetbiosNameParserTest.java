package io.weir.plugins.netbios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.weir.plugins.dnsmessage.testing.CaptureFrames;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** NBNS first-level name decoding on real packets of netbios.pcap and on damaged ones. */
class NetbiosNameParserTest
{
    private final NetbiosNameParser parser = new NetbiosNameParser();
    private final NetbiosFlowState state = new NetbiosFlowState();

    private boolean parse(final byte[] payload)
    {
        return parser.parse(new UnsafeBuffer(payload), 0, payload.length, state);
    }

    private String name(final int entry)
    {
        return new String(state.names, entry * 15, 15, StandardCharsets.ISO_8859_1);
    }

    @Test
    void decodesNameAndSuffix()
    {
        // frame 1: "Name query NB WORKGROUP<1d>" as tshark shows it
        assertTrue(parse(CaptureFrames.frame("netbios.pcap", 1).payload()));

        assertEquals(1, state.count);
        assertEquals("WORKGROUP      ", name(0));
        assertEquals(0x1d, state.suffixes[0]);
    }

    @Test
    void keepsNonPrintableBytesOfSpecialNames()
    {
        // frame 11: <01><02>__MSBROWSE__<02><01>
        assertTrue(parse(CaptureFrames.frame("netbios.pcap", 11).payload()));

        assertEquals("\u0001\u0002__MSBROWSE__\u0002", name(0));
        assertEquals(1, state.suffixes[0]);
    }

    @Test
    void needsHeaderQuestionAndWholeEncodedName()
    {
        final byte[] payload = CaptureFrames.frame("netbios.pcap", 1).payload();
        for (int length = 0; length < 12 + 1 + 32; length++)
        {
            assertFalse(parse(Arrays.copyOf(payload, length)), "length " + length);
        }
        final byte[] noQuestion = payload.clone();
        noQuestion[4] = 0;
        noQuestion[5] = 0;
        assertFalse(parse(noQuestion));
        final byte[] otherLength = payload.clone();
        otherLength[12] = 31;
        assertFalse(parse(otherLength));
        assertEquals(0, state.count);
    }

    @Test
    void combinesLettersOutsideTheAlphabetWithTheSameArithmetic()
    {
        final byte[] payload = CaptureFrames.frame("netbios.pcap", 1).payload();
        payload[13] = 'Z';
        payload[14] = 'a';

        assertTrue(parse(payload));
        assertEquals((byte)((('Z' - 'A') << 4) | ('a' - 'A')), state.names[0]);
    }

    @Test
    void keepsAtMost32NamesPerFlow()
    {
        final byte[] payload = CaptureFrames.frame("netbios.pcap", 1).payload();
        for (int i = 0; i < 40; i++)
        {
            parse(payload);
        }

        assertEquals(NetbiosFlowState.MAX_ENTRIES, state.count);
    }
}
