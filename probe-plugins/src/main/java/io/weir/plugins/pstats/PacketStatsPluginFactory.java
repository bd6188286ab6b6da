package io.weir.plugins.pstats;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the pstats plugin: {@code -p 'pstats;includezeros;skipdup;count=30'}. */
public final class PacketStatsPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "pstats";
    public static final int DEFAULT_COUNT = 30;
    public static final int MAX_COUNT = 255;

    private static final PluginOption INCLUDE_ZEROS = new PluginOption("includezeros", "i", null,
        "also list packets without payload");
    private static final PluginOption INCLUDE_ZEROES = new PluginOption("includezeroes", null, null,
        "the same, as ipfixprobe's parser spells it");
    private static final PluginOption SKIP_DUPLICATES = new PluginOption("skipdup", "s", null,
        "leave out TCP retransmissions (same flags and length, sequence and acknowledgement not advanced)");
    private static final PluginOption COUNT = new PluginOption("count", "c", "N",
        "packets listed per flow, 1.." + MAX_COUNT + " (default " + DEFAULT_COUNT + ")");

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "lengths, times, directions and TCP flags of the first packets of each flow";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of(INCLUDE_ZEROS, INCLUDE_ZEROES, SKIP_DUPLICATES, COUNT);
    }

    @Override
    public List<Field> fields()
    {
        return PacketStatsFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        final boolean includeZeros = options.flag("includezeros", "i", "includezeroes");
        final boolean skipDuplicates = options.flag("skipdup", "s");
        final int count = options.intValue(DEFAULT_COUNT, 1, MAX_COUNT, "count", "c");
        return new PacketStatsPlugin(flowSlots, count, includeZeros, skipDuplicates);
    }
}
