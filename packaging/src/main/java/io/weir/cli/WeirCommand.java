package io.weir.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.weir.core.capture.CaptureFileSequence;
import io.weir.core.capture.PacketSource;
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
import io.weir.nativeio.LiveCaptureException;
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
    /** Set by the weir launcher in the detached process it starts for -d. */
    static final String DAEMON_ENVIRONMENT = "WEIR_DAEMONIZED";

    @Option(names = {"-i", "--input"}, paramLabel = "SPEC",
        description = "input, ipfixprobe style: 'pcap;file=PATH' or a path, 'raw;ifc=IFC', 'pcap;ifc=IFC' (repeatable)")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-s", "--storage"}, paramLabel = "SPEC",
        description = "flow cache: 'cache;s=17;l=4;a=300;i=30;split'")
    String storage;

    @Option(names = {"-p", "--process"}, paramLabel = "SPEC", description = "processing plugin (repeatable)")
    List<String> plugins = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "SPEC",
        description = "output: text | json | csv | 'ipfix;host=H;port=P', with ';file=PATH' (repeatable; default text)")
    List<String> outputs = new ArrayList<>();

    @Option(names = {"-c", "--count"}, paramLabel = "N", description = "stop after N packets (per live interface)")
    long count;

    @Option(names = {"-f", "--fps"}, paramLabel = "NUM",
        description = "export at most NUM flows per second (0: no limit); capture waits, nothing is lost")
    long flowsPerSecond;

    @Option(names = {"--sampling-packet-interval"}, paramLabel = "N",
        description = "sample 1 packet in N (systematic count-based); the others are counted, not metered")
    int samplingInterval = 1;

    @Option(names = {"--stats"}, paramLabel = "SEC",
        description = "print a statistics line every SEC seconds (also on SIGUSR1)")
    double statsSeconds;

    @Option(names = {"-P", "--pid"}, paramLabel = "FILE", description = "write the process id to FILE while running")
    String pidFile;

    @Option(names = {"-d", "--daemon"}, description = "run detached from the terminal (done by the weir launcher)")
    boolean daemon;

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
        if (flowsPerSecond < 0)
        {
            return usageError("-f needs a number of flows per second (0 for no limit)");
        }
        if (samplingInterval < 1)
        {
            return usageError("--sampling-packet-interval needs N >= 1 (1: every packet)");
        }
        if (statsSeconds < 0 || Double.isNaN(statsSeconds))
        {
            return usageError("--stats needs an interval in seconds (0: only on SIGUSR1)");
        }
        final ConsoleProblems problems = new ConsoleProblems(err);
        final List<String> inputSpecs = new ArrayList<>(inputs);
        inputSpecs.addAll(files);
        if (inputSpecs.isEmpty())
        {
            return usageError("no input: give a capture file, or -i 'pcap;file=PATH'");
        }

        // Signals are handled from here on, so that outputs opened below are always closed properly.
        final StopSignal stop = new StopSignal();
        final StatisticsRequest statisticsRequest = new StatisticsRequest();
        if (installSignalHandlers)
        {
            SignalHandling.install(stop, err, statisticsRequest::run);
        }
        final List<CaptureWorker> workers = new ArrayList<>();
        final InputSpecs.Inputs parsedInputs;
        final FlowCacheConfig cacheConfig;
        final PluginChain chain;
        final SchemaRegistry schemas;
        final List<RecordSink> sinks;
        try
        {
            parsedInputs = InputSpecs.parse(inputSpecs, ProcessHandle.current().pid());
            cacheConfig = StorageSpec.parse(storage);
            chain = PluginRegistry.load().createChain(plugins, cacheConfig.capacity());
            schemas = new SchemaRegistry(chain.fields());
            final IpfixOutputSpec.Context ipfixContext = new IpfixOutputSpec.Context(
                cacheConfig.activeTimeoutSeconds(), cacheConfig.inactiveTimeoutSeconds(), () -> skippedPackets(workers));
            sinks = OutputSpecs.open(outputs, schemas.allFields(), ipfixContext, problems::warning, err);
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
        if (daemon && System.getenv(DAEMON_ENVIRONMENT) == null)
        {
            err.println("weir: warning: -d: still attached to the terminal (the weir launcher script detaches)");
        }
        final List<PacketSource> sources;
        try
        {
            sources = parsedInputs.isLive() ? LiveSources.open(parsedInputs.live())
                : List.of(new CaptureFileSequence(parsedInputs.files(), problems));
        }
        catch (final LiveCaptureException ex)
        {
            closeQuietly(sinks);
            err.println("weir: error: " + ex.getMessage());
            return EXIT_FAILED;
        }
        try (PidFile pid = pidFile == null ? null : PidFile.write(pidFile, err))
        {
            return run(sources, parsedInputs, cacheConfig, chain, schemas, sinks, problems, stop, statisticsRequest,
                workers);
        }
        catch (final OutputUnavailableException ex)
        {
            for (final PacketSource source : sources)
            {
                source.close();
            }
            closeQuietly(sinks);
            err.println("weir: error: " + ex.getMessage());
            return EXIT_FAILED;
        }
    }

    private int run(final List<PacketSource> sources, final InputSpecs.Inputs inputs, final FlowCacheConfig cacheConfig,
                    final PluginChain chain, final SchemaRegistry schemas, final List<RecordSink> sinks,
                    final ConsoleProblems problems, final StopSignal stop, final StatisticsRequest statisticsRequest,
                    final List<CaptureWorker> workers) throws InterruptedException
    {
        final List<ExportQueue> queues = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++)
        {
            final ExportQueue queue = new ExportQueue(ExportQueue.DEFAULT_CAPACITY_BYTES);
            // Shared nothing: every worker has its own plugin instances.
            final PluginChain workerChain = i == 0 ? chain
                : PluginRegistry.load().createChain(plugins, cacheConfig.capacity());
            queues.add(queue);
            workers.add(new CaptureWorker("worker-" + i, sources.get(i), cacheConfig, workerChain, queue, stop, count)
                .samplingInterval(samplingInterval));
        }
        final ExporterAgent exporter = new ExporterAgent(queues, workers, sinks, schemas, stop, problems::error)
            .rateLimit(flowsPerSecond);
        final ProgressLine progress = new ProgressLine(err, terminal && !inputs.isLive() && !daemon, workers.get(0));
        final StatisticsLine statistics = new StatisticsLine(err, workers, exporter, (long)(statsSeconds * 1e9));
        statisticsRequest.target(statistics::request);

        if (inputs.isLive() && !quiet)
        {
            err.println("weir: capturing on " + LiveSources.describe(inputs.live()) + " with " + workers.size()
                + (workers.size() == 1 ? " worker" : " workers") + "; SIGTERM or Ctrl-C stops, SIGUSR1 prints statistics");
        }
        final long startNs = System.nanoTime();
        new Pipeline(workers, exporter, problems::error).run(() ->
        {
            progress.update();
            statistics.tick();
        });
        final long elapsedNs = System.nanoTime() - startNs;
        progress.clear();

        if (!quiet)
        {
            if (inputs.isLive())
            {
                RunSummary.print(err, workers, LiveSources.describe(inputs.live()), 0, exporter, problems, elapsedNs,
                    sinks);
            }
            else
            {
                RunSummary.print(err, workers.get(0), (CaptureFileSequence)sources.get(0), exporter, problems, elapsedNs,
                    sinks);
            }
            if (stop.reason() != null && !exporter.readerGone())
            {
                err.println("weir:   stopped early: " + stop.reason());
            }
        }
        return problems.unusable() > 0 || problems.errors() > 0 ? EXIT_FAILED : EXIT_OK;
    }

    /** Packets the workers read but could not put into flows: the IPFIX statistics' ignored packets. */
    private static long skippedPackets(final List<CaptureWorker> workers)
    {
        long skipped = 0;
        for (final CaptureWorker worker : List.copyOf(workers))
        {
            skipped += worker.parseCounters().skippedTotal();
        }
        return skipped;
    }

    private static void closeQuietly(final List<RecordSink> sinks)
    {
        for (final RecordSink sink : sinks)
        {
            try
            {
                sink.close();
            }
            catch (final IOException ex)
            {
                // Nothing was written yet; the reason the run ends is reported instead.
                continue;
            }
        }
    }

    private int usageError(final String message)
    {
        err.println("weir: " + message);
        err.println("Usage: weir [-i SPEC]... [-s SPEC] [-p SPEC]... [-o SPEC]... [-c N] [FILE]...");
        err.println("Try 'weir -h' for more.");
        return EXIT_USAGE;
    }
}
