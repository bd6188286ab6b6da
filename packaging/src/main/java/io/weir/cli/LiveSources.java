package io.weir.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.weir.core.capture.PacketSource;
import io.weir.nativeio.AfPacketSource;
import io.weir.nativeio.LiveCaptureException;
import io.weir.nativeio.PcapLiveSource;

/** Opens the live inputs, all or none: when one cannot be opened, those already open are closed. */
final class LiveSources
{
    private LiveSources()
    {
    }

    static List<PacketSource> open(final List<InputSpecs.LiveInput> inputs)
    {
        final List<PacketSource> sources = new ArrayList<>();
        try
        {
            for (final InputSpecs.LiveInput input : inputs)
            {
                sources.add(input.raw() != null ? AfPacketSource.open(input.raw()) : PcapLiveSource.open(input.pcap()));
            }
            return sources;
        }
        catch (final LiveCaptureException | IllegalArgumentException ex)
        {
            for (final PacketSource source : sources)
            {
                source.close();
            }
            throw ex instanceof LiveCaptureException ? (LiveCaptureException)ex : new LiveCaptureException(ex.getMessage());
        }
    }

    /** "interface eth0" or "interfaces eth0, eth1", for the summary. */
    static String describe(final List<InputSpecs.LiveInput> inputs)
    {
        final Set<String> names = new LinkedHashSet<>();
        for (final InputSpecs.LiveInput input : inputs)
        {
            names.add(input.interfaceName());
        }
        return (names.size() == 1 ? "interface " : "interfaces ") + String.join(", ", names);
    }
}
