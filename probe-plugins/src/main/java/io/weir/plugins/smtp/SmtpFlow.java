package io.weir.plugins.smtp;

import io.weir.plugins.text.BoundedText;
import io.weir.plugins.text.LineAssembler;

/**
 * What the smtp plugin keeps for one connection: the counters and first values it exports,
 * and where each direction's text stands (a partial line, the message body being sent, a
 * multi-line reply). Not thread safe: owned by the capture worker.
 */
public final class SmtpFlow
{
    /** Room for a split command line up to the longest field. */
    static final int COMMAND_CARRY = 320;
    /** Room for a split reply line (its code, and a SPAM further on). */
    static final int REPLY_CARRY = 256;

    long commandFlags;
    long mailCount;
    long rcptCount;
    long statusFlags;
    long code2xx;
    long code3xx;
    long code4xx;
    long code5xx;
    final BoundedText domain = new BoundedText(SmtpFields.TEXT_LENGTH);
    final BoundedText firstSender = new BoundedText(SmtpFields.TEXT_LENGTH);
    final BoundedText firstRecipient = new BoundedText(SmtpFields.TEXT_LENGTH);
    boolean hasData;

    final LineAssembler commands = new LineAssembler(COMMAND_CARRY);
    final LineAssembler replies = new LineAssembler(REPLY_CARRY);
    /** The client is sending the message: its bytes are not commands until the final "CRLF.CRLF". */
    boolean dataTransfer;
    /** DATA was sent and the server has not replied yet: a 4xx/5xx reply means no message follows. */
    boolean dataReplyPending;
    /** How much of "CRLF.CRLF" the message's last bytes match. */
    int terminatorMatched;
    /** The code of a multi-line reply whose last line has not come yet, or 0. */
    int openReplyCode;

    void reset()
    {
        commandFlags = 0;
        mailCount = 0;
        rcptCount = 0;
        statusFlags = 0;
        code2xx = 0;
        code3xx = 0;
        code4xx = 0;
        code5xx = 0;
        domain.clear();
        firstSender.clear();
        firstRecipient.clear();
        hasData = false;
        commands.reset();
        replies.reset();
        dataTransfer = false;
        dataReplyPending = false;
        terminatorMatched = 0;
        openReplyCode = 0;
    }

    public long commandFlags()
    {
        return commandFlags;
    }

    public long mailCount()
    {
        return mailCount;
    }

    public long rcptCount()
    {
        return rcptCount;
    }

    public long statusFlags()
    {
        return statusFlags;
    }

    public long code2xx()
    {
        return code2xx;
    }

    public long code3xx()
    {
        return code3xx;
    }

    public long code4xx()
    {
        return code4xx;
    }

    public long code5xx()
    {
        return code5xx;
    }

    public BoundedText domain()
    {
        return domain;
    }

    public BoundedText firstSender()
    {
        return firstSender;
    }

    public BoundedText firstRecipient()
    {
        return firstRecipient;
    }

    public boolean hasData()
    {
        return hasData;
    }
}
