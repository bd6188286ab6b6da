package io.weir.plugins.rtsp;

import java.nio.ByteOrder;
import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.RecordWriter;
import io.weir.plugins.text.Ascii;
import io.weir.plugins.text.HeaderLine;
import io.weir.plugins.text.MessageHeadPlugin;
import io.weir.plugins.text.RequestLine;
import io.weir.plugins.text.StatusLine;
import org.agrona.DirectBuffer;

/**
 * ipfixprobe's rtsp plugin: request method, URI and user agent; response status code, server
 * and content type. A payload is a request when it starts with one of the methods ipfixprobe
 * knows (the HTTP ones and DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, RECORD, ANNOUNCE, by their
 * first four bytes) followed by a URI and {@code RTSP}, and a response when it starts with
 * {@code RTSP} and a positive status code. Not thread safe: owned by the capture worker.
 */
public final class RtspPlugin extends MessageHeadPlugin<RtspFlow>
{
    private static final byte[] RTSP = Ascii.bytes("RTSP");
    private static final int RTSP_INT = ('R' << 24) | ('T' << 16) | ('S' << 8) | 'P';
    private static final int[] KNOWN_METHODS = {
        prefix("GET "), prefix("POST"), prefix("PUT "), prefix("HEAD"), prefix("DELE"), prefix("TRAC"),
        prefix("OPTI"), prefix("CONN"), prefix("PATC"), prefix("DESC"), prefix("SETU"), prefix("PLAY"),
        prefix("PAUS"), prefix("TEAR"), prefix("RECO"), prefix("ANNO")};

    private static final byte[] USER_AGENT = Ascii.bytes("user-agent");
    private static final byte[] CONTENT_TYPE = Ascii.bytes("content-type");
    private static final byte[] SERVER = Ascii.bytes("server");

    private final RequestLine requestLine = new RequestLine();

    public RtspPlugin(final int flowSlots)
    {
        super(flowSlots, RtspFlow::new);
    }

    @Override
    public String name()
    {
        return RtspPluginFactory.NAME;
    }

    @Override
    public List<Field> fields()
    {
        return RtspFields.ALL;
    }

    @Override
    protected int kind(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < 4)
        {
            if (Ascii.isPrefixOf(buffer, offset, length, RTSP))
            {
                return RESPONSE | TENTATIVE;
            }
            return length > 0 && Ascii.isUpperCaseWord(buffer, offset, offset + length) ? REQUEST | TENTATIVE : NONE;
        }
        final int first = buffer.getInt(offset, ByteOrder.BIG_ENDIAN);
        if (first == RTSP_INT)
        {
            return StatusLine.looksLike(buffer, offset, length) ? RESPONSE : NONE;
        }
        return isKnownMethod(first) && RequestLine.looksLike(buffer, offset, length, false, RTSP) ? REQUEST : NONE;
    }

    @Override
    protected boolean onRequestLine(final RtspFlow flow, final DirectBuffer buffer, final int offset,
                                    final int length, final boolean truncated)
    {
        if (!requestLine.wrap(buffer, offset, length, truncated, RTSP) || requestLine.methodLength() < 3
            || !isKnownMethod(buffer.getInt(offset, ByteOrder.BIG_ENDIAN)))
        {
            return false;
        }
        flow.method.set(buffer, requestLine.methodOffset(), requestLine.methodLength());
        flow.uri.set(buffer, requestLine.uriOffset(), requestLine.uriLength());
        flow.userAgent.clear();
        return true;
    }

    @Override
    protected boolean onStatusLine(final RtspFlow flow, final DirectBuffer buffer, final int offset,
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
        return true;
    }

    @Override
    protected void onRequestHeader(final RtspFlow flow, final HeaderLine header)
    {
        if (header.nameIs(USER_AGENT))
        {
            flow.userAgent.set(header.buffer(), header.valueOffset(), header.valueLength());
        }
    }

    @Override
    protected void onResponseHeader(final RtspFlow flow, final HeaderLine header)
    {
        if (header.nameIs(CONTENT_TYPE))
        {
            flow.contentType.set(header.buffer(), header.valueOffset(), header.valueLength());
        }
        else if (header.nameIs(SERVER))
        {
            flow.server.set(header.buffer(), header.valueOffset(), header.valueLength());
        }
    }

    @Override
    protected void write(final RtspFlow flow, final RecordWriter writer)
    {
        flow.method.write(writer);
        flow.userAgent.write(writer);
        flow.uri.write(writer);
        writer.u16(flow.statusCode);
        flow.server.write(writer);
        flow.contentType.write(writer);
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
