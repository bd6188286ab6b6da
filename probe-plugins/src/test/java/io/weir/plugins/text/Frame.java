package io.weir.plugins.text;

import java.nio.ByteBuffer;
import java.util.Arrays;

import io.weir.core.capture.LinkType;
import io.weir.core.decode.PacketParser;
import io.weir.core.decode.PacketView;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A parsed Ethernet/IP/TCP-or-UDP frame of a test, with copies that change its payload, ports
 * or TCP sequence number and keep the IP and UDP lengths consistent.
 */
public final class Frame
{
    public static final int TCP = 6;
    public static final int UDP = 17;

    private final byte[] bytes;
    private final PacketView view = new PacketView();

    public Frame(final byte[] bytes)
    {
        this.bytes = bytes;
        if (!new PacketParser().parse(view, new UnsafeBuffer(bytes), 0, bytes.length, bytes.length, 0,
            LinkType.ETHERNET, 0))
        {
            throw new IllegalArgumentException("not a flow packet: " + view.skipReason());
        }
    }

    public boolean isTcpOrUdp()
    {
        return view.protocol() == TCP || view.protocol() == UDP;
    }

    public int protocol()
    {
        return view.protocol();
    }

    public int sourcePort()
    {
        return view.sourcePort();
    }

    public int destinationPort()
    {
        return view.destinationPort();
    }

    /** Address and port of the sender. */
    public String sourceEndpoint()
    {
        return Long.toHexString(view.sourceHigh()) + ":" + Long.toHexString(view.sourceLow()) + "/" + view.sourcePort();
    }

    public String destinationEndpoint()
    {
        return Long.toHexString(view.destinationHigh()) + ":" + Long.toHexString(view.destinationLow()) + "/"
            + view.destinationPort();
    }

    /** The same for both directions of a conversation. */
    public String conversationKey()
    {
        final String a = sourceEndpoint();
        final String b = destinationEndpoint();
        return view.protocol() + " " + (a.compareTo(b) < 0 ? a + " " + b : b + " " + a);
    }

    public int tcpSequence()
    {
        return view.tcpSequence();
    }

    public byte[] payload()
    {
        return Arrays.copyOfRange(bytes, view.payloadOffset(), view.payloadOffset() + view.payloadLength());
    }

    /** The same headers with another payload (IP total or payload length and UDP length adjusted). */
    public byte[] withPayload(final byte[] payload)
    {
        final int headers = view.payloadOffset();
        final byte[] copy = Arrays.copyOf(bytes, headers + payload.length);
        System.arraycopy(payload, 0, copy, headers, payload.length);
        final ByteBuffer data = ByteBuffer.wrap(copy);
        final int l3 = view.l3Offset();
        final int ipPayload = headers - view.l4Offset() + payload.length;
        if (view.ipVersion() == 4)
        {
            data.putShort(l3 + 2, (short)(view.ipHeaderLength() + ipPayload));
        }
        else
        {
            data.putShort(l3 + 4, (short)(view.l4Offset() - l3 - 40 + ipPayload));
        }
        if (view.protocol() == UDP)
        {
            data.putShort(view.l4Offset() + 4, (short)ipPayload);
        }
        return copy;
    }

    /** The same frame with other ports. */
    public byte[] withPorts(final int sourcePort, final int destinationPort)
    {
        final byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).putShort(view.l4Offset(), (short)sourcePort).putShort(view.l4Offset() + 2,
            (short)destinationPort);
        return copy;
    }

    /** The same TCP frame with another sequence number. */
    public byte[] withSequence(final int sequence)
    {
        final byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).putInt(view.l4Offset() + 4, sequence);
        return copy;
    }
}
