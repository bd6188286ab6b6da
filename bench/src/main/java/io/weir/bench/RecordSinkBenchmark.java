package io.weir.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.weir.core.field.RecordSchema;
import io.weir.core.field.RecordWriter;
import io.weir.core.field.SchemaRegistry;
import io.weir.core.flow.FlowEndReason;
import io.weir.core.pipeline.RecordSink;
import io.weir.export.text.ByteOutput;
import io.weir.export.text.CsvSink;
import io.weir.export.text.JsonSink;
import io.weir.export.text.TextSink;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Writing one finished flow as JSON, CSV or a text line into the sink's buffer (flushed to a
 * discarding stream every 64 KiB, as to /dev/null): the exporter thread's cost per record.
 * The records are in weir's record encoding, basic fields in record order, as the capture
 * worker's encoder writes them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordSinkBenchmark
{
    private static final long FIRST_NS = 1_700_000_123_456_789_000L;

    @Param({"json", "csv", "text"})
    public String format;

    private RecordSink sink;
    private RecordSchema ipv4Schema;
    private RecordSchema ipv6Schema;
    private final UnsafeBuffer ipv4Record = new UnsafeBuffer(new byte[256]);
    private final UnsafeBuffer ipv6Record = new UnsafeBuffer(new byte[256]);
    private int ipv4Length;
    private int ipv6Length;

    @Setup
    public void setUp()
    {
        final SchemaRegistry schemas = new SchemaRegistry(List.of());
        ipv4Schema = schemas.schema(RecordSchema.id(4, 0));
        ipv6Schema = schemas.schema(RecordSchema.id(6, 0));
        final ByteOutput out = new ByteOutput(OutputStream.nullOutputStream());
        switch (format)
        {
            case "json":
                sink = new JsonSink(out, "json to nowhere");
                break;
            case "csv":
                sink = new CsvSink(out, "csv to nowhere", schemas.allFields());
                break;
            case "text":
                sink = new TextSink(out, "text to nowhere", true);
                break;
            default:
                throw new IllegalArgumentException("unknown format " + format);
        }

        ipv4Length = writeIpv4Record(ipv4Record);
        ipv6Length = writeIpv6Record(ipv6Record);
    }

    /** 192.168.1.20:51234 -> 93.184.216.34:443 TCP, 14/19 packets, 1893/24310 bytes; returns the length. */
    static int writeIpv4Record(final UnsafeBuffer buffer)
    {
        final RecordWriter writer = new RecordWriter();
        writer.wrap(buffer, 0, buffer.capacity())
            .ipv4(SyntheticFrames.ipv4(192, 168, 1, 20) & 0xFFFF_FFFFL)
            .ipv4(SyntheticFrames.ipv4(93, 184, 216, 34) & 0xFFFF_FFFFL);
        return basicFields(writer, 51234, 443, 6, 4);
    }

    /** [2001:db8:0:1::20]:40512 -> [2001:4860:4860::8888]:53 UDP; returns the length. */
    static int writeIpv6Record(final UnsafeBuffer buffer)
    {
        final RecordWriter writer = new RecordWriter();
        writer.wrap(buffer, 0, buffer.capacity())
            .ipv6(0x2001_0db8_0000_0001L, 0x0000_0000_0000_0020L)
            .ipv6(0x2001_4860_4860_0000L, 0x0000_0000_0000_8888L);
        return basicFields(writer, 40512, 53, 17, 6);
    }

    private static int basicFields(final RecordWriter writer, final int sourcePort, final int destinationPort,
                                   final int protocol, final int ipVersion)
    {
        writer.u16(sourcePort).u16(destinationPort).u8(protocol).u8(ipVersion)
            .u64(14).u64(1893).u64(19).u64(24_310)
            .timeNs(FIRST_NS).timeNs(FIRST_NS + 2_345_678_000L)
            .u8(0x1B).u8(0x1B)
            .mac(0x3C7C_3F0E_21A4L).mac(0x0024_D7A1_3C10L)
            .u16(0).u32(0).u8(FlowEndReason.END_OF_FLOW);
        if (writer.overflowed())
        {
            throw new IllegalStateException("record buffer too small");
        }
        return writer.length();
    }

    @TearDown
    public void tearDown() throws IOException
    {
        sink.close();
    }

    @Benchmark
    public void ipv4Record() throws IOException
    {
        sink.onRecord(ipv4Schema, ipv4Record, 0, ipv4Length);
    }

    @Benchmark
    public void ipv6Record() throws IOException
    {
        sink.onRecord(ipv6Schema, ipv6Record, 0, ipv6Length);
    }
}
