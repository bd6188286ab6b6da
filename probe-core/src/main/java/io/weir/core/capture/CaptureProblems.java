package io.weir.core.capture;

import java.nio.file.Path;

/**
 * Where capture readers report bad input. Readers never throw for bad data: they report
 * here, keep what was good, and move on to the next file.
 */
public interface CaptureProblems
{
    /** Something was wrong but the rest of the input is usable (a truncated last record, ...). */
    void warning(Path file, long offset, String message);

    /** The file cannot be read at all (missing, unreadable, not a capture). */
    void unusable(Path file, String message);
}
