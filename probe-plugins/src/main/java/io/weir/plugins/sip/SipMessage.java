package io.weir.plugins.sip;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * Recognises a SIP message by its first bytes, as ipfixprobe does: a payload of at least
 * {@link #MIN_LENGTH} bytes starting with a request method or {@code SIP/}. OPTIONS counts only
 * when followed by a {@code sip:} URI (an HTTP OPTIONS is not SIP), NOTIFY not when it is
 * SSDP's {@code NOTIFY * HTTP}.
 */
public final class SipMessage
{
    public static final int INVALID = 0;
    public static final int INVITE = 1;
    public static final int ACK = 2;
    public static final int CANCEL = 3;
    public static final int BYE = 4;
    public static final int REGISTER = 5;
    public static final int OPTIONS = 6;
    public static final int PUBLISH = 7;
    public static final int NOTIFY = 8;
    public static final int INFO = 9;
    public static final int SUBSCRIBE = 10;
    public static final int RESPONSE = 99;
    /** The status code of a response whose status line has no code. */
    public static final int UNDEFINED_STATUS = 999;

    /** ipfixprobe ignores shorter payloads. */
    public static final int MIN_LENGTH = 64;

    private static final int REGI = word("REGI");
    private static final int INVI = word("INVI");
    private static final int OPTI = word("OPTI");
    private static final int NOTI = word("NOTI");
    private static final int CANC = word("CANC");
    private static final int INFO_ = word("INFO");
    private static final int SIP_ = word("SIP/");
    private static final int ACK_ = word("ACK ");
    private static final int BYE_ = word("BYE ");
    private static final int SUBS = word("SUBS");
    private static final int PUBL = word("PUBL");
    private static final long OPTIONS_SIP = ((long)word("ONS ") << 32) | (word("sip:") & 0xFFFF_FFFFL);
    private static final long NOTIFY_SSDP = ((long)word("FY *") << 32) | (word(" HTT") & 0xFFFF_FFFFL);

    private SipMessage()
    {
    }

    /** The message type, or {@link #INVALID} when the payload is not a SIP message. */
    public static int type(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MIN_LENGTH)
        {
            return INVALID;
        }
        final int first = buffer.getInt(offset, ByteOrder.BIG_ENDIAN);
        if (first == REGI)
        {
            return REGISTER;
        }
        if (first == INVI)
        {
            return INVITE;
        }
        if (first == SIP_)
        {
            return RESPONSE;
        }
        if (first == ACK_)
        {
            return ACK;
        }
        if (first == BYE_)
        {
            return BYE;
        }
        if (first == CANC)
        {
            return CANCEL;
        }
        if (first == OPTI)
        {
            return buffer.getLong(offset + 4, ByteOrder.BIG_ENDIAN) == OPTIONS_SIP ? OPTIONS : INVALID;
        }
        if (first == NOTI)
        {
            return buffer.getLong(offset + 4, ByteOrder.BIG_ENDIAN) == NOTIFY_SSDP ? INVALID : NOTIFY;
        }
        if (first == INFO_)
        {
            return INFO;
        }
        if (first == SUBS)
        {
            return SUBSCRIBE;
        }
        if (first == PUBL)
        {
            return PUBLISH;
        }
        return INVALID;
    }

    private static int word(final String text)
    {
        return (text.charAt(0) << 24) | (text.charAt(1) << 16) | (text.charAt(2) << 8) | text.charAt(3);
    }
}
