package io.weir.plugins.sip;

import io.weir.plugins.text.Ascii;
import io.weir.plugins.text.BoundedText;
import io.weir.plugins.text.HeaderLine;
import org.agrona.DirectBuffer;

/**
 * Reads one SIP message into a {@link SipFlow} the way ipfixprobe does: the request URI or the
 * status code from the first line, then the header lines up to the first empty one. From and
 * To give the first {@code sip:}/{@code sips:} URI in them (up to '>' or ';'); Call-ID, CSeq,
 * User-Agent and Via give their value up to the first ';'; several Via values are joined with
 * ';'. Compact header names (f, t, i, v) count. Not thread safe: owned by the capture worker.
 */
public final class SipParser
{
    private static final byte[] FROM = Ascii.bytes("from");
    private static final byte[] FROM_COMPACT = Ascii.bytes("f");
    private static final byte[] TO = Ascii.bytes("to");
    private static final byte[] TO_COMPACT = Ascii.bytes("t");
    private static final byte[] VIA = Ascii.bytes("via");
    private static final byte[] VIA_COMPACT = Ascii.bytes("v");
    private static final byte[] CALL_ID = Ascii.bytes("call-id");
    private static final byte[] CALL_ID_COMPACT = Ascii.bytes("i");
    private static final byte[] USER_AGENT = Ascii.bytes("user-agent");
    private static final byte[] CSEQ = Ascii.bytes("cseq");
    private static final byte[] SIP = Ascii.bytes("sip");
    private static final byte[] SIPS = Ascii.bytes("sips");
    private static final byte SEMICOLON = ';';
    private static final byte ANGLE_CLOSE = '>';

    private final HeaderLine header = new HeaderLine();

    /** Reads a message of the given type (from {@link SipMessage#type}) into a reset flow state. */
    public void parse(final SipFlow flow, final int type, final DirectBuffer buffer, final int offset, final int length)
    {
        flow.reset();
        flow.messageType = type;
        final int end = offset + length;
        int lineEnd = lineEnd(buffer, offset, end);
        final int firstLineEnd = Ascii.trimEnd(buffer, offset, lineEnd);
        final int space = Ascii.indexOf(buffer, offset, firstLineEnd, Ascii.SPACE);
        if (type == SipMessage.RESPONSE)
        {
            flow.statusCode = space < 0 ? SipMessage.UNDEFINED_STATUS
                : Ascii.leadingNumber(buffer, space + 1, tokenEnd(buffer, space + 1, firstLineEnd)) & 0xFFFF;
        }
        else if (space >= 0)
        {
            value(flow.requestUri, buffer, space + 1, tokenEnd(buffer, space + 1, firstLineEnd));
        }
        int position = lineEnd + 1;
        while (position < end)
        {
            lineEnd = lineEnd(buffer, position, end);
            final int contentEnd = Ascii.withoutCr(buffer, position, lineEnd);
            if (contentEnd == position)
            {
                return;
            }
            if (header.wrap(buffer, position, contentEnd - position))
            {
                onHeader(flow);
            }
            position = lineEnd + 1;
        }
    }

    private void onHeader(final SipFlow flow)
    {
        final DirectBuffer buffer = header.buffer();
        if (header.nameIs(FROM) || header.nameIs(FROM_COMPACT))
        {
            uri(flow.callingParty, buffer, header.valueOffset(), header.valueEnd());
        }
        else if (header.nameIs(TO) || header.nameIs(TO_COMPACT))
        {
            uri(flow.calledParty, buffer, header.valueOffset(), header.valueEnd());
        }
        else if (header.nameIs(VIA) || header.nameIs(VIA_COMPACT))
        {
            if (flow.via.isEmpty())
            {
                value(flow.via, buffer, header.valueOffset(), header.valueEnd());
            }
            else if (flow.via.length() < flow.via.capacity())
            {
                flow.via.append(SEMICOLON);
                appendValue(flow.via, buffer, header.valueOffset(), header.valueEnd());
            }
        }
        else if (header.nameIs(CALL_ID) || header.nameIs(CALL_ID_COMPACT))
        {
            value(flow.callId, buffer, header.valueOffset(), header.valueEnd());
        }
        else if (header.nameIs(USER_AGENT))
        {
            value(flow.userAgent, buffer, header.valueOffset(), header.valueEnd());
        }
        else if (header.nameIs(CSEQ))
        {
            value(flow.cseq, buffer, header.valueOffset(), header.valueEnd());
        }
    }

    /** A value up to its first ';', without surrounding blanks. */
    private static void value(final BoundedText target, final DirectBuffer buffer, final int from, final int to)
    {
        target.clear();
        appendValue(target, buffer, from, to);
    }

    private static void appendValue(final BoundedText target, final DirectBuffer buffer, final int from, final int to)
    {
        final int start = Ascii.skipBlanks(buffer, from, to);
        final int semicolon = Ascii.indexOf(buffer, start, to, SEMICOLON);
        final int end = Ascii.trimEnd(buffer, start, semicolon < 0 ? to : semicolon);
        target.append(buffer, start, end - start);
    }

    /**
     * The first {@code sip:} or {@code sips:} URI of a From or To value, up to '>', else up to ';',
     * else to the end; nothing when there is none.
     */
    private static void uri(final BoundedText target, final DirectBuffer buffer, final int from, final int to)
    {
        int colon = Ascii.indexOf(buffer, from, to, Ascii.COLON);
        while (colon >= 0)
        {
            final int start;
            if (colon - SIP.length >= from && Ascii.equalsIgnoreCase(buffer, colon - SIP.length, SIP.length, SIP))
            {
                start = colon - SIP.length;
            }
            else if (colon - SIPS.length >= from && Ascii.equalsIgnoreCase(buffer, colon - SIPS.length, SIPS.length, SIPS))
            {
                start = colon - SIPS.length;
            }
            else
            {
                colon = Ascii.indexOf(buffer, colon + 1, to, Ascii.COLON);
                continue;
            }
            int end = Ascii.indexOf(buffer, start, to, ANGLE_CLOSE);
            if (end < 0)
            {
                end = Ascii.indexOf(buffer, start, to, SEMICOLON);
            }
            if (end < 0)
            {
                end = Ascii.trimEnd(buffer, start, to);
            }
            target.set(buffer, start, end - start);
            return;
        }
    }

    private static int lineEnd(final DirectBuffer buffer, final int from, final int end)
    {
        final int lf = Ascii.indexOf(buffer, from, end, Ascii.LF);
        return lf < 0 ? end : lf;
    }

    private static int tokenEnd(final DirectBuffer buffer, final int from, final int end)
    {
        final int space = Ascii.indexOf(buffer, from, end, Ascii.SPACE);
        return space < 0 ? end : space;
    }
}
