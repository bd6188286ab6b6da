package io.weir.core.plugin;

import java.util.List;

import io.weir.core.field.Field;

/**
 * Makes one kind of processing plugin; found with {@link java.util.ServiceLoader} (list the
 * implementation in {@code META-INF/services/io.weir.core.plugin.ProcessPluginFactory}).
 */
public interface ProcessPluginFactory
{
    /** The name given with -p. */
    String name();

    /** One line for {@code -h process}. */
    String description();

    List<PluginOption> options();

    /** The fields the plugin adds, as {@link ProcessPlugin#fields()} will return them. */
    List<Field> fields();

    /**
     * Makes a plugin for one capture worker.
     *
     * @param options   the user's options, already checked against {@link #options()}
     * @param flowSlots the cache's number of slots: the range of {@link FlowContext#slot()}
     * @throws IllegalArgumentException for an option value that makes no sense (message for the user)
     */
    ProcessPlugin create(PluginOptions options, int flowSlots);
}
