package io.weir.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The same input gives byte-identical JSON, CSV and text output on every run. */
class DeterminismTest
{
    @TempDir
    Path tempDir;

    static Stream<Path> bundledCaptures()
    {
        return Repository.allPcaps().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledCaptures")
    void sameCaptureTwiceGivesIdenticalOutputs(final Path capture) throws IOException
    {
        assertIdenticalRuns(List.of("-i", "pcap;file=" + capture));
    }

    /**
     * Several files as one stream through small caches: 256 records in rows of 4 (no row fills up with
     * the bundled captures), and 16 records in rows of 4, where flows are evicted for lack of room.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cache;s=8;l=2", "cache;s=4;l=2"})
    void severalFilesThroughASmallCacheGiveIdenticalOutputs(final String cache) throws IOException
    {
        final List<String> args = new ArrayList<>();
        for (final Path capture : Repository.allPcaps())
        {
            args.add("-i");
            args.add("pcap;file=" + capture);
        }
        args.add("-s");
        args.add(cache);
        final WeirSummary summary = assertIdenticalRuns(args);
        if (cache.contains("s=4"))
        {
            assertTrue(summary.flowEndReasons().get("lack of resources") > 0,
                () -> "the 16-record cache evicted flows: " + summary);
        }
        assertEquals(Repository.allPcaps().size(), summary.filesRead());
    }

    private WeirSummary assertIdenticalRuns(final List<String> inputArgs) throws IOException
    {
        final List<List<byte[]>> runs = new ArrayList<>();
        WeirSummary first = null;
        for (int run = 0; run < 2; run++)
        {
            final Path dir = Files.createDirectory(tempDir.resolve("run" + run));
            final List<String> args = new ArrayList<>(inputArgs);
            for (final String format : new String[] {"json", "csv", "text"})
            {
                args.add("-o");
                args.add(format + ";file=" + dir.resolve("out." + format));
            }
            final WeirCli.Result result = WeirCli.run(args.toArray(String[]::new));
            assertEquals(0, result.exitCode(), result::describe);
            final WeirSummary summary = result.summary();
            if (first == null)
            {
                first = summary;
            }
            else
            {
                assertEquals(first, summary, "summary counts");
            }
            runs.add(List.of(Files.readAllBytes(dir.resolve("out.json")), Files.readAllBytes(dir.resolve("out.csv")),
                Files.readAllBytes(dir.resolve("out.text"))));
        }
        final String[] formats = {"JSON", "CSV", "text"};
        for (int i = 0; i < formats.length; i++)
        {
            if (first.flowsExported() > 0)
            {
                assertTrue(runs.get(0).get(i).length > 0, formats[i] + " output is not empty");
            }
            assertArrayEquals(runs.get(0).get(i), runs.get(1).get(i), formats[i] + " output differs between runs");
        }
        return first;
    }
}
