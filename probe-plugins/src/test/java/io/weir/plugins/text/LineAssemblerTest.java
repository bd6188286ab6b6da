package io.weir.plugins.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class LineAssemblerTest
{
    private final LineAssembler lines = new LineAssembler(24);

    private List<String> feed(final String segment)
    {
        final byte[] bytes = Captured.text(segment);
        lines.wrap(new UnsafeBuffer(bytes), 0, bytes.length);
        final List<String> out = new ArrayList<>();
        while (lines.next())
        {
            final byte[] line = new byte[lines.lineLength()];
            lines.lineBuffer().getBytes(lines.lineOffset(), line);
            out.add(Captured.text(line) + (lines.lineTruncated() ? "…" : ""));
        }
        return out;
    }

    @Test
    void linesOfOneSegmentComeOutWithTheirCr()
    {
        assertEquals(List.of("a\r", "bc", ""), feed("a\r\nbc\n\nrest"));
        assertTrue(lines.hasPartialLine());
    }

    @Test
    void lineSplitAcrossSegmentsComesOutWhole()
    {
        assertEquals(List.of(), feed("Host: exa"));
        assertEquals(List.of(), feed("mple.c"));
        assertEquals(List.of("Host: example.com\r", "X"), feed("om\r\nX\n"));
        assertFalse(lines.hasPartialLine());
    }

    @Test
    void lineEndSplitBetweenCrAndLfIsJoined()
    {
        assertEquals(List.of(), feed("abc\r"));
        assertEquals(List.of("abc\r"), feed("\n"));
    }

    @Test
    void splitLineLongerThanTheCarryIsCutAndMarked()
    {
        assertEquals(List.of(), feed("0123456789abcdef"));
        assertEquals(List.of("0123456789abcdefghijklmn…", "next"), feed("ghijklmnopqr\nnext\n"));
    }

    @Test
    void resetForgetsThePartialLine()
    {
        feed("partial");
        lines.reset();

        assertEquals(List.of("new"), feed("new\n"));
    }

    @Test
    void emptySegmentYieldsNothing()
    {
        assertEquals(List.of(), feed(""));
        assertFalse(lines.hasPartialLine());
    }
}
