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

    static TxtFilter txtFilter(final PluginOptions options)
    {
        final String value = options.optionalValue("txt", "t");
        if (value == null)
        {
            return TxtFilter.NONE;
        }
        return value.isEmpty() ? TxtFilter.ALL : TxtFilter.load(Path.of(value));
    }
}
