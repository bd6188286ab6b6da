package io.weir.core.capture;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.agrona.DirectBuffer;

/** Copies every packet it is handed, so tests can compare whole packets after reading. */
final class PacketRecorder implements PacketHandler
{
    /** A delivered packet; {@code data} is the captured bytes in hex. */
    record Packet(long timestampNs, int capturedLength, int wireLength, int linkType, int interfaceId, String data)
    {
        static Packet of(
            final long timestampNs, final int wireLength, final int linkType, final int interfaceId, final byte[] data)
        {
            return new Packet(timestampNs, data.length, wireLength, linkType, interfaceId, HexFormat.of().formatHex(data));
        }
    }

    final List<Packet> packets = new ArrayList<>();

    @Override
    public void onPacket(
        final DirectBuffer buffer, final int offset, final int capturedLength, final int wireLength,
        final long timestampNs, final int linkType, final int interfaceId)
    {
        final byte[] data = new byte[capturedLength];
        buffer.getBytes(offset, data);
        packets.add(new Packet(timestampNs, capturedLength, wireLength, linkType, interfaceId,
            HexFormat.of().formatHex(data)));
    }

    /** Reads the whole file in batches of {@code batch} packets, checking each batch's count. */
    static List<Packet> readAll(final CaptureFileReader reader, final int batch)
    {
        final PacketRecorder recorder = new PacketRecorder();
        int calls = 0;
        while (true)
        {
            final int before = recorder.packets.size();
            final int delivered = reader.read(recorder, batch);
            if (delivered == PacketSource.END_OF_INPUT)
            {
                if (recorder.packets.size() != before)
                {
                    throw new AssertionError("packets delivered in a batch that returned END_OF_INPUT");
                }
                if (reader.read(recorder, batch) != PacketSource.END_OF_INPUT)
                {
                    throw new AssertionError("read after END_OF_INPUT did not return END_OF_INPUT again");
                }
                return recorder.packets;
            }
            if (delivered != recorder.packets.size() - before || delivered > batch)
            {
                throw new AssertionError("batch returned " + delivered + " but delivered "
                    + (recorder.packets.size() - before) + " (limit " + batch + ")");
            }
            if (++calls > 10_000_000)
            {
                throw new AssertionError("reader never reached END_OF_INPUT");
            }
        }
    }

    static byte[] bytes(final int length, final int seed)
    {
        final byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)(seed * 31 + i * 7 + (i >>> 8));
        }
        return data;
    }
}
