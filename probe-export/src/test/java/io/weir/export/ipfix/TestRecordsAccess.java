package io.weir.export.ipfix;

import io.weir.core.field.RecordSchema;
import io.weir.core.field.RecordWriter;
import org.agrona.concurrent.UnsafeBuffer;

/** {@link TestRecords} for tests in other packages. */
public final class TestRecordsAccess
{
    private TestRecordsAccess()
    {
    }

    public static RecordWriter basic(final RecordWriter w, final UnsafeBuffer buffer, final int ipVersion, final long n)
    {
        return TestRecords.basic(w, buffer, ipVersion, n);
    }

    public static RecordWriter plugin(final RecordWriter w, final long n, final int hostLength, final int listLength)
    {
        return TestRecords.plugin(w, n, hostLength, listLength);
    }

    public static RecordSchema schema(final int ipVersion)
    {
        return ipVersion == 6 ? TestRecords.IPV6 : TestRecords.IPV4;
    }

    public static RecordSchema pluginSchema()
    {
        return TestRecords.IPV4_PLUGIN;
    }
}
