package io.weir.export.ipfix;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** {@link ExportHarness} for tests in other packages. */
public final class ExportHarnessAccess
{
    private ExportHarnessAccess()
    {
    }

    /** Decodes a stream; returns the problems reported. */
    public static List<String> decode(final InputStream in, final DecodeSession session) throws IOException
    {
        return ExportHarness.decode(in, InformationModel.standard(), false, session).problems;
    }
}
