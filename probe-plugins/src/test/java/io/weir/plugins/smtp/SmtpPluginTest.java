package io.weir.plugins.smtp;

import static io.weir.plugins.text.Captured.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.weir.plugins.text.Captured;
import io.weir.plugins.text.Frame;
import io.weir.plugins.text.HookDriver;
import io.weir.plugins.text.PcapFile;
import io.weir.plugins.text.Segments;
import io.weir.plugins.text.SteadyState;
import org.junit.jupiter.api.Test;

/** The smtp plugin on the session of smtp.pcap and on sessions written from its frames. */
class SmtpPluginTest
{
    private static final int SLOTS = 64;
    /** smtp.pcap frame 7: the client's EHLO (port 1470 to 25); frame 9: the server's EHLO reply. */
    private static final Frame CLIENT = Captured.frame("smtp.pcap", 7);
    private static final Frame SERVER = Captured.frame("smtp.pcap", 9);

    private final SmtpPlugin plugin = new SmtpPlugin(SLOTS);
    private final HookDriver driver = new HookDriver(plugin);
    private final Segments client = new Segments(CLIENT);
    private final Segments server = new Segments(SERVER);

    @Test
    void realSessionGivesItsCountsFlagsAndValues()
    {
        boolean first = true;
        for (final PcapFile.Packet packet : Captured.packets("smtp.pcap"))
        {
            final Frame frame;
            try
            {
                frame = new Frame(packet.frame());
            }
            catch (final IllegalArgumentException notAFlowPacket)
            {
                continue;
            }
            if (frame.protocol() != Frame.TCP || frame.sourcePort() != 1470 && frame.destinationPort() != 1470)
            {
                continue;
            }
            final boolean forward = frame.sourcePort() == 1470;
            if (first)
            {
                driver.create(0, forward, packet.frame());
                first = false;
            }
            else
            {
                driver.update(0, forward, packet.frame());
            }
        }
        driver.export(0);

        final Map<String, String> fields = driver.last();
        assertEquals("GP", fields.get("SMTP_DOMAIN"));
        assertEquals(" <gurpartap@patriots.in>", fields.get("SMTP_FIRST_SENDER"));
        assertEquals(" <raj_deol2002in@yahoo.co.in>", fields.get("SMTP_FIRST_RECIPIENT"));
        assertEquals("7", fields.get("SMTP_2XX_STAT_CODE_COUNT"));
        assertEquals("3", fields.get("SMTP_3XX_STAT_CODE_COUNT"));
        assertEquals("1", fields.get("SMTP_MAIL_CMD_COUNT"));
        assertEquals("1", fields.get("SMTP_RCPT_CMD_COUNT"));
        assertEquals(Long.toString(0x8000_009CL), fields.get("SMTP_STAT_CODE_FLAGS"));
        assertEquals(Long.toString(SmtpCodes.EHLO | SmtpCodes.MAIL | SmtpCodes.RCPT | SmtpCodes.DATA | SmtpCodes.QUIT
            | SmtpCodes.UNKNOWN_COMMAND), fields.get("SMTP_COMMAND_FLAGS"));
    }

    @Test
    void pipelinedCommandsInOneSegmentAllCount()
    {
        final Map<String, String> fields = session(
            "C:MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nRCPT TO:<c@example.com>\r\nDATA\r\n");

        assertEquals("1", fields.get("SMTP_MAIL_CMD_COUNT"));
        assertEquals("2", fields.get("SMTP_RCPT_CMD_COUNT"));
        assertEquals("<b@example.com>", fields.get("SMTP_FIRST_RECIPIENT"));
        assertEquals(Long.toString(SmtpCodes.MAIL | SmtpCodes.RCPT | SmtpCodes.DATA), fields.get("SMTP_COMMAND_FLAGS"));
    }

