package io.weir.nativeio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this process may open packet sockets: its effective capability set, from /proc/self/status. */
public final class Capabilities
{
    static final int CAP_NET_RAW = 13;
    private static final Path STATUS = Path.of("/proc/self/status");

    private Capabilities()
    {
    }

    /** Throws the one-line explanation when CAP_NET_RAW is missing; does nothing when it cannot tell. */
    public static void requireNetRaw(final String what)
    {
        final String status;
        try
        {
            status = Files.readString(STATUS, StandardCharsets.US_ASCII);
        }
        catch (final IOException ex)
        {
            // Not Linux procfs: the socket call will say so itself.
            return;
        }
        if (!hasCapability(status, CAP_NET_RAW))
        {
            throw missingNetRaw(what);
        }
    }

    static LiveCaptureException missingNetRaw(final String what)
    {
        return new LiveCaptureException(what + " needs the CAP_NET_RAW capability, which this process does not have:"
            + " run weir as root, or grant it (setcap cap_net_raw=eip on the java binary, or"
            + " AmbientCapabilities=CAP_NET_RAW in the systemd unit)");
    }

    /** True when the CapEff line of a /proc/PID/status text has the capability's bit; true when there is no such line. */
    static boolean hasCapability(final String procStatus, final int capability)
    {
        for (final String line : procStatus.split("\n"))
        {
            if (line.startsWith("CapEff:"))
            {
                final long effective = Long.parseUnsignedLong(line.substring("CapEff:".length()).trim(), 16);
                return (effective & (1L << capability)) != 0;
            }
        }
        return true;
    }
}
