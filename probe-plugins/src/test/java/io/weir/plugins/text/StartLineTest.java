package io.weir.plugins.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** RequestLine, StatusLine and HeaderLine on the start lines and headers of real and broken messages. */
class StartLineTest
{
    private static final byte[] HTTP = Ascii.bytes("HTTP");

    private static UnsafeBuffer buffer(final String text)
    {
        return new UnsafeBuffer(Captured.text(text));
    }

    private static boolean looksLikeRequest(final String text, final boolean anyMethod)
    {
        return RequestLine.looksLike(buffer(text), 0, text.length(), anyMethod, HTTP);
    }

    @Test
    void requestGateAcceptsCompleteAndUnfinishedRequestLines()
    {
        assertTrue(looksLikeRequest("GET / HTTP/1.1\r\nHost: a\r\n", false));
        assertTrue(looksLikeRequest("M-SEARCH * HTTP/1.1\r\n", true));
        assertTrue(looksLikeRequest("GET /a-long-uri-cut-by-the-segm", false));
        assertTrue(looksLikeRequest("GET / HT", false));
        assertFalse(looksLikeRequest("GET / HX", false));
        assertFalse(looksLikeRequest("GET / FTP/1.0\r\n", false));
        assertFalse(looksLikeRequest("GET /\r\nHost: a b HTTP\r\n", false), "the protocol must be on the first line");
        assertFalse(looksLikeRequest("\u0016\u0003\u0001 x HTTP", true));
        assertFalse(looksLikeRequest("A".repeat(32) + " / HTTP/1.1\r\n", true));
    }

    @Test
    void requestLineGivesMethodAndUri()
    {
        final RequestLine line = new RequestLine();
        final UnsafeBuffer text = buffer("POST /form?a=b HTTP/1.0\r");

        assertTrue(line.wrap(text, 0, text.capacity(), false, HTTP));
        assertEquals(0, line.methodOffset());
        assertEquals(4, line.methodLength());
        assertEquals(5, line.uriOffset());
        assertEquals(9, line.uriLength());
    }

    @Test
    void truncatedRequestLineKeepsWhatItHas()
    {
        final RequestLine line = new RequestLine();
        final UnsafeBuffer text = buffer("GET /very/long/uri/without/end");

        assertFalse(line.wrap(text, 0, text.capacity(), false, HTTP));
        assertTrue(line.wrap(text, 0, text.capacity(), true, HTTP));
        assertEquals(text.capacity() - 4, line.uriLength());
    }

    @Test
    void statusCodeIsAtoiOfTheSecondToken()
    {
        assertEquals(200, StatusLine.code(buffer("HTTP/1.1 200 OK\r"), 0, 16));
        assertEquals(200, StatusLine.code(buffer("HTTP/1.1 200\r"), 0, 13));
        assertEquals(20, StatusLine.code(buffer("HTTP/1.1 20x OK"), 0, 15));
        assertEquals(0, StatusLine.code(buffer("HTTP/1.1 -1 OK"), 0, 14));
        assertEquals(0, StatusLine.code(buffer("HTTP/1.1"), 0, 8));
        assertEquals(999_999_999, StatusLine.code(buffer("HTTP/1.1 99999999999999999999 OK"), 0, 32));
    }

    @Test
    void headerLineSplitsNameAndValueWithoutBlanks()
    {
        final HeaderLine header = new HeaderLine();
        final UnsafeBuffer text = buffer("Via :  SIP/2.0/UDP h \t");

        assertTrue(header.wrap(text, 0, text.capacity()));
        assertTrue(header.nameIs(Ascii.bytes("via")));
        assertEquals("SIP/2.0/UDP h", text.getStringWithoutLengthAscii(header.valueOffset(), header.valueLength()));
        assertFalse(header.wrap(buffer("no colon here"), 0, 13));
    }
}
