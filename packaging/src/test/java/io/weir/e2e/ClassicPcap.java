package io.weir.e2e;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** A classic pcap version of a capture: the file itself, or editcap's conversion of a pcapng file. */
final class ClassicPcap
{
    private ClassicPcap()
    {
    }

    static Path of(final Path capture, final Path tempDir) throws IOException
    {
        final byte[] head = new byte[4];
        try (var in = Files.newInputStream(capture))
        {
            if (in.readNBytes(head, 0, 4) != 4)
            {
                throw new IOException(capture + " is too short");
            }
        }
        if (ByteBuffer.wrap(head).getInt() != 0x0A0D0D0A)
        {
            return capture;
        }
        final Path converted = tempDir.resolve(capture.getFileName() + ".classic.pcap");
        Tool.run("editcap", "-F", "pcap", capture.toString(), converted.toString());
        return converted;
    }
}
