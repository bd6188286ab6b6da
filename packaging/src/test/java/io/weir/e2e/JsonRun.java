package io.weir.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One weir run with JSON output to a file, its records parsed. */
record JsonRun(WeirCli.Result cli, String json, List<Map<String, Object>> records)
{
    /** Runs {@code weir -o json;file=DIR/NAME.json ARGS...} and expects exit code 0. */
    static JsonRun of(final Path dir, final String name, final String... args) throws IOException
    {
        final Path output = dir.resolve(name + ".json");
        final List<String> command = new ArrayList<>();
        command.add("-o");
        command.add("json;file=" + output);
        command.addAll(List.of(args));
        final WeirCli.Result cli = WeirCli.run(command.toArray(String[]::new));
        assertEquals(0, cli.exitCode(), cli::describe);
        final String json = Files.readString(output, StandardCharsets.UTF_8);
        return new JsonRun(cli, json, Json.lines(json));
    }

    /** Runs weir on one capture file. */
    static JsonRun of(final Path dir, final Path capture) throws IOException
    {
        return of(dir, capture.getFileName().toString(), "-i", "pcap;file=" + capture);
    }

    List<Flow> flows()
    {
        final List<Flow> flows = new ArrayList<>();
        for (final Map<String, Object> record : records)
        {
            flows.add(Flow.fromJson(record));
        }
        return flows;
    }
}
