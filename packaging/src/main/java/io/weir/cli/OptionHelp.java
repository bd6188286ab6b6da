package io.weir.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One option of a plugin option string, for validation and for {@code -h}. */
record OptionHelp(String longName, String shortName, String argument, String description)
{
    static Set<String> names(final List<OptionHelp> options)
    {
        final Set<String> names = new HashSet<>();
        for (final OptionHelp option : options)
        {
            names.add(option.longName());
            if (option.shortName() != null)
            {
                names.add(option.shortName());
            }
        }
        return names;
    }

    static void append(final StringBuilder out, final List<OptionHelp> options)
    {
        for (final OptionHelp option : options)
        {
            final String names = option.shortName() != null
                ? option.shortName() + ", " + option.longName() : option.longName();
            out.append(String.format("    %-22s %-8s %s%n", names, option.argument() == null ? "" : option.argument(),
                option.description()));
        }
    }
}
