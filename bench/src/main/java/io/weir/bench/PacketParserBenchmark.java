package io.weir.bench;

import java.util.concurrent.TimeUnit;

import io.weir.core.capture.LinkType;
import io.weir.core.decode.PacketParser;
import io.weir.core.decode.PacketView;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Decoding one frame, L2 to L4, into the reused view: the parser's share of the per-packet cost. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PacketParserBenchmark
{
    private final PacketParser parser = new PacketParser();
    private final PacketView view = new PacketView();
    private UnsafeBuffer tcp4;
    private UnsafeBuffer udp6;
    private long timeNs;

    @Setup
    public void setUp()
    {
        tcp4 = new UnsafeBuffer(SyntheticFrames.tcp4(
            SyntheticFrames.ipv4(192, 168, 1, 20), 51234, SyntheticFrames.ipv4(93, 184, 216, 34), 443, 517));
        udp6 = new UnsafeBuffer(SyntheticFrames.udp6(
            0x2001_0db8_0000_0001L, 0x0000_0000_0000_0020L, 40512, 0x2001_4860_4860_0000L, 0x0000_0000_0000_8888L,
            53, 45));
        timeNs = 1_700_000_000_000_000_000L;
        if (!parseTcp4() || !parseUdp6())
        {
            throw new IllegalStateException("benchmark frames do not parse: " + view.skipReason());
        }
    }

    /** Ethernet / IPv4 / TCP with timestamps option, 517 bytes of payload. */
    @Benchmark
    public boolean parseTcp4()
    {
        final int length = tcp4.capacity();
        return parser.parse(view, tcp4, 0, length, length, timeNs, LinkType.ETHERNET, 0);
    }

    /** Ethernet / IPv6 / UDP, 45 bytes of payload (a DNS query). */
    @Benchmark
    public boolean parseUdp6()
    {
        final int length = udp6.capacity();
        return parser.parse(view, udp6, 0, length, length, timeNs, LinkType.ETHERNET, 0);
    }
}
