package io.weir.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.weir.core.capture.InputPaths;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.nativeio.AfPacketConfig;
import io.weir.nativeio.FanoutMode;
import io.weir.nativeio.PcapLiveConfig;

/**
 * The {@code -i} option, with ipfixprobe's plugin names and option names: {@code pcap;file=PATH}
 * (also {@code f=}) or a bare path for capture files, read in the order given as one stream;
 * {@code pcap;ifc=NAME} for live capture through libpcap; {@code raw;ifc=NAME} (also
 * {@code afpacket}) for AF_PACKET TPACKET_V3 capture. A live input is one worker; {@code raw}
 * inputs on the same interface form one PACKET_FANOUT group. {@code NAME@CPU} pins the input's
 * worker thread to a CPU, as ipfixprobe's {@code raw@1;ifc=eth0} does.
 */
final class InputSpecs
{
    static final List<PluginOption> PCAP_OPTIONS = List.of(
        new PluginOption("file", "f", "PATH", "capture file (pcap or pcapng), directory of captures, or glob"),
        new PluginOption("ifc", "i", "IFC", "capture live on this interface with libpcap ('any' for all)"),
        new PluginOption("filter", "F", "STR", "live: tcpdump filter expression"),
        new PluginOption("snaplen", "s", "SIZE", "live: bytes kept of each packet, 120..65535 (default 65535)"),
        new PluginOption("promisc", "P", "BOOL", "live: promiscuous mode (default true)"),
        new PluginOption("timeout", "t", "MS", "live: libpcap buffer timeout (default 100)"),
        new PluginOption("id", "I", "NUM", "line identifier (accepted for ipfixprobe compatibility; unused)"));
    static final List<PluginOption> RAW_OPTIONS = List.of(
        new PluginOption("ifc", "i", "IFC", "network interface"),
        new PluginOption("fanout", "f", "[ID]", "join PACKET_FANOUT group ID (default: process id); automatic"
            + " when several -i name one interface"),
        new PluginOption("fanout-mode", "m", "MODE", "hash (default, keeps biflows together), lb, cpu, rollover,"
            + " rnd, qm"),
        new PluginOption("blocks", "b", "SIZE", "ring blocks (default 2048)"),
        new PluginOption("pkts", "p", "SIZE", "pages per ring block (default 32: 128 KiB blocks)"),
        new PluginOption("timeout", "t", "MS", "the kernel hands over a part-filled block after MS (default 60)"),
        new PluginOption("filter", "F", "STR", "tcpdump filter expression (compiled with libpcap)"),
        new PluginOption("snaplen", "s", "SIZE", "bytes kept of each packet (default: all)"),
        new PluginOption("promisc", "P", "BOOL", "promiscuous mode (default true)"),
        new PluginOption("id", "I", "NUM", "line identifier (accepted for ipfixprobe compatibility; unused)"));

    private InputSpecs()
    {
    }

    /** What the -i options ask for: capture files, or live sources (never both). */
    record Inputs(List<Path> files, List<LiveInput> live)
    {
        boolean isLive()
        {
            return !live.isEmpty();
        }
    }

    /** One live source: exactly one of the two configurations is set. */
    record LiveInput(AfPacketConfig raw, PcapLiveConfig pcap)
    {
        String interfaceName()
        {
            return raw != null ? raw.interfaceName() : pcap.interfaceName();
        }
    }

    /** The capture files named by the -i options and positional arguments, expanded and in order. */
    static List<Path> files(final List<String> inputs)
    {
        final Inputs parsed = parse(inputs, 0);
        if (parsed.isLive())
        {
            throw new UsageException("expected capture files, got a live interface");
        }
        return parsed.files();
    }

