package io.weir.nativeio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.weir.core.capture.LinkType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Filters compiled through pcap4j are the programs tcpdump compiles (tcpdump -dd), instruction for instruction. */
class SocketFilterTest
{
    private static final int SNAPLEN = 262_144;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp port 80", "udp and host 10.0.0.1", "icmp or arp", "ip6 and not tcp", "vlan 100"})
    void compilesWhatTcpdumpCompiles(final String expression) throws Exception
    {
        final SocketFilter filter = SocketFilter.compile(expression, SNAPLEN, LinkType.ETHERNET);
        final List<String> ours = new ArrayList<>();
        for (int i = 0; i < filter.length(); i++)
        {
            ours.add(String.format("{ 0x%x, %d, %d, 0x%08x },", filter.code(i), filter.jumpTrue(i), filter.jumpFalse(i),
                filter.constant(i)));
        }
        assertEquals(tcpdump(expression), ours);
    }

    @Test
    void acceptAllReturnsTheSnapLengthAndDropAllReturnsZero()
    {
        final SocketFilter accept = SocketFilter.acceptAll(128);
        assertEquals(1, accept.length());
        assertEquals(0x06, accept.code(0));
        assertEquals(128, accept.constant(0));
        assertEquals(0, SocketFilter.dropAll().constant(0));
    }

    @Test
    void aFilterThatDoesNotCompileIsOneLineForTheUser()
    {
        final LiveCaptureException ex = org.junit.jupiter.api.Assertions.assertThrows(LiveCaptureException.class,
            () -> SocketFilter.compile("tcp port banana", SNAPLEN, LinkType.ETHERNET));
        assertEquals(true, ex.getMessage().startsWith("filter 'tcp port banana' does not compile"), ex.getMessage());
    }

    private static List<String> tcpdump(final String expression) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder("tcpdump", "-dd", "-y", "EN10MB", "-s", Integer.toString(SNAPLEN),
            expression).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0)
        {
            throw new IllegalStateException("tcpdump -dd failed for " + expression + ": " + out);
        }
        return out.lines().map(String::trim).toList();
    }
}