    @Test
    void commandSplitAcrossSegmentsIsReadWhole()
    {
        final Map<String, String> fields = session("C:MAIL FR", "C:OM:<a@example.com>\r\n");

        assertEquals("1", fields.get("SMTP_MAIL_CMD_COUNT"));
        assertEquals("<a@example.com>", fields.get("SMTP_FIRST_SENDER"));
    }

    @Test
    void multiLineReplySplitAcrossSegmentsCountsOnce()
    {
        final Map<String, String> fields = session("S:250-mx.example.com\r\n250-SIZE 1000\r\n", "S:250 HELP\r\n");

        assertEquals("1", fields.get("SMTP_2XX_STAT_CODE_COUNT"));
        assertEquals(Long.toString(0x10), fields.get("SMTP_STAT_CODE_FLAGS"));
    }

    @Test
    void severalRepliesInOneSegmentEachCount()
    {
        final Map<String, String> fields = session("S:250 OK\r\n250 Accepted\r\n354 Go ahead\r\n");

        assertEquals("2", fields.get("SMTP_2XX_STAT_CODE_COUNT"));
        assertEquals("1", fields.get("SMTP_3XX_STAT_CODE_COUNT"));
    }

    @Test
    void replyWithoutTextCounts()
    {
        assertEquals("1", session("S:250\r\n").get("SMTP_2XX_STAT_CODE_COUNT"));
    }

    @Test
    void messageEndSplitAcrossSegmentsIsFound()
    {
        final Map<String, String> fields = session("C:DATA\r\n", "S:354 Go ahead\r\n", "C:Subject: x\r\n\r\nbody\r\n.",
            "C:\r\n", "S:250 OK\r\n", "C:QUIT\r\n");

        assertEquals(Long.toString(SmtpCodes.DATA | SmtpCodes.QUIT), fields.get("SMTP_COMMAND_FLAGS"));
    }

    @Test
    void messageEndAloneInItsSegmentIsFound()
    {
        final Map<String, String> fields = session("C:DATA\r\n", "S:354 Go ahead\r\n", "C:body\r\n", "C:.\r\n",
            "C:NOOP\r\n");

        assertEquals(Long.toString(SmtpCodes.DATA | SmtpCodes.NOOP), fields.get("SMTP_COMMAND_FLAGS"));
    }

    @Test
    void messageTextIsNotReadAsCommands()
    {
        final Map<String, String> fields = session("C:DATA\r\n", "S:354 Go ahead\r\n",
            "C:MAIL FROM:<x@example.com>\r\nhello there\r\n", "C:RCPT TO:<y@example.com>\r\n");

        assertEquals("0", fields.get("SMTP_MAIL_CMD_COUNT"));
        assertEquals("0", fields.get("SMTP_RCPT_CMD_COUNT"));
        assertEquals(Long.toString(SmtpCodes.DATA), fields.get("SMTP_COMMAND_FLAGS"));
    }

    @Test
    void commandsAfterARejectedDataAreRead()
    {
        final Map<String, String> fields = session("C:DATA\r\n", "S:554 No valid recipients\r\n", "C:QUIT\r\n");

        assertEquals(Long.toString(SmtpCodes.DATA | SmtpCodes.QUIT), fields.get("SMTP_COMMAND_FLAGS"));
        assertEquals("1", fields.get("SMTP_5XX_STAT_CODE_COUNT"));
    }

    @Test
    void spamInAReplySetsTheSpamBit()
    {
        final Map<String, String> fields = session("S:550 5.7.1 Message rejected as Spam\r\n");

        assertEquals(Long.toString(0x4000_0000L | 0x0004_0000L), fields.get("SMTP_STAT_CODE_FLAGS"));
    }

