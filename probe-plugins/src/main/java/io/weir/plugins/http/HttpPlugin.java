package io.weir.plugins.http;

import java.nio.ByteOrder;
import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.plugins.text.Ascii;
import io.weir.plugins.text.BoundedText;
import io.weir.plugins.text.HeaderLine;
import io.weir.plugins.text.MessageHeadPlugin;
import io.weir.plugins.text.RequestLine;
import io.weir.plugins.text.StatusLine;
import org.agrona.DirectBuffer;

/**
 * ipfixprobe's http plugin: request method, host, URL, user agent and referer; response status
 * code, content type, server and the names of the cookies it sets. A payload is a request when
 * it starts with one of the methods ipfixprobe knows (or any upper-case method token) followed
 * by a URI and {@code HTTP}, and a response when it starts with {@code HTTP} and a positive
 * status code. Header names match regardless of case. Not thread safe: owned by the capture worker.
 */
public final class HttpPlugin extends MessageHeadPlugin<HttpFlow>
{
    private static final byte[] HTTP = Ascii.bytes("HTTP");
    private static final int HTTP_INT = ('H' << 24) | ('T' << 16) | ('T' << 8) | 'P';
    private static final int[] KNOWN_METHODS = {
        prefix("GET "), prefix("POST"), prefix("PUT "), prefix("HEAD"), prefix("DELE"), prefix("TRAC"),
        prefix("OPTI"), prefix("CONN"), prefix("PATC")};

    private static final byte[] HOST = Ascii.bytes("host");
    private static final byte[] USER_AGENT = Ascii.bytes("user-agent");
    private static final byte[] REFERER = Ascii.bytes("referer");
    private static final byte[] CONTENT_TYPE = Ascii.bytes("content-type");
    private static final byte[] SERVER = Ascii.bytes("server");
    private static final byte[] SET_COOKIE = Ascii.bytes("set-cookie");
    private static final byte COOKIE_NAME_END = '=';
    private static final byte COOKIE_NAME_SEPARATOR = ';';

    private final RequestLine requestLine = new RequestLine();

    public HttpPlugin(final int flowSlots)
    {
        super(flowSlots, HttpFlow::new);
    }

    @Override
    public String name()
    {
        return HttpPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return HttpFields.ALL;
    }

    @Override
    protected int kind(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < 4)
        {
            if (Ascii.isPrefixOf(buffer, offset, length, HTTP))
            {
                return RESPONSE | TENTATIVE;
            }
            return length > 0 && Ascii.isUpperCaseWord(buffer, offset, offset + length) ? REQUEST | TENTATIVE : NONE;
        }
        final int first = buffer.getInt(offset, ByteOrder.BIG_ENDIAN);
        if (first == HTTP_INT)
        {
            return StatusLine.looksLike(buffer, offset, length) ? RESPONSE : NONE;
        }
        final boolean known = isKnownMethod(first);
        if (!known && !Ascii.isUpper(buffer.getByte(offset)))
        {
            return NONE;
        }
        return RequestLine.looksLike(buffer, offset, length, !known, HTTP) ? REQUEST : NONE;
    }

    @Override
    protected boolean onRequestLine(final HttpFlow flow, final DirectBuffer buffer, final int offset,
                                    final int length, final boolean truncated)
    {
        if (!requestLine.wrap(buffer, offset, length, truncated, HTTP)
            || !isMethod(buffer, requestLine.methodOffset(), requestLine.methodLength()))
        {
            return false;
        }
        flow.method.set(buffer, requestLine.methodOffset(), requestLine.methodLength());
        flow.url.set(buffer, requestLine.uriOffset(), requestLine.uriLength());
        flow.host.clear();
        flow.userAgent.clear();
        flow.referer.clear();
        return true;
    }

    @Override
    protected boolean onStatusLine(final HttpFlow flow, final DirectBuffer buffer, final int offset,
                                   final int length, final boolean truncated)
    {
        final int code = StatusLine.code(buffer, offset, length);
        if (code <= 0)
        {
            return false;
        }
        flow.statusCode = code & 0xFFFF;
        flow.contentType.clear();
        flow.server.clear();
        flow.setCookieNames.clear();
        return true;
    }

    @Override
    protected void onRequestHeader(final HttpFlow flow, final HeaderLine header)
    {
        if (header.nameIs(HOST))
        {
            flow.host.set(header.buffer(), header.valueOffset(), header.valueLength());
        }
        else if (header.nameIs(USER_AGENT))
        {
            flow.userAgent.set(header.buffer(), header.valueOffset(), header.valueLength());
        }
        else if (header.nameIs(REFERER))
        {
            flow.referer.set(header.buffer(), header.valueOffset(), header.valueLength());
        }
    }

    @Override
    protected void onResponseHeader(final HttpFlow flow, final HeaderLine header)
    {
        if (header.nameIs(CONTENT_TYPE))
        {
            flow.contentType.set(header.buffer(), header.valueOffset(), header.valueLength());
        }
        else if (header.nameIs(SERVER))
        {
            flow.server.set(header.buffer(), header.valueOffset(), header.valueLength());
        }
        else if (header.nameIs(SET_COOKIE))
        {
            addCookieName(flow.setCookieNames, header);
        }
    }

    /**
     * Appends the cookie's name (what precedes '=') to the list, after a ';' when the list is not
     * empty, as far as it fits; a list with no room for more than the separator is left alone.
     */
    private static void addCookieName(final BoundedText names, final HeaderLine header)
    {
        final int nameEnd = Ascii.indexOf(header.buffer(), header.valueOffset(), header.valueEnd(), COOKIE_NAME_END);
        if (nameEnd < 0)
        {
            return;
        }
        if (!names.isEmpty())
        {
            if (names.length() + 1 >= names.capacity())
            {
                return;
            }
            names.append(COOKIE_NAME_SEPARATOR);
        }
        names.append(header.buffer(), header.valueOffset(), nameEnd - header.valueOffset());
    }

    @Override
    protected void write(final HttpFlow flow, final RecordWriter writer)
    {
        flow.userAgent.write(writer);
        flow.method.write(writer);
        flow.host.write(writer);
        flow.referer.write(writer);
        flow.url.write(writer);
        flow.contentType.write(writer);
        flow.server.write(writer);
        flow.setCookieNames.write(writer);
        writer.u16(flow.statusCode);
    }

    /** A method ipfixprobe knows by its first four bytes, or an upper-case token (what the gate lets in). */
    private static boolean isMethod(final DirectBuffer buffer, final int offset, final int length)
    {
        return length >= 4 && isKnownMethod(buffer.getInt(offset, ByteOrder.BIG_ENDIAN))
            || RequestLine.isMethodToken(buffer, offset, length);
    }

    private static boolean isKnownMethod(final int first)
    {
        for (final int method : KNOWN_METHODS)
        {
            if (first == method)
            {
                return true;
            }
        }
        return false;
    }

    private static int prefix(final String method)
    {
        return (method.charAt(0) << 24) | (method.charAt(1) << 16) | (method.charAt(2) << 8) | method.charAt(3);
    }
}
