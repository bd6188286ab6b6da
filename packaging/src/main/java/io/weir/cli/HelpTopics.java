package io.weir.cli;

import java.io.PrintStream;

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
                out.print(new CommandLine(new WeirCommand(out, out, false)).getUsageMessage());
                return true;
            case "input":
            case "pcap":
                InputSpecs.help(text);
                break;
            case "storage":
            case "cache":
                StorageSpec.help(text);
                break;
            case "process":
                text.append("Processing plugins (-p): none in this build.\n");
                break;
            case "output":
            case "text":
            case "json":
            case "csv":
                OutputSpecs.help(text);
                break;
            default:
                return false;
        }
        out.print(text);
        return true;
    }
}