    @Test
    void lowerCaseCommandsCount()
    {
        final Map<String, String> fields = session("C:helo client.example.com\r\n", "C:mail from:<a@example.com>\r\n",
            "C:rset\r\n");

        assertEquals("client.example.com", fields.get("SMTP_DOMAIN"));
        assertEquals("1", fields.get("SMTP_MAIL_CMD_COUNT"));
        assertEquals(Long.toString(SmtpCodes.HELO | SmtpCodes.MAIL | SmtpCodes.RSET), fields.get("SMTP_COMMAND_FLAGS"));
    }

    @Test
    void onlyTheFirstDomainSenderAndRecipientAreKept()
    {
        final Map<String, String> fields = session("C:EHLO first\r\n", "C:HELO second\r\n",
            "C:MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nMAIL FROM:<c@example.com>\r\n"
                + "RCPT TO:<d@example.com>\r\n");

        assertEquals("first", fields.get("SMTP_DOMAIN"));
        assertEquals("<a@example.com>", fields.get("SMTP_FIRST_SENDER"));
        assertEquals("<b@example.com>", fields.get("SMTP_FIRST_RECIPIENT"));
        assertEquals("2", fields.get("SMTP_MAIL_CMD_COUNT"));
    }

    @Test
    void base64LineIsUnknownButAnUpperCaseExtensionIsNot()
    {
        assertEquals(Long.toString(SmtpCodes.UNKNOWN_COMMAND), session("C:Z3VycGFydGFw\r\n").get("SMTP_COMMAND_FLAGS"));
        assertEquals("0", session("C:STARTTLS\r\n").get("SMTP_COMMAND_FLAGS"));
    }

    @Test
    void rejectsCommandWordOfThirtyTwoBytes()
    {
        final HookDriver fresh = new HookDriver(new SmtpPlugin(SLOTS));
        fresh.create(0, true, client.next(text("A".repeat(32) + " x\r\n")));
        fresh.export(0);

        assertTrue(fresh.exported().isEmpty());
    }

    @Test
    void trafficNotToOrFromPort25TakesNoState()
    {
        for (final String capture : List.of("http.pcap", "sip.pcap", "rtsp.pcap", "dns.pcap"))
        {
            for (final PcapFile.Packet packet : Captured.packets(capture))
            {
                try
                {
                    new Frame(packet.frame());
                }
                catch (final IllegalArgumentException notAFlowPacket)
                {
                    continue;
                }
                driver.create(0, true, packet.frame());
                driver.update(0, true, packet.frame());
                assertNull(plugin.flowState(0), capture);
                driver.export(0);
            }
        }
    }

    @Test
    void allocatesNothingPerPacketOnceWarm()
    {
        final List<byte[]> frames = new ArrayList<>();
        final boolean[] forward = new boolean[64];
        int n = 0;
        for (final PcapFile.Packet packet : Captured.packets("smtp.pcap").subList(2, 59))
        {
            final Frame frame = new Frame(packet.frame());
            if (frame.protocol() == Frame.TCP)
            {
                frames.add(packet.frame());
                forward[n++] = frame.destinationPort() == SmtpPlugin.SMTP_PORT;
            }
        }

        final double perPacket = SteadyState.bytesPerPacket(new SmtpPlugin(SLOTS), frames, forward, 20_000);

        assertTrue(perPacket < 0.05, "bytes per packet: " + perPacket);
    }

    /** A session of segments, each "C:" (client) or "S:" (server) and its text; returns the flow's fields. */
    private Map<String, String> session(final String... segments)
    {
        final HookDriver fresh = new HookDriver(new SmtpPlugin(SLOTS));
        final Segments clientSide = new Segments(CLIENT);
        final Segments serverSide = new Segments(SERVER);
        fresh.create(0, true, clientSide.next(new byte[0]));
        for (final String segment : segments)
        {
            final boolean fromClient = segment.startsWith("C:");
            final byte[] payload = text(segment.substring(2));
            fresh.update(0, fromClient, fromClient ? clientSide.next(payload) : serverSide.next(payload));
        }
        fresh.export(0);
        return fresh.last();
    }
}
