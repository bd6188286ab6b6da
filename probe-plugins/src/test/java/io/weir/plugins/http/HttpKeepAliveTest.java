package io.weir.plugins.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.plugin.PluginChain;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.PipelineHarness;
import io.weir.plugins.text.Captured;
import io.weir.plugins.text.Frame;
import io.weir.plugins.text.Golden;
import io.weir.plugins.text.PcapFile;
import io.weir.plugins.text.Segments;
import org.junit.jupiter.api.Test;

/** Three request/response pairs of http.pcap replayed on one connection, through the whole pipeline. */
class HttpKeepAliveTest
{
    private static final long T0 = 1_460_053_411_000_000_000L;
    private static final long STEP = 100_000_000L;

    @Test
    void eachRequestOnAKeepAliveConnectionIsARecordStartingAtItsRequest() throws Exception
    {
        final Frame client = Captured.frame("http.pcap", 1);
        final Frame server = Captured.frame("http.pcap", 2);
        final Segments requests = new Segments(client);
        final Segments responses = new Segments(server);
        final int[][] exchanges = {{1, 2}, {11, 12}, {13, 14}};
        final List<PcapFile.Packet> packets = new ArrayList<>();
        long time = T0;
        for (final int[] exchange : exchanges)
        {
            final byte[] request = requests.next(Captured.frame("http.pcap", exchange[0]).payload());
            packets.add(new PcapFile.Packet(time, request, request.length));
            time += STEP;
            final byte[] response = responses.next(Captured.frame("http.pcap", exchange[1]).payload());
            packets.add(new PcapFile.Packet(time, response, response.length));
            time += STEP;
        }
        final Path file = Files.createTempFile("weir-keepalive", ".pcap");
        final List<CollectedRecord> records;
        try
        {
            PcapFile.write(file, packets);
            records = PipelineHarness.run(List.of(file), FlowCacheConfig.DEFAULT,
                new PluginChain(List.of(new HttpPlugin(Golden.flowSlots()))));
        }
        finally
        {
            Files.delete(file);
        }

        assertEquals(3, records.size());
        final String[] urls = {"/user-agent", "/get", "/gzip"};
        for (int i = 0; i < 3; i++)
        {
            final Map<String, String> record = records.get(i).byIpfixprobeName();
            assertEquals(urls[i], record.get("HTTP_REQUEST_URL"));
            assertEquals("200", record.get("HTTP_RESPONSE_STATUS_CODE"));
            assertEquals("1", record.get("PACKETS"));
            assertEquals("1", record.get("PACKETS_REV"));
            assertEquals(Integer.toString(client.sourcePort()), record.get("SRC_PORT"), "the client stays the source");
            assertEquals(Long.toString(T0 / 1000 + 2 * i * STEP / 1000), micros(record.get("TIME_FIRST")));
        }
    }

    private static String micros(final String time)
    {
        final java.time.LocalDateTime local = java.time.LocalDateTime.parse(time);
        final java.time.Instant instant = local.toInstant(java.time.ZoneOffset.UTC);
        return Long.toString(instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000);
    }
}
