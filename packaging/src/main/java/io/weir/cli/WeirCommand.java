package io.weir.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.weir.core.capture.CaptureFileSequence;
import io.weir.core.field.SchemaRegistry;
import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.pipeline.CaptureWorker;
import io.weir.core.pipeline.ExportQueue;
import io.weir.core.pipeline.ExporterAgent;
import io.weir.core.pipeline.Pipeline;
import io.weir.core.pipeline.RecordSink;
import io.weir.core.pipeline.StopSignal;
import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weir}: capture files in, flow records out, with ipfixprobe's option syntax. */
@Command(name = "weir", sortOptions = false, usageHelpAutoWidth = true,
    description = "Flow metering probe: reads packets, builds biflows, exports flow records.",
    footer = {"", "Example: weir -i 'pcap;file=pcaps/mixed.pcap' -o json",
        "Help on plugins: weir -h input | storage | process | output"})
final class WeirCommand implements Callable<Integer>
{
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    @Option(names = {"-i", "--input"}, paramLabel = "SPEC",
        description = "input, ipfixprobe style: 'pcap;file=PATH' or a path (repeatable)")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-s", "--storage"}, paramLabel = "SPEC",
        description = "flow cache: 'cache;s=17;l=4;a=300;i=30;split'")
    String storage;

    @Option(names = {"-p", "--process"}, paramLabel = "SPEC", description = "processing plugin (repeatable)")
    List<String> plugins = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "SPEC",
        description = "output: text | json | csv, with ';file=PATH' (repeatable; default text)")
    List<String> outputs = new ArrayList<>();

    @Option(names = {"-c", "--count"}, paramLabel = "N", description = "stop after N packets")
    long count;

    @Option(names = {"-q", "--quiet"}, description = "no summary at the end")
    boolean quiet;

    @Option(names = {"-h", "--help"}, arity = "0..1", fallbackValue = "", paramLabel = "TOPIC",
        description = "show help; TOPIC: input, storage, process, output or a plugin name")
    String help;

    @Option(names = {"-V", "--version"}, description = "print the version and exit")
    boolean version;

    @Parameters(paramLabel = "FILE", description = "capture files (same as -i FILE)")
    List<String> files = new ArrayList<>();

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    private final boolean installSignalHandlers;

    WeirCommand(final PrintStream out, final PrintStream err, final boolean terminal,
                final boolean installSignalHandlers)
    {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.installSignalHandlers = installSignalHandlers;
    }

    @Override
    public Integer call() throws InterruptedException
    {
        if (version)
        {
            out.println("weir " + Version.current() + " (Java " + Runtime.version() + ")");
            return EXIT_OK;
        }
        if (help != null)
        {
            return HelpTopics.print(out, help) ? EXIT_OK : usageError("unknown help topic '" + help
                + "' (known: input, storage, process, output, or a plugin name)");
        }
        if (count < 0)
        {
            return usageError("-c needs a number of packets (0 for no limit)");
        }
        final List<String> inputSpecs = new ArrayList<>(inputs);
        inputSpecs.addAll(files);
        if (inputSpecs.isEmpty())
        {
            return usageError("no input: give a capture file, or -i 'pcap;file=PATH'");
        }

        final List<Path> paths;
        final FlowCacheConfig cacheConfig;
        final PluginChain chain;
        final SchemaRegistry schemas;
        final List<RecordSink> sinks;
        try
        {
            paths = InputSpecs.files(inputSpecs);
            cacheConfig = StorageSpec.parse(storage);
            chain = PluginRegistry.load().createChain(plugins, cacheConfig.capacity());
            schemas = new SchemaRegistry(chain.fields());
            sinks = OutputSpecs.open(outputs, schemas.allFields(), err);
        }
        catch (final OutputUnavailableException ex)
        {
            err.println("weir: error: " + ex.getMessage());
            return EXIT_FAILED;
        }
        catch (final UsageException | IllegalArgumentException ex)
        {
            return usageError(ex.getMessage());
        }
        return run(paths, cacheConfig, chain, schemas, sinks);
    }

    private int run(final List<Path> paths, final FlowCacheConfig cacheConfig, final PluginChain chain,
                    final SchemaRegistry schemas, final List<RecordSink> sinks) throws InterruptedException
    {
        final ConsoleProblems problems = new ConsoleProblems(err);
        final StopSignal stop = new StopSignal();
        final CaptureFileSequence source = new CaptureFileSequence(paths, problems);
        final ExportQueue queue = new ExportQueue(ExportQueue.DEFAULT_CAPACITY_BYTES);
        final CaptureWorker worker = new CaptureWorker("worker-0", source, cacheConfig, chain, queue, stop, count);
        final ExporterAgent exporter = new ExporterAgent(List.of(queue), List.of(worker), sinks, schemas, stop,
            problems::error);
        final ProgressLine progress = new ProgressLine(err, terminal, worker);
        if (installSignalHandlers)
        {
            SignalHandling.install(stop, err);
        }

        final long startNs = System.nanoTime();
        new Pipeline(List.of(worker), exporter, problems::error).run(progress::update);
        final long elapsedNs = System.nanoTime() - startNs;
        progress.clear();

        if (!quiet)
        {
            final List<String> outputs = new ArrayList<>();
            for (final RecordSink sink : sinks)
            {
                outputs.add(sink.describe());
            }
            RunSummary.print(err, worker, source, exporter, problems, elapsedNs, String.join(", ", outputs));
            if (stop.reason() != null && !exporter.readerGone())
            {
                err.println("weir:   stopped early: " + stop.reason());
            }
        }
        return problems.unusable() > 0 || problems.errors() > 0 ? EXIT_FAILED : EXIT_OK;
    }

    private int usageError(final String message)
    {
        err.println("weir: " + message);
        err.println("Usage: weir [-i SPEC]... [-s SPEC] [-p SPEC]... [-o SPEC]... [-c N] [FILE]...");
        err.println("Try 'weir -h' for more.");
        return EXIT_USAGE;
    }
}
