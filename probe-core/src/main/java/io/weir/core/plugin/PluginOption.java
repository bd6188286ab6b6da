package io.weir.core.plugin;

/**
 * One option of a plugin option string ({@code NAME;long=value} or {@code NAME;s=value}), for
 * validation and for {@code -h NAME}. {@code argument} is null for a flag.
 */
public record PluginOption(String longName, String shortName, String argument, String description)
{
}
