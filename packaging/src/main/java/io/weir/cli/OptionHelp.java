package io.weir.cli;

import java.util.List;

import io.weir.core.plugin.PluginOption;

/** Formats plugin options for {@code -h}. */
final class OptionHelp
{
    private OptionHelp()
    {
    }

    static void append(final StringBuilder out, final List<PluginOption> options)
    {
        for (final PluginOption option : options)
        {
            final String names = option.shortName() != null
                ? option.shortName() + ", " + option.longName() : option.longName();
            out.append(String.format("    %-22s %-8s %s%n", names, option.argument() == null ? "" : option.argument(),
                option.description()));
        }
    }
}
