package io.weir.core.capture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Keeps every problem a reader reports, in order. */
final class RecordingProblems implements CaptureProblems
{
    /** One call: {@code offset} is -1 for {@link #unusable}, which has none. */
    record Problem(String kind, Path file, long offset, String message)
    {
        static Problem warning(final Path file, final long offset, final String message)
        {
            return new Problem("warning", file, offset, message);
        }

        static Problem unusable(final Path file, final String message)
        {
            return new Problem("unusable", file, -1, message);
        }
    }

    final List<Problem> reported = new ArrayList<>();

    @Override
    public void warning(final Path file, final long offset, final String message)
    {
        reported.add(Problem.warning(file, offset, message));
    }

    @Override
    public void unusable(final Path file, final String message)
    {
        reported.add(Problem.unusable(file, message));
    }
}
