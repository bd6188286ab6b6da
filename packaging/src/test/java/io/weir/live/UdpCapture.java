package io.weir.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a classic pcap of IPv4/UDP packets of one flow at given times, for tcpreplay to send on time. */
final class UdpCapture
{
    private static final int FRAME_LENGTH = 14 + 20 + 8 + 18;

    private UdpCapture()
    {
    }

    /**
     * @param sourceHost last byte of the source address 10.0.0.X (destination 10.0.1.1)
     * @param offsetsMs  send time of each packet after the first, in milliseconds
     */
    static Path write(final Path file, final int sourceHost, final int sourcePort, final long... offsetsMs)
        throws IOException
    {
        final ByteBuffer out = ByteBuffer.allocate(24 + offsetsMs.length * (16 + FRAME_LENGTH)).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0xa1b2c3d4).putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(65535).putInt(1);
        final long baseMicros = 1_700_000_000_000_000L;
        for (final long offsetMs : offsetsMs)
        {
            final long micros = baseMicros + offsetMs * 1000;
            out.putInt((int)(micros / 1_000_000)).putInt((int)(micros % 1_000_000)).putInt(FRAME_LENGTH).putInt(FRAME_LENGTH);
            out.order(ByteOrder.BIG_ENDIAN);
            out.put(new byte[] {0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01}).putShort((short)0x0800);
            out.put((byte)0x45).put((byte)0).putShort((short)(FRAME_LENGTH - 14)).putInt(0).put((byte)64).put((byte)17)
                .putShort((short)0).put(new byte[] {10, 0, 0, (byte)sourceHost}).put(new byte[] {10, 0, 1, 1});
            out.putShort((short)sourcePort).putShort((short)9).putShort((short)(FRAME_LENGTH - 34)).putShort((short)0);
            out.put(new byte[FRAME_LENGTH - 42]);
            out.order(ByteOrder.LITTLE_ENDIAN);
        }
        Files.write(file, out.array());
        return file;
    }
}