    /**
     * @param processId used for the default fanout group id, as ipfixprobe does
     */
    static Inputs parse(final List<String> inputs, final long processId)
    {
        final List<Path> files = new ArrayList<>();
        final List<RawDraft> raw = new ArrayList<>();
        final List<LiveInput> live = new ArrayList<>();
        for (final String input : inputs)
        {
            if (!input.contains(";") && !input.equals("pcap") && !input.startsWith("raw") && !input.startsWith("afpacket"))
            {
                addFiles(files, input);
                continue;
            }
            final int semicolon = input.indexOf(';');
            final String head = semicolon < 0 ? input : input.substring(0, semicolon);
            final int at = head.indexOf('@');
            final String plugin = (at < 0 ? head : head.substring(0, at)).trim();
            final int cpu = at < 0 ? -1 : cpu(head.substring(at + 1).trim(), plugin);
            final PluginOptions spec = PluginOptions.parse(plugin + (semicolon < 0 ? "" : input.substring(semicolon)));
            switch (plugin)
            {
                case "pcap":
                    spec.allowOnly(PCAP_OPTIONS);
                    final String file = spec.value("file", "f");
                    final String ifc = spec.value("ifc", "i");
                    if (file != null && ifc != null)
                    {
                        throw new UsageException("input pcap: give file=PATH or ifc=IFC, not both");
                    }
                    if (file != null)
                    {
                        for (final String liveOnly : new String[] {"filter", "snaplen", "promisc", "timeout"})
                        {
                            if (spec.has(liveOnly, shortName(PCAP_OPTIONS, liveOnly)))
                            {
                                throw new UsageException("input pcap: " + liveOnly + " is for live capture (ifc=IFC),"
                                    + " not for capture files");
                            }
                        }
                        if (cpu >= 0)
                        {
                            throw new UsageException("input pcap: @CPU is for live capture, not for capture files");
                        }
                        addFiles(files, file);
                    }
                    else if (ifc != null)
                    {
                        live.add(new LiveInput(null, pcapLive(spec, ifc, cpu)));
                    }
                    else
                    {
                        throw new UsageException("input pcap needs file=PATH or ifc=IFC");
                    }
                    break;
                case "raw":
                case "afpacket":
                    spec.allowOnly(RAW_OPTIONS);
                    raw.add(new RawDraft(spec, cpu, live.size()));
                    live.add(null);
                    break;
                default:
                    throw new UsageException("unknown input plugin '" + plugin + "' (known: pcap, raw)");
            }
        }
        resolveRaw(raw, live, processId);
        if (!files.isEmpty() && !live.isEmpty())
        {
            throw new UsageException("capture files and live interfaces cannot be read in one run");
        }
        final Map<String, Integer> pcapPerInterface = new LinkedHashMap<>();
        for (final LiveInput input : live)
        {
            if (input.pcap() != null && pcapPerInterface.merge(input.interfaceName(), 1, Integer::sum) > 1)
            {
                throw new UsageException("input pcap: interface " + input.interfaceName() + " is given twice;"
                    + " libpcap has no fanout, so each worker would see every packet: use raw for several workers");
            }
        }
        return new Inputs(files, live);
    }

    private static void addFiles(final List<Path> files, final String path)
    {
        final List<Path> expanded = InputPaths.expand(path);
        if (expanded.isEmpty())
        {
            throw new UsageException("no capture files in directory " + path);
        }
        files.addAll(expanded);
    }

    private static int cpu(final String text, final String plugin)
    {
        try
        {
            final int cpu = Integer.parseInt(text);
            if (cpu < 0)
            {
                throw new NumberFormatException();
            }
            return cpu;
        }
        catch (final NumberFormatException ex)
        {
            throw new UsageException("input " + plugin + ": CPU affinity must be a single CPU number, got '" + text + "'");
        }
    }

    private static String shortName(final List<PluginOption> options, final String longName)
    {
        for (final PluginOption option : options)
        {
            if (option.longName().equals(longName))
            {
                return option.shortName();
            }
        }
        return longName;
    }

    private static PcapLiveConfig pcapLive(final PluginOptions spec, final String ifc, final int cpu)
    {
        return new PcapLiveConfig(ifc,
            spec.intValue(PcapLiveConfig.MAX_SNAPLEN, PcapLiveConfig.MIN_SNAPLEN, PcapLiveConfig.MAX_SNAPLEN, "snaplen", "s"),
            spec.value("filter", "F"),
            !spec.has("promisc", "P") || spec.flag("promisc", "P"),
            spec.intValue(PcapLiveConfig.DEFAULT_BUFFER_TIMEOUT_MS, 1, 60_000, "timeout", "t"),
            cpu);
    }

    /** A raw input before its fanout group is known (that needs every -i on its interface). */
    private record RawDraft(PluginOptions spec, int cpu, int position)
    {
        String interfaceName()
        {
            final String ifc = spec.value("ifc", "i");
            if (ifc == null)
            {
                throw new UsageException("input raw needs ifc=IFC (the network interface)");
            }
            return ifc;
        }

        /** The group id given with fanout=ID, -1 for a bare 'fanout', -2 when not given. */
        int fanoutId()
        {
            if (!spec.has("fanout", "f"))
            {
                return -2;
            }
            final String value = optionalValue(spec, "fanout", "f");
            if (value == null)
            {
                return -1;
            }
            try
            {
                final int id = Integer.parseInt(value);
                if (id < 1 || id > 0xFFFF)
                {
                    throw new NumberFormatException();
                }
                return id;
            }
            catch (final NumberFormatException ex)
            {
                throw new UsageException("input raw: fanout group id must be 1..65535, got '" + value + "'");
            }
        }
    }

