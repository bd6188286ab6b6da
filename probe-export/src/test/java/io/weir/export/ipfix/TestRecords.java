package io.weir.export.ipfix;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;
import io.weir.core.field.RecordSchema;
import io.weir.core.field.RecordWriter;
import io.weir.core.field.SchemaRegistry;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Records in weir's encoding built the way the flow record encoder builds them, for tests
 * that feed sinks directly; plus plugin-like fields with ipfixprobe's element identities
 * (ipfix-elements.csv) to exercise strings, octets, enterprise elements and basicLists.
 */
final class TestRecords
{
    static final Field HTTP_HOST = Field.of("httpRequestHost", "HTTP_REQUEST_HOST", FieldType.STRING, 39499, 1, null);
    static final Field DNS_TTL = Field.of("dnsRrTtl", "DNS_RR_TTL", FieldType.UNSIGNED32, 8057, 5, null);
    static final Field IDP_CONTENT = Field.of("idpContent", "IDP_CONTENT", FieldType.OCTET_ARRAY, 8057, 850, null);
    static final Field PKT_LENGTHS = Field.basicList("pktLengths", "PPI_PKT_LENGTHS", FieldType.UNSIGNED16, 8057,
        1013, null);
    static final Field PKT_TIMES = Field.basicList("pktTimes", "PPI_PKT_TIMES", FieldType.DATE_TIME_MILLISECONDS,
        8057, 1014, null);
    static final Field PKT_DIRECTIONS = Field.basicList("pktDirections", "PPI_PKT_DIRECTIONS", FieldType.SIGNED8,
        8057, 1016, null);
    static final List<Field> PLUGIN = List.of(HTTP_HOST, DNS_TTL, IDP_CONTENT, PKT_LENGTHS, PKT_TIMES,
        PKT_DIRECTIONS);

    static final SchemaRegistry REGISTRY = new SchemaRegistry(List.of(PLUGIN));
    static final RecordSchema IPV4 = REGISTRY.schema(RecordSchema.id(4, 0));
    static final RecordSchema IPV6 = REGISTRY.schema(RecordSchema.id(6, 0));
    static final RecordSchema IPV4_PLUGIN = REGISTRY.schema(RecordSchema.id(4, 1));

    static final long BASE_NS = 1_477_674_114_088_536_262L;

    private TestRecords()
    {
    }

    /** Writes the basic fields of flow {@code n}; returns the writer for plugin fields to follow. */
    static RecordWriter basic(final RecordWriter w, final UnsafeBuffer buffer, final int ipVersion, final long n)
    {
        w.wrap(buffer, 0, buffer.capacity());
        if (ipVersion == 6)
        {
            w.ipv6(0x2001_0db8_0000_0000L, n).ipv6(0x2001_0db8_0000_0001L, n * 7);
        }
        else
        {
            w.ipv4(0x0A00_0000L | (n & 0xFFFFFF)).ipv4(0xC0A8_0001L);
        }
        return w.u16((int)(1024 + n % 60000))
            .u16(443)
            .u8(6)
            .u8(ipVersion)
            .u64(n)
            .u64(n * 100 + 40)
            .u64(n % 5)
            .u64((n % 5) * 1500)
            .timeNs(BASE_NS + n * 1_000_001L)
            .timeNs(BASE_NS + n * 1_000_001L + 2_999_107_838L)
            .u8(0x1B)
            .u8(0x12)
            .mac(0xA0F3C1165ACAL)
            .mac(0x6C626D2AC74EL)
            .u16((int)(n % 4095))
            .u32(n % 3)
            .u8((int)(1 + n % 5));
    }

    /** Adds the plugin fields: a host of {@code hostLength} characters, lists of {@code listLength}. */
    static RecordWriter plugin(final RecordWriter w, final long n, final int hostLength, final int listLength)
    {
        final StringBuilder host = new StringBuilder();
        while (host.length() < hostLength)
        {
            host.append("h").append(n).append(".example.org.");
        }
        final byte[] hostBytes = host.substring(0, hostLength).getBytes(StandardCharsets.US_ASCII);
        w.bytes(hostBytes, 0, hostBytes.length).u32(3600 + n);
        final byte[] content = new byte[(int)(n % 40)];
        for (int i = 0; i < content.length; i++)
        {
            content[i] = (byte)(i * 37 + n);
        }
        w.bytes(content, 0, content.length);
        w.listCount(listLength);
        for (int i = 0; i < listLength; i++)
        {
            w.u16((int)(60 + i * 13 + n));
        }
        w.listCount(listLength);
        for (int i = 0; i < listLength; i++)
        {
            w.timeNs(BASE_NS + i * 1_500_000L);
        }
        w.listCount(listLength);
        for (int i = 0; i < listLength; i++)
        {
            w.u8(i % 2 == 0 ? 1 : -1);
        }
        return w;
    }
}
