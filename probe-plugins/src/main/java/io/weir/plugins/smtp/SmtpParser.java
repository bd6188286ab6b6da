package io.weir.plugins.smtp;

import io.weir.plugins.text.Ascii;
import io.weir.plugins.text.BoundedText;
import io.weir.plugins.text.LineAssembler;
import org.agrona.DirectBuffer;

/**
 * Reads the two directions of an SMTP connection into a {@link SmtpFlow}, with ipfixprobe's
 * meanings: each client command line sets its bit (a command word that is not all upper-case
 * letters is UNKNOWN: AUTH's base64 lines, for instance), MAIL and RCPT are counted and the
 * first of each keeps what follows its ':', the first HELO/EHLO keeps the client's domain;
 * each server reply sets the bit of its code and counts by its first digit. Beyond ipfixprobe,
 * every line of a segment is read (pipelined commands, several replies), a multi-line reply
 * counts once even when split across segments, and the message after DATA ends at the
 * "CRLF.CRLF" wherever it falls, so the commands after it are seen.
 * Not thread safe: owned by the capture worker.
 */
public final class SmtpParser
{
    /** ipfixprobe ignores command words this long or longer. */
    private static final int MAX_COMMAND_WORD = 31;
    private static final byte[] TERMINATOR = {'\r', '\n', '.', '\r', '\n'};
    /** The DATA line's own CRLF precedes the message, so an empty message is just ".CRLF". */
    private static final int TERMINATOR_AFTER_DATA_LINE = 2;

    private static final byte[] HELO = Ascii.bytes("helo");
    private static final byte[] EHLO = Ascii.bytes("ehlo");
    private static final byte[] MAIL = Ascii.bytes("mail");
    private static final byte[] RCPT = Ascii.bytes("rcpt");
    private static final byte[] DATA = Ascii.bytes("data");
    private static final byte[] RSET = Ascii.bytes("rset");
    private static final byte[] VRFY = Ascii.bytes("vrfy");
    private static final byte[] EXPN = Ascii.bytes("expn");
    private static final byte[] HELP = Ascii.bytes("help");
    private static final byte[] NOOP = Ascii.bytes("noop");
    private static final byte[] QUIT = Ascii.bytes("quit");
    private static final byte[] SPAM = Ascii.bytes("spam");

    /** A segment from the client (to port 25). */
    public void onClient(final SmtpFlow flow, final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        int position = offset;
        while (position < end)
        {
            if (flow.dataTransfer)
            {
                position = skipMessage(flow, buffer, position, end);
                if (flow.dataTransfer)
                {
                    return;
                }
                flow.commands.reset();
                continue;
            }
            final LineAssembler lines = flow.commands;
            lines.wrap(buffer, position, end - position);
            position = end;
            while (lines.next())
            {
                onCommand(flow, lines.lineBuffer(), lines.lineOffset(), lines.lineLength());
                if (flow.dataTransfer)
                {
                    position = lines.position();
                    lines.reset();
                    break;
                }
            }
        }
    }

    /** A segment from the server (from port 25). */
    public void onServer(final SmtpFlow flow, final DirectBuffer buffer, final int offset, final int length)
    {
        final LineAssembler lines = flow.replies;
        lines.wrap(buffer, offset, length);
        while (lines.next())
        {
            onReplyLine(flow, lines.lineBuffer(), lines.lineOffset(), lines.lineLength());
        }
    }

    /** Skips message bytes up to and including "CRLF.CRLF"; returns where the commands resume. */
    private static int skipMessage(final SmtpFlow flow, final DirectBuffer buffer, final int from, final int end)
    {
        int matched = flow.terminatorMatched;
        for (int i = from; i < end; i++)
        {
            final byte value = buffer.getByte(i);
            if (value == TERMINATOR[matched])
            {
                matched++;
                if (matched == TERMINATOR.length)
                {
                    flow.dataTransfer = false;
                    flow.dataReplyPending = false;
                    flow.terminatorMatched = 0;
                    flow.hasData = true;
                    return i + 1;
                }
            }
            else
            {
                matched = value == '\r' ? 1 : 0;
            }
        }
        flow.terminatorMatched = matched;
        flow.dataReplyPending = false;
        return end;
    }

