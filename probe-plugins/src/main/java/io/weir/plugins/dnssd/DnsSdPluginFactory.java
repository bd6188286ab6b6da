package io.weir.plugins.dnssd;

import java.nio.file.Path;
import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/**
 * Makes the {@code dnssd} plugin. Option {@code txt} (short {@code t}): keep TXT strings;
 * without a value all of them, with a file path only the keys that file allows per service
 * ({@code -p 'dnssd;txt'} or {@code -p 'dnssd;txt=whitelist.csv'}).
 */
public final class DnsSdPluginFactory implements ProcessPluginFactory
{
    static final String NAME = "dnssd";

    private static final List<PluginOption> OPTIONS = List.of(new PluginOption("txt", "t", "FILE",
        "process TXT records: all of them, or with FILE only the keys it allows (lines service.domain,key1,key2,...)"));

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "DNS-SD over mDNS (port 5353): queried names and advertised services (SRV, HINFO, TXT)";
    }

    @Override
    public List<PluginOption> options()
    {
        return OPTIONS;
    }

    @Override
    public List<Field> fields()
    {
        return DnsSdFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new DnsSdPlugin(flowSlots, txtFilter(options));
    }

    /** The txt option takes an optional value, which PluginOptions cannot express: read it from the text. */
    static TxtFilter txtFilter(final PluginOptions options)
    {
        if (!options.has("txt", "t"))
        {
            return TxtFilter.NONE;
        }
        final String[] parts = options.text().split(";", -1);
        for (int i = 1; i < parts.length; i++)
        {
            final String part = parts[i].trim();
            final int equals = part.indexOf('=');
            final String key = (equals < 0 ? part : part.substring(0, equals)).trim();
            if (key.equals("txt") || key.equals("t"))
            {
                final String value = equals < 0 ? "" : part.substring(equals + 1).trim();
                return value.isEmpty() ? TxtFilter.ALL : TxtFilter.load(Path.of(value));
            }
        }
        return TxtFilter.ALL;
    }
}
