package io.weir.export.ipfix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import io.weir.core.field.BasicFields;
import io.weir.core.field.Field;
import io.weir.core.field.FieldType;
import io.weir.core.field.RecordWriter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** Template records and data records byte for byte against RFC 7011/6313 layouts written out by hand. */
class TemplateLayoutTest
{
    @Test
    void templateRecordListsIanaAndEnterpriseSpecifiers()
    {
        final TemplateLayout layout = new TemplateLayout(300, List.of(BasicFields.PROTOCOL,
            BasicFields.BYTES_REVERSE, TestRecords.HTTP_HOST, TestRecords.PKT_LENGTHS), 0);
        final ByteBuffer expected = ByteBuffer.allocate(4 + 4 + 8 + 8 + 4);
        expected.putShort((short)300).putShort((short)4)
            .putShort((short)4).putShort((short)1)
            .putShort((short)(0x8000 | 1)).putShort((short)8).putInt(29305)
            .putShort((short)(0x8000 | 1)).putShort((short)0xFFFF).putInt(39499)
            .putShort((short)291).putShort((short)0xFFFF);
        assertArrayEquals(expected.array(), layout.templateRecord());
    }

    @Test
    void optionsTemplateRecordCarriesScopeCount()
    {
        final TemplateLayout layout = new TemplateLayout(256, OptionsFields.STATISTICS, 1);
        final byte[] record = layout.templateRecord();
        assertEquals(256, ByteBuffer.wrap(record).getShort(0));
        assertEquals(OptionsFields.STATISTICS.size(), ByteBuffer.wrap(record).getShort(2));
        assertEquals(1, ByteBuffer.wrap(record).getShort(4));
        assertEquals(144, ByteBuffer.wrap(record).getShort(6));
        assertEquals(6 + 4 * OptionsFields.STATISTICS.size(), record.length);
    }

    @Test
    void encodesVariableLengthAndBasicListValues()
    {
        final Field times = Field.basicList("t", null, FieldType.DATE_TIME_SECONDS, 0, 150, null);
        final TemplateLayout layout = new TemplateLayout(256, List.of(BasicFields.PROTOCOL, TestRecords.HTTP_HOST,
            TestRecords.PKT_LENGTHS, times, TestRecords.IDP_CONTENT), 0);
        final UnsafeBuffer record = new UnsafeBuffer(new byte[1024]);
        final RecordWriter w = new RecordWriter().wrap(record, 0, 1024);
        final byte[] host = new byte[255];
        Arrays.fill(host, (byte)'z');
        w.u8(17).bytes(host, 0, host.length).listCount(2).u16(60).u16(1500).listCount(1).timeNs(3_000_000_000L)
            .bytes(new byte[] {1, 2}, 0, 2);
        final UnsafeBuffer out = new UnsafeBuffer(new byte[1024]);
        final int n = layout.encode(record, 0, w.length(), out, 0, 1024);

        final ByteBuffer expected = ByteBuffer.allocate(1024);
        expected.put((byte)17);
        expected.put((byte)255).putShort((short)255).put(host);
        expected.put((byte)255).putShort((short)(9 + 4)).put((byte)3).putShort((short)(0x8000 | 1013))
            .putShort((short)2).putInt(8057).putShort((short)60).putShort((short)1500);
        expected.put((byte)255).putShort((short)(5 + 4)).put((byte)3).putShort((short)150).putShort((short)4).putInt(3);
        expected.put((byte)2).put((byte)1).put((byte)2);
        assertEquals(expected.position(), n);
        assertArrayEquals(Arrays.copyOf(expected.array(), n), Arrays.copyOf(out.byteArray(), n));
        assertEquals(TemplateLayout.NO_ROOM, layout.encode(record, 0, w.length(), out, 0, n - 1));
        assertEquals(TemplateLayout.MALFORMED, layout.encode(record, 0, w.length() - 1, out, 0, 1024));
    }
}
