package io.weir.plugins.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.TestData;
import io.weir.plugins.text.Golden;
import io.weir.plugins.text.Tshark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * tshark is the reference here: every HTTP request it decodes (host, URI, user agent) and every
 * response (status code) in a bundled capture must be on a record of weir's for the same
 * addresses and ports, each tshark message on a record of its own, values cut at ipfixprobe's
 * field lengths.
 */
class HttpTsharkTest
{
    private static final String[] ENDPOINTS = {"ip.src", "ipv6.src", "ip.dst", "ipv6.dst", "tcp.srcport",
        "udp.srcport", "tcp.dstport", "udp.dstport"};

    static Stream<String> captures() throws IOException
    {
        try (Stream<Path> files = Files.list(TestData.root().resolve("pcaps")))
        {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".pcap"))
                .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyRequestAndResponseTsharkDecodesIsOnTheMatchingFlow(final String capture) throws Exception
    {
        final Checked checked = check(capture);

        assertTrue(checked.missing.isEmpty(), capture + ": not in weir's records: " + checked.missing);
    }

    @Test
    void httpPcapHasNineRequestsAndEightResponsesAllFound() throws Exception
    {
        final Checked checked = check("http.pcap");

        assertEquals(9, checked.requests);
        assertEquals(8, checked.responses);
        assertTrue(checked.missing.isEmpty(), checked.missing.toString());
    }

    @Test
    void ssdpSearchesOverUdpAndIpv6AreFoundOneRecordEach() throws Exception
    {
        final Checked checked = check("ssdp.pcap");

        assertTrue(checked.requests >= 50, "M-SEARCH requests: " + checked.requests);
        assertTrue(checked.missing.isEmpty(), checked.missing.toString());
    }

    private record Checked(int requests, int responses, List<String> missing)
    {
    }

    private static Checked check(final String capture) throws Exception
    {
        final Path file = TestData.capture(capture);
        final List<CollectedRecord> records = Golden.carrying(Golden.run(capture, new HttpPlugin(Golden.flowSlots())),
            "HTTP_REQUEST_METHOD");
        final List<String> missing = new ArrayList<>();

        final List<String[]> requests = Tshark.fields(file, "http.request",
            concat(ENDPOINTS, "http.host", "http.request.uri", "http.user_agent"));
        final List<CollectedRecord> unusedForRequests = new ArrayList<>(records);
        for (final String[] request : requests)
        {
            for (int i = 8; i < 11; i++)
            {
                assertFalse(request[i].contains("|"), "one request per packet expected: " + String.join(" ", request));
            }
            final String host = cut(request[8], HttpFields.HOST_LENGTH);
            final String uri = cut(request[9], HttpFields.URL_LENGTH);
            final String agent = cut(request[10], HttpFields.USER_AGENT_LENGTH);
            if (!take(unusedForRequests, request, Map.of("HTTP_REQUEST_HOST", host, "HTTP_REQUEST_URL", uri,
                "HTTP_REQUEST_AGENT", agent)))
            {
                missing.add("request " + String.join(" ", request));
            }
        }

        final List<String[]> responses = Tshark.fields(file, "http.response", concat(ENDPOINTS, "http.response.code"));
        final List<CollectedRecord> unusedForResponses = new ArrayList<>(records);
        for (final String[] response : responses)
        {
            if (!take(unusedForResponses, response, Map.of("HTTP_RESPONSE_STATUS_CODE", response[8])))
            {
                missing.add("response " + String.join(" ", response));
            }
        }
        return new Checked(requests.size(), responses.size(), missing);
    }

    /** Removes and reports a record of the packet's flow (either direction) with these values. */
    private static boolean take(final List<CollectedRecord> records, final String[] packet,
                                final Map<String, String> values)
    {
        final String source = packet[0].isEmpty() ? packet[1] : packet[0];
        final String destination = packet[2].isEmpty() ? packet[3] : packet[2];
        final String sourcePort = packet[4].isEmpty() ? packet[5] : packet[4];
        final String destinationPort = packet[6].isEmpty() ? packet[7] : packet[6];
        for (final Iterator<CollectedRecord> it = records.iterator(); it.hasNext(); )
        {
            final Map<String, String> record = it.next().byIpfixprobeName();
            final boolean forward = record.get("SRC_IP").equals(source) && record.get("DST_IP").equals(destination)
                && record.get("SRC_PORT").equals(sourcePort) && record.get("DST_PORT").equals(destinationPort);
            final boolean reverse = record.get("SRC_IP").equals(destination) && record.get("DST_IP").equals(source)
                && record.get("SRC_PORT").equals(destinationPort) && record.get("DST_PORT").equals(sourcePort);
            if ((forward || reverse) && values.entrySet().stream()
                .allMatch(value -> value.getValue().equals(record.get(value.getKey()))))
            {
                it.remove();
                return true;
            }
        }
        return false;
    }

    private static String cut(final String value, final int length)
    {
        return value.length() > length ? value.substring(0, length) : value;
    }

    private static String[] concat(final String[] first, final String... more)
    {
        final String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
