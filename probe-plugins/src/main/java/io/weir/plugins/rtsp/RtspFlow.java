package io.weir.plugins.rtsp;

import io.weir.plugins.text.BoundedText;
import io.weir.plugins.text.MessageHeadFlow;

/** What the rtsp plugin keeps for one flow. Not thread safe: owned by the capture worker. */
public final class RtspFlow extends MessageHeadFlow
{
    /** Room for a split request line or header line up to the longest field. */
    static final int CARRY_CAPACITY = 256;

    final BoundedText method = new BoundedText(RtspFields.METHOD_LENGTH);
    final BoundedText userAgent = new BoundedText(RtspFields.USER_AGENT_LENGTH);
    final BoundedText uri = new BoundedText(RtspFields.URI_LENGTH);
    final BoundedText server = new BoundedText(RtspFields.SERVER_LENGTH);
    final BoundedText contentType = new BoundedText(RtspFields.CONTENT_TYPE_LENGTH);
    int statusCode;

    RtspFlow()
    {
        super(CARRY_CAPACITY);
    }

    @Override
    protected void clearFields()
    {
        method.clear();
        userAgent.clear();
        uri.clear();
        server.clear();
        contentType.clear();
        statusCode = 0;
    }

    public BoundedText method()
    {
        return method;
    }

    public BoundedText userAgent()
    {
        return userAgent;
    }

    public BoundedText uri()
    {
        return uri;
    }

    public BoundedText server()
    {
        return server;
    }

    public BoundedText contentType()
    {
        return contentType;
    }

    public int statusCode()
    {
        return statusCode;
    }
}