    private static void onCommand(final SmtpFlow flow, final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = Ascii.withoutCr(buffer, offset, offset + length);
        final int space = Ascii.indexOf(buffer, offset, end, Ascii.SPACE);
        final int wordEnd = space < 0 ? end : space;
        final int wordLength = wordEnd - offset;
        if (wordLength > MAX_COMMAND_WORD)
        {
            return;
        }
        flow.hasData = true;
        if (is(buffer, offset, wordLength, EHLO) || is(buffer, offset, wordLength, HELO))
        {
            flow.commandFlags |= is(buffer, offset, wordLength, EHLO) ? SmtpCodes.EHLO : SmtpCodes.HELO;
            if (flow.domain.isEmpty() && space >= 0)
            {
                flow.domain.set(buffer, space + 1, end - space - 1);
            }
        }
        else if (is(buffer, offset, wordLength, MAIL))
        {
            flow.commandFlags |= SmtpCodes.MAIL;
            flow.mailCount++;
            afterColon(flow.firstSender, buffer, wordEnd, end);
        }
        else if (is(buffer, offset, wordLength, RCPT))
        {
            flow.commandFlags |= SmtpCodes.RCPT;
            flow.rcptCount++;
            afterColon(flow.firstRecipient, buffer, wordEnd, end);
        }
        else if (is(buffer, offset, wordLength, DATA))
        {
            flow.commandFlags |= SmtpCodes.DATA;
            flow.dataTransfer = true;
            flow.dataReplyPending = true;
            flow.terminatorMatched = TERMINATOR_AFTER_DATA_LINE;
        }
        else if (is(buffer, offset, wordLength, RSET))
        {
            flow.commandFlags |= SmtpCodes.RSET;
        }
        else if (is(buffer, offset, wordLength, VRFY))
        {
            flow.commandFlags |= SmtpCodes.VRFY;
        }
        else if (is(buffer, offset, wordLength, EXPN))
        {
            flow.commandFlags |= SmtpCodes.EXPN;
        }
        else if (is(buffer, offset, wordLength, HELP))
        {
            flow.commandFlags |= SmtpCodes.HELP;
        }
        else if (is(buffer, offset, wordLength, NOOP))
        {
            flow.commandFlags |= SmtpCodes.NOOP;
        }
        else if (is(buffer, offset, wordLength, QUIT))
        {
            flow.commandFlags |= SmtpCodes.QUIT;
        }
        else if (!allUpperCase(buffer, offset, wordEnd))
        {
            flow.commandFlags |= SmtpCodes.UNKNOWN_COMMAND;
        }
    }

    /** The first value of MAIL/RCPT: what follows the ':' of "FROM:"/"TO:", as sent (leading blank kept). */
    private static void afterColon(final BoundedText target, final DirectBuffer buffer, final int from, final int end)
    {
        if (!target.isEmpty())
        {
            return;
        }
        final int colon = Ascii.indexOf(buffer, from, end, Ascii.COLON);
        if (colon >= 0)
        {
            target.set(buffer, colon + 1, end - colon - 1);
        }
    }

    private static void onReplyLine(final SmtpFlow flow, final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = Ascii.withoutCr(buffer, offset, offset + length);
        if (end - offset < 3 || !Ascii.isDigit(buffer.getByte(offset)) || !Ascii.isDigit(buffer.getByte(offset + 1))
            || !Ascii.isDigit(buffer.getByte(offset + 2)))
        {
            return;
        }
        final byte separator = end - offset > 3 ? buffer.getByte(offset + 3) : Ascii.SPACE;
        if (separator != Ascii.SPACE && separator != '-')
        {
            return;
        }
        final int code = Ascii.leadingNumber(buffer, offset, offset + 3);
        if (code != flow.openReplyCode)
        {
            onReply(flow, code);
        }
        if (Ascii.indexOfIgnoreCase(buffer, offset, end, SPAM) >= 0)
        {
            flow.statusFlags |= SmtpCodes.SPAM;
        }
        flow.openReplyCode = separator == '-' ? code : 0;
    }

    private static void onReply(final SmtpFlow flow, final int code)
    {
        flow.statusFlags |= SmtpCodes.statusFlag(code);
        switch (code / 100)
        {
            case 2:
                flow.code2xx++;
                flow.hasData = true;
                break;
            case 3:
                flow.code3xx++;
                flow.hasData = true;
                break;
            case 4:
                flow.code4xx++;
                flow.hasData = true;
                break;
            case 5:
                flow.code5xx++;
                flow.hasData = true;
                break;
            default:
                break;
        }
        if (flow.dataReplyPending)
        {
            flow.dataReplyPending = false;
            if (code >= 400)
            {
                flow.dataTransfer = false;
            }
        }
    }

    private static boolean is(final DirectBuffer buffer, final int offset, final int length, final byte[] command)
    {
        return Ascii.equalsIgnoreCase(buffer, offset, length, command);
    }

    private static boolean allUpperCase(final DirectBuffer buffer, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!Ascii.isUpper(buffer.getByte(i)))
            {
                return false;
            }
        }
        return true;
    }
}
