package io.weir.plugins.phists;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the phists plugin: {@code -p 'phists;includezeros'}. */
public final class PacketHistogramPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "phists";

    private static final PluginOption INCLUDE_ZEROS = new PluginOption("includezeros", "i", null,
        "also count packets without payload");
    private static final PluginOption INCLUDE_ZEROES = new PluginOption("includezeroes", null, null,
        "the same, as ipfixprobe's parser spells it");

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "histograms of payload sizes and inter-packet times per direction, 8 log2 bins";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of(INCLUDE_ZEROS, INCLUDE_ZEROES);
    }

    @Override
    public List<Field> fields()
    {
        return PacketHistogramFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new PacketHistogramPlugin(flowSlots, options.flag("includezeros", "i", "includezeroes"));
    }
}
