package io.weir.core.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ipfixprobe's plugin option strings: {@code NAME;key=value;flag;...}. Keys may be given by
 * long or short name (each plugin declares both); a key without '=' is a flag. Wrong keys and
 * values throw {@link IllegalArgumentException} with a message meant for the user.
 */
public final class PluginOptions
{
    private final String plugin;
    private final Map<String, String> values;
    private final String text;

    private PluginOptions(final String text, final String plugin, final Map<String, String> values)
    {
        this.text = text;
        this.plugin = plugin;
        this.values = values;
    }

    public static PluginOptions parse(final String text)
    {
        final String[] parts = text.split(";", -1);
        final String plugin = parts[0].trim();
        final Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++)
        {
            final String part = parts[i].trim();
            if (part.isEmpty())
            {
                continue;
            }
            final int equals = part.indexOf('=');
            if (equals < 0)
            {
                values.put(part, null);
            }
            else
            {
                values.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
            }
        }
        return new PluginOptions(text, plugin, values);
    }

    public String plugin()
    {
        return plugin;
    }

    public String text()
    {
        return text;
    }

    /** Checks that every key given is one of the options' long or short names. */
    public void allowOnly(final List<PluginOption> options)
    {
        final Set<String> keys = new java.util.HashSet<>();
        for (final PluginOption option : options)
        {
            keys.add(option.longName());
            if (option.shortName() != null)
            {
                keys.add(option.shortName());
            }
        }
        for (final String key : values.keySet())
        {
            if (!keys.contains(key))
            {
                final List<String> known = new ArrayList<>(keys);
                Collections.sort(known);
                throw new IllegalArgumentException("unknown option '" + key + "' for " + plugin + " (known: "
                    + String.join(", ", known) + ")");
            }
        }
    }

    /** The value given under any of the names, or null. */
    public String value(final String... names)
    {
        for (final String name : names)
        {
            if (values.containsKey(name))
            {
                final String value = values.get(name);
                if (value == null || value.isEmpty())
                {
                    throw new IllegalArgumentException(plugin + " option '" + name + "' needs a value");
                }
                return value;
            }
        }
        return null;
    }

    /**
     * An option whose value may be left out ({@code txt} or {@code txt=FILE}): the value, "" when
     * given without one, null when not given at all.
     */
    public String optionalValue(final String... names)
    {
        for (final String name : names)
        {
            if (values.containsKey(name))
            {
                final String value = values.get(name);
                return value == null ? "" : value;
            }
        }
        return null;
    }

    public boolean flag(final String... names)
    {
        for (final String name : names)
        {
            if (values.containsKey(name))
            {
                final String value = values.get(name);
                if (value == null || value.equalsIgnoreCase("true") || value.equals("1") || value.equalsIgnoreCase("yes"))
                {
                    return true;
                }
                if (value.equalsIgnoreCase("false") || value.equals("0") || value.equalsIgnoreCase("no"))
                {
                    return false;
                }
                throw new IllegalArgumentException(plugin + " option '" + name + "' takes true or false, not '" + value + "'");
            }
        }
        return false;
    }

    public boolean has(final String... names)
    {
        for (final String name : names)
        {
            if (values.containsKey(name))
            {
                return true;
            }
        }
        return false;
    }

    public int intValue(final int defaultValue, final int min, final int max, final String... names)
    {
        final String value = value(names);
        if (value == null)
        {
            return defaultValue;
        }
        try
        {
            final int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max)
            {
                throw new IllegalArgumentException(plugin + " option '" + names[0] + "' must be " + min + ".." + max
                    + ", got " + parsed);
            }
            return parsed;
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(plugin + " option '" + names[0] + "' needs a number, got '" + value + "'");
        }
    }
}
