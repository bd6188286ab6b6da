package io.weir.core.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The processing plugins on the class path, by name. */
public final class PluginRegistry
{
    private final Map<String, ProcessPluginFactory> factories = new TreeMap<>();

    public PluginRegistry(final Iterable<ProcessPluginFactory> factories)
    {
        for (final ProcessPluginFactory factory : factories)
        {
            final ProcessPluginFactory previous = this.factories.put(factory.name(), factory);
            if (previous != null)
            {
                throw new IllegalStateException("two plugins named " + factory.name() + ": "
                    + previous.getClass().getName() + " and " + factory.getClass().getName());
            }
        }
    }

    public static PluginRegistry load()
    {
        return new PluginRegistry(ServiceLoader.load(ProcessPluginFactory.class));
    }

    /** The factory with this name, or null. */
    public ProcessPluginFactory find(final String name)
    {
        return factories.get(name);
    }

    public List<String> names()
    {
        return new ArrayList<>(factories.keySet());
    }

    public List<ProcessPluginFactory> all()
    {
        return new ArrayList<>(factories.values());
    }

    /**
     * Parses {@code -p} option strings and makes the plugins for one worker.
     *
     * @throws IllegalArgumentException for an unknown plugin, option or value, or a plugin given twice
     */
    public PluginChain createChain(final List<String> specs, final int flowSlots)
    {
        final List<ProcessPlugin> plugins = new ArrayList<>();
        final List<String> seen = new ArrayList<>();
        for (final String spec : specs)
        {
            final PluginOptions options = PluginOptions.parse(spec);
            final ProcessPluginFactory factory = find(options.plugin());
            if (factory == null)
            {
                throw new IllegalArgumentException("unknown process plugin '" + options.plugin() + "' (known: "
                    + (factories.isEmpty() ? "none in this build" : String.join(", ", names())) + ")");
            }
            if (seen.contains(factory.name()))
            {
                throw new IllegalArgumentException("process plugin " + factory.name() + " given twice");
            }
            seen.add(factory.name());
            options.allowOnly(factory.options());
            plugins.add(factory.create(options, flowSlots));
        }
        return new PluginChain(plugins);
    }
}
