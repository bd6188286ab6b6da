package io.weir.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.pipeline.RecordSink;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.export.text.ByteOutput;
import io.weir.export.text.CsvSink;
import io.weir.export.text.JsonSink;
import io.weir.export.text.TextSink;

/**
 * The {@code -o} option: {@code text}, {@code json}, {@code csv}, each to stdout or {@code file=PATH},
 * and {@code ipfix} to a collector or a file (see {@link IpfixOutputSpec}).
 */
final class OutputSpecs
{
    static final List<PluginOption> TEXT_OPTIONS = List.of(
        new PluginOption("file", "f", "PATH", "write to PATH instead of stdout"),
        new PluginOption("mac", "m", null, "hide MAC addresses"));
    static final List<PluginOption> FILE_OPTIONS = List.of(
        new PluginOption("file", "f", "PATH", "write to PATH instead of stdout"));

    private OutputSpecs()
    {
    }

    /**
     * Opens every output; a usage or open error closes what was already opened.
     *
     * @param ipfix    what the IPFIX statistics record reports (timeouts, ignored packets)
     * @param messages where outputs report problems that do not stop the run (collector lost, ...)
     * @param err      where a failure to close already opened outputs is reported
     */
    static List<RecordSink> open(final List<String> specs, final List<Field> allFields,
                                 final IpfixOutputSpec.Context ipfix, final java.util.function.Consumer<String> messages,
                                 final PrintStream err)
    {
        final List<RecordSink> sinks = new ArrayList<>();
        boolean stdoutTaken = false;
        try
        {
            for (final String text : specs.isEmpty() ? List.of("text") : specs)
            {
                final PluginOptions spec = PluginOptions.parse(text);
                final String name = spec.plugin();
                if (name.equals("ipfix"))
                {
                    sinks.add(IpfixOutputSpec.open(spec, allFields, ipfix, messages));
                    continue;
                }
                if (!name.equals("text") && !name.equals("json") && !name.equals("csv"))
                {
                    throw new UsageException("unknown output plugin '" + name + "' (known: text, json, csv, ipfix)");
                }
                spec.allowOnly(name.equals("text") ? TEXT_OPTIONS : FILE_OPTIONS);
                final String file = spec.value("file", "f");
                final boolean toStdout = file == null || file.equals("-");
                if (toStdout && stdoutTaken)
                {
                    throw new UsageException("only one output can write to stdout; give the others file=PATH");
                }
                stdoutTaken |= toStdout;
                final String description = name + " to " + (toStdout ? "stdout" : file);
                final ByteOutput out = new ByteOutput(toStdout ? stdout() : openFile(file));
                switch (name)
                {
                    case "json":
                        sinks.add(new JsonSink(out, description));
                        break;
                    case "csv":
                        sinks.add(new CsvSink(out, description, allFields));
                        break;
                    default:
                        sinks.add(new TextSink(out, description, !spec.flag("mac", "m")));
                        break;
                }
            }
            return sinks;
        }
        catch (final RuntimeException ex)
        {
            closeQuietly(sinks, err);
            throw ex;
        }
    }

    private static OutputStream stdout()
    {
        return new FileOutputStream(FileDescriptor.out);
    }

    private static OutputStream openFile(final String file)
    {
        try
        {
            return Files.newOutputStream(Path.of(file));
        }
        catch (final NoSuchFileException ex)
        {
            throw new OutputUnavailableException("cannot write output file " + file + ": no such directory");
        }
        catch (final AccessDeniedException ex)
        {
            throw new OutputUnavailableException("cannot write output file " + file + ": permission denied");
        }
        catch (final FileSystemException ex)
        {
            throw new OutputUnavailableException("cannot write output file " + file + ": "
                + (ex.getReason() != null ? ex.getReason() : ex.getClass().getSimpleName()));
        }
        catch (final IOException ex)
        {
            throw new OutputUnavailableException("cannot write output file " + file + ": " + ex.getMessage());
        }
    }

    private static void closeQuietly(final List<RecordSink> sinks, final PrintStream err)
    {
        for (final RecordSink sink : sinks)
        {
            try
            {
                sink.close();
            }
            catch (final IOException ex)
            {
                err.println("weir: error: closing " + sink.describe() + ": " + ex.getMessage());
            }
        }
    }

    static void help(final StringBuilder out)
    {
        out.append("Output plugins (-o, may be repeated; default text to stdout):\n");
        out.append("  text      aligned table for people\n");
        OptionHelp.append(out, TEXT_OPTIONS);
        out.append("  json      NDJSON, one flow per line; keys are IANA element names\n");
        OptionHelp.append(out, FILE_OPTIONS);
        out.append("  csv       CSV with a header row of every possible field\n");
        OptionHelp.append(out, FILE_OPTIONS);
        IpfixOutputSpec.help(out);
    }
}
