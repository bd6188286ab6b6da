package io.weir.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.capture.InputPaths;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;

/**
 * The {@code -i} option: ipfixprobe's {@code pcap;file=PATH} (also {@code f=}), or a bare path.
 * Every file input is read in the order given, as one packet stream.
 */
final class InputSpecs
{
    static final List<PluginOption> PCAP_OPTIONS = List.of(
        new PluginOption("file", "f", "PATH", "capture file (pcap or pcapng), directory of captures, or glob"));

    private InputSpecs()
    {
    }

    /** The capture files named by the -i options and positional arguments, expanded and in order. */
    static List<Path> files(final List<String> inputs)
    {
        final List<Path> files = new ArrayList<>();
        for (final String input : inputs)
        {
            final String path = pathOf(input);
            final List<Path> expanded = InputPaths.expand(path);
            if (expanded.isEmpty())
            {
                throw new UsageException("no capture files in directory " + path);
            }
            files.addAll(expanded);
        }
        return files;
    }

    private static String pathOf(final String input)
    {
        if (!input.contains(";") && !input.equals("pcap"))
        {
            return input;
        }
        final PluginOptions spec = PluginOptions.parse(input);
        if (!spec.plugin().equals("pcap"))
        {
            throw new UsageException("unknown input plugin '" + spec.plugin() + "' (known: pcap)");
        }
        spec.allowOnly(PCAP_OPTIONS);
        final String file = spec.value("file", "f");
        if (file == null)
        {
            throw new UsageException("input pcap needs file=PATH");
        }
        return file;
    }

    static void help(final StringBuilder out)
    {
        out.append("Input plugins (-i):\n");
        out.append("  pcap      read capture files offline (pure Java, no libpcap needed)\n");
        OptionHelp.append(out, PCAP_OPTIONS);
        out.append("  A bare path is the same as pcap;file=PATH. -i may be repeated: files are read in order\n");
        out.append("  as one stream. Formats: pcap (us/ns, both byte orders), pcapng (any number of\n");
        out.append("  interfaces). Link types: Ethernet, raw IP, Linux cooked v1/v2, BSD loopback.\n");
    }
}
