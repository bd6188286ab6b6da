package io.weir.plugins.sip;

import io.weir.plugins.text.BoundedText;

/** What the sip plugin keeps for one flow: one SIP message. Not thread safe: owned by the capture worker. */
public final class SipFlow
{
    int messageType;
    int statusCode;
    final BoundedText cseq = new BoundedText(SipFields.TEXT_LENGTH);
    final BoundedText callingParty = new BoundedText(SipFields.TEXT_LENGTH);
    final BoundedText calledParty = new BoundedText(SipFields.TEXT_LENGTH);
    final BoundedText callId = new BoundedText(SipFields.TEXT_LENGTH);
    final BoundedText userAgent = new BoundedText(SipFields.TEXT_LENGTH);
    final BoundedText requestUri = new BoundedText(SipFields.TEXT_LENGTH);
    final BoundedText via = new BoundedText(SipFields.TEXT_LENGTH);

    void reset()
    {
        messageType = SipMessage.INVALID;
        statusCode = 0;
        cseq.clear();
        callingParty.clear();
        calledParty.clear();
        callId.clear();
        userAgent.clear();
        requestUri.clear();
        via.clear();
    }

    public int messageType()
    {
        return messageType;
    }

    public int statusCode()
    {
        return statusCode;
    }

    public BoundedText cseq()
    {
        return cseq;
    }

    public BoundedText callingParty()
    {
        return callingParty;
    }

    public BoundedText calledParty()
    {
        return calledParty;
    }

    public BoundedText callId()
    {
        return callId;
    }

    public BoundedText userAgent()
    {
        return userAgent;
    }

    public BoundedText requestUri()
    {
        return requestUri;
    }

    public BoundedText via()
    {
        return via;
    }
}
