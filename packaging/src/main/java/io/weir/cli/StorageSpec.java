package io.weir.cli;

import java.util.List;

import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;

/** The {@code -s} option: ipfixprobe's {@code cache;s=17;l=4;a=300;i=30;split}. */
final class StorageSpec
{
    static final List<PluginOption> CACHE_OPTIONS = List.of(
        new PluginOption("size", "s", "EXP", "cache holds 2^EXP flow records (default 17)"),
        new PluginOption("line", "l", "EXP", "rows of 2^EXP records (0..4), LRU inside a row (default 4)"),
        new PluginOption("active", "a", "SEC", "active timeout (default 300)"),
        new PluginOption("inactive", "i", "SEC", "inactive timeout (default 30)"),
        new PluginOption("split", "S", null, "split biflows into uniflows"),
        new PluginOption("frag-enable", "fe", "BOOL", "join later IP fragments to their flow (default true)"),
        new PluginOption("frag-size", "fs", "N", "fragment table entries (default 10007)"),
        new PluginOption("frag-timeout", "ft", "SEC", "how long a first fragment is remembered (default 3)"));

    private StorageSpec()
    {
    }

    static FlowCacheConfig parse(final String text)
    {
        final FlowCacheConfig defaults = FlowCacheConfig.DEFAULT;
        if (text == null)
        {
            return defaults;
        }
        final PluginOptions spec = PluginOptions.parse(text);
        if (!spec.plugin().equals("cache"))
        {
            throw new UsageException("unknown storage plugin '" + spec.plugin() + "' (known: cache)");
        }
        spec.allowOnly(CACHE_OPTIONS);
        final int size = spec.intValue(defaults.sizeExponent(), 4, 30, "size", "s");
        final int line = spec.intValue(defaults.rowExponent(), 0, FlowCacheConfig.MAX_ROW_EXPONENT, "line", "l");
        return new FlowCacheConfig(
            size,
            line,
            spec.intValue(defaults.activeTimeoutSeconds(), 1, Integer.MAX_VALUE, "active", "a"),
            spec.intValue(defaults.inactiveTimeoutSeconds(), 1, Integer.MAX_VALUE, "inactive", "i"),
            spec.flag("split", "S"),
            spec.has("frag-enable", "fe") ? spec.flag("frag-enable", "fe") : defaults.fragmentTable(),
            spec.intValue(defaults.fragmentTableSize(), 1, 1 << 24, "frag-size", "fs"),
            spec.intValue(defaults.fragmentTimeoutSeconds(), 1, 3600, "frag-timeout", "ft"));
    }

    static void help(final StringBuilder out)
    {
        out.append("Storage plugins (-s):\n");
        out.append("  cache     biflow cache, ipfixprobe semantics (timeouts on packet time)\n");
        OptionHelp.append(out, CACHE_OPTIONS);
    }
}
