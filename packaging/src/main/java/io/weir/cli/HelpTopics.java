package io.weir.cli;

import java.io.PrintStream;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;
import io.weir.core.plugin.PluginRegistry;
import io.weir.core.plugin.ProcessPluginFactory;
import picocli.CommandLine;

/** {@code -h [TOPIC]}: general usage, or the plugins of one kind with their options. */
final class HelpTopics
{
    private HelpTopics()
    {
    }

    /** @return false when the topic is unknown */
    static boolean print(final PrintStream out, final String topic)
    {
        final StringBuilder text = new StringBuilder();
        switch (topic)
        {
            case "":
                out.print(new CommandLine(new WeirCommand(out, out, false, false)).getUsageMessage());
                return true;
            case "input":
            case "pcap":
            case "raw":
            case "afpacket":
                InputSpecs.help(text);
                break;
            case "storage":
            case "cache":
                StorageSpec.help(text);
                break;
            case "process":
                processPlugins(text);
                break;
            case "output":
            case "text":
            case "json":
            case "csv":
            case "ipfix":
                OutputSpecs.help(text);
                break;
            default:
                final ProcessPluginFactory plugin = PluginRegistry.load().find(topic);
                if (plugin == null)
                {
                    return false;
                }
                plugin(text, plugin);
                break;
        }
        out.print(text);
        return true;
    }

    private static void processPlugins(final StringBuilder out)
    {
        final PluginRegistry registry = PluginRegistry.load();
        out.append("Processing plugins (-p NAME or -p 'NAME;option=value'; -h NAME for fields):\n");
        if (registry.names().isEmpty())
        {
            out.append("  none in this build\n");
        }
        for (final ProcessPluginFactory factory : registry.all())
        {
            out.append(String.format("  %-12s %s%n", factory.name(), factory.description()));
            OptionHelp.append(out, factory.options());
        }
    }

    private static void plugin(final StringBuilder out, final ProcessPluginFactory factory)
    {
        out.append(factory.name()).append(": ").append(factory.description()).append('\n');
        if (!factory.options().isEmpty())
        {
            out.append("Options:\n");
            OptionHelp.append(out, factory.options());
        }
        out.append("Fields (JSON key, ipfixprobe name, type, IPFIX enterprise/id):\n");
        for (final Field field : factory.fields())
        {
            final String type = field.type() == FieldType.BASIC_LIST
                ? "basicList of " + field.elementType().ianaName() + " (" + field.elementEnterprise() + "/"
                    + field.elementElementId() + ")"
                : field.type().ianaName();
            out.append(String.format("  %-28s %-28s %-34s %d/%d%n", field.name(),
                field.ipfixprobeName() == null ? "-" : field.ipfixprobeName(), type, field.enterprise(),
                field.elementId()));
        }
    }
}