    /** The value of an option that may also be given bare (ipfixprobe's optional arguments), or null when bare. */
    private static String optionalValue(final PluginOptions spec, final String... names)
    {
        final String[] parts = spec.text().split(";", -1);
        for (int i = 1; i < parts.length; i++)
        {
            final String part = parts[i].trim();
            final int equals = part.indexOf('=');
            final String key = (equals < 0 ? part : part.substring(0, equals)).trim();
            for (final String name : names)
            {
                if (key.equals(name))
                {
                    final String value = equals < 0 ? "" : part.substring(equals + 1).trim();
                    return value.isEmpty() ? null : value;
                }
            }
        }
        return null;
    }

    private static void resolveRaw(final List<RawDraft> drafts, final List<LiveInput> live, final long processId)
    {
        final Map<String, List<RawDraft>> byInterface = new LinkedHashMap<>();
        for (final RawDraft draft : drafts)
        {
            byInterface.computeIfAbsent(draft.interfaceName(), name -> new ArrayList<>()).add(draft);
        }
        int groupIndex = 0;
        for (final Map.Entry<String, List<RawDraft>> entry : byInterface.entrySet())
        {
            final List<RawDraft> members = entry.getValue();
            int explicitId = -2;
            boolean fanout = members.size() > 1;
            for (final RawDraft member : members)
            {
                final int id = member.fanoutId();
                fanout |= id != -2;
                if (id > 0)
                {
                    if (explicitId > 0 && explicitId != id)
                    {
                        throw new UsageException("input raw: interface " + entry.getKey() + " is given with fanout groups "
                            + explicitId + " and " + id + "; one interface is one group");
                    }
                    explicitId = id;
                }
            }
            final int group = !fanout ? AfPacketConfig.NO_FANOUT
                : explicitId > 0 ? explicitId : (int)((processId + groupIndex) & 0xFFFF);
            groupIndex++;
            for (final RawDraft member : members)
            {
                live.set(member.position(), new LiveInput(rawConfig(member, entry.getKey(), group), null));
            }
        }
    }

    private static AfPacketConfig rawConfig(final RawDraft draft, final String ifc, final int group)
    {
        final PluginOptions spec = draft.spec();
        final String mode = spec.value("fanout-mode", "m");
        try
        {
            return new AfPacketConfig(ifc,
                spec.intValue(AfPacketConfig.DEFAULT_BLOCKS, 1, 1 << 20, "blocks", "b"),
                spec.intValue(AfPacketConfig.DEFAULT_PACKETS_PER_BLOCK, 1, 1 << 16, "pkts", "p"),
                spec.intValue(AfPacketConfig.DEFAULT_BLOCK_TIMEOUT_MS, 1, 60_000, "timeout", "t"),
                !spec.has("promisc", "P") || spec.flag("promisc", "P"),
                spec.value("filter", "F"),
                spec.intValue(0, 0, 262_144, "snaplen", "s"),
                group,
                mode == null ? FanoutMode.HASH : FanoutMode.parse(mode),
                draft.cpu());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException("input raw: " + ex.getMessage());
        }
    }

    static void help(final StringBuilder out)
    {
        out.append("Input plugins (-i):\n");
        out.append("  pcap      capture files offline (pure Java), or live capture through libpcap with ifc=IFC\n");
        OptionHelp.append(out, PCAP_OPTIONS);
        out.append("  A bare path is the same as pcap;file=PATH. -i may be repeated: files are read in order\n");
        out.append("  as one stream. Formats: pcap (us/ns, both byte orders), pcapng (any number of\n");
        out.append("  interfaces). Link types: Ethernet, raw IP, Linux cooked v1/v2, BSD loopback.\n");
        out.append("  raw       live capture with an AF_PACKET TPACKET_V3 ring, read in place (also: afpacket)\n");
        OptionHelp.append(out, RAW_OPTIONS);
        out.append("  Each live -i is one worker thread with its own flow cache. Several raw -i on one\n");
        out.append("  interface share its packets through PACKET_FANOUT (hash: both directions of a flow\n");
        out.append("  reach the same worker). NAME@CPU pins the worker, e.g. -i 'raw@1;ifc=eth0'.\n");
        out.append("  Live capture needs CAP_NET_RAW (root, or setcap cap_net_raw=eip on java).\n");
    }
}
