package io.weir.plugins.http;

import io.weir.plugins.text.BoundedText;
import io.weir.plugins.text.MessageHeadFlow;

/** What the http plugin keeps for one flow. Not thread safe: owned by the capture worker. */
public final class HttpFlow extends MessageHeadFlow
{
    /** Room for a split line up to the longest field that needs it (a Set-Cookie name). */
    static final int CARRY_CAPACITY = 640;

    final BoundedText method = new BoundedText(HttpFields.METHOD_LENGTH);
    final BoundedText host = new BoundedText(HttpFields.HOST_LENGTH);
    final BoundedText url = new BoundedText(HttpFields.URL_LENGTH);
    final BoundedText userAgent = new BoundedText(HttpFields.USER_AGENT_LENGTH);
    final BoundedText referer = new BoundedText(HttpFields.REFERER_LENGTH);
    final BoundedText contentType = new BoundedText(HttpFields.CONTENT_TYPE_LENGTH);
    final BoundedText server = new BoundedText(HttpFields.SERVER_LENGTH);
    final BoundedText setCookieNames = new BoundedText(HttpFields.SET_COOKIE_NAMES_LENGTH);
    int statusCode;

    HttpFlow()
    {
        super(CARRY_CAPACITY);
    }

    @Override
    protected void clearFields()
    {
        method.clear();
        host.clear();
        url.clear();
        userAgent.clear();
        referer.clear();
        contentType.clear();
        server.clear();
        setCookieNames.clear();
        statusCode = 0;
    }

    public BoundedText method()
    {
        return method;
    }

    public BoundedText host()
    {
        return host;
    }

    public BoundedText url()
    {
        return url;
    }

    public BoundedText userAgent()
    {
        return userAgent;
    }

    public BoundedText referer()
    {
        return referer;
    }

    public BoundedText contentType()
    {
        return contentType;
    }

    public BoundedText server()
    {
        return server;
    }

    public BoundedText setCookieNames()
    {
        return setCookieNames;
    }

    public int statusCode()
    {
        return statusCode;
    }
}
