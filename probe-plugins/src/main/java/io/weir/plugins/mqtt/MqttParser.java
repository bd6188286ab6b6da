package io.weir.plugins.mqtt;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * Reads the MQTT control packets (3.1.1 and 5.0) of one TCP segment into a flow's state, the way
 * ipfixprobe's mqtt plugin does: every packet's type sets a bit; CONNECT gives version, connect
 * flags and keep alive; CONNACK the session present flag and return code; PUBLISH its flags and
 * topic; DISCONNECT asks for the flow to end. A packet that is malformed or runs past the segment
 * stops the reading of the segment; what was read before it stays.
 *
 * <pre>
 * fixed header: | type(4) flags(4) | remaining length: 1..4 bytes, 7 bits each, low group first |
 * CONNECT:      | 00 04 'M' 'Q' 'T' 'T' | version | connect flags | keep alive (2) | ...
 * CONNACK:      | ack flags (bit 0 session present) | return code | ...
 * PUBLISH:      | topic length (2) | topic | ...
 * </pre>
 */
final class MqttParser
{
    /** The whole segment was read without a malformed packet. */
    static final int VALID = 1;
    /** The segment holds a DISCONNECT. */
    static final int DISCONNECT = 2;

    static final int TYPE_CONNECT = 1;
    static final int TYPE_CONNACK = 2;
    static final int TYPE_PUBLISH = 3;
    static final int TYPE_DISCONNECT = 14;

    private static final int PROTOCOL_NAME_LENGTH = 6;
    private static final int CONNECT_HEADER_LENGTH = PROTOCOL_NAME_LENGTH + 4;
    private static final int MAX_LENGTH_BYTES = 4;
    private static final int NOT_A_LENGTH = -1;

    private MqttParser()
    {
    }

    /**
     * The gate ipfixprobe uses for a flow's first packet: after the first fixed header come the
     * protocol name "MQTT" as a length-prefixed string.
     */
    static boolean startsWithProtocolName(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length <= 1)
        {
            return false;
        }
        final int end = offset + length;
        final long decoded = remainingLength(buffer, offset + 1, end);
        if (decoded == NOT_A_LENGTH)
        {
            return false;
        }
        final int position = (int)(decoded >>> 32);
        return end - position >= PROTOCOL_NAME_LENGTH && isProtocolName(buffer, position);
    }

    /**
     * Reads the control packets of a segment into the flow in {@code slot}.
     *
     * @return {@link #VALID} and {@link #DISCONNECT} bits
     */
    static int parse(final DirectBuffer buffer, final int offset, final int length, final MqttFlows flows,
                     final int slot)
    {
        final int end = offset + length;
        int result = 0;
        int position = offset;
        while (position < end)
        {
            final int first = buffer.getByte(position) & 0xFF;
            final int type = first >>> 4;
            flows.typeCumulative[slot] |= 1 << type;
            final long decoded = remainingLength(buffer, position + 1, end);
            if (decoded == NOT_A_LENGTH)
            {
                return result;
            }
            final int body = (int)(decoded >>> 32);
            final int bodyLength = (int)decoded;
            if (bodyLength > end - body)
            {
                return result;
            }
            switch (type)
            {
                case TYPE_CONNECT:
                    if (!onConnect(buffer, body, bodyLength, flows, slot))
                    {
                        return result;
                    }
                    break;
                case TYPE_CONNACK:
                    if (bodyLength < 2)
                    {
                        return result;
                    }
                    flows.sessionPresent[slot] = (buffer.getByte(body) & 1) != 0;
                    flows.returnCode[slot] = buffer.getByte(body + 1);
                    break;
                case TYPE_PUBLISH:
                    flows.publishFlags[slot] |= (byte)(first & 0x0F);
                    if (!onPublish(buffer, body, bodyLength, flows, slot))
                    {
                        return result;
                    }
                    break;
                case TYPE_DISCONNECT:
                    result |= DISCONNECT;
                    break;
                default:
                    break;
            }
            position = body + bodyLength;
        }
        return result | VALID;
    }

    private static boolean onConnect(final DirectBuffer buffer, final int body, final int bodyLength,
                                     final MqttFlows flows, final int slot)
    {
        if (bodyLength < CONNECT_HEADER_LENGTH || !isProtocolName(buffer, body))
        {
            return false;
        }
        final int version = buffer.getByte(body + PROTOCOL_NAME_LENGTH) & 0xFF;
        if (version != 4 && version != 5)
        {
            return false;
        }
        flows.version[slot] = (byte)version;
        flows.connectionFlags[slot] = buffer.getByte(body + PROTOCOL_NAME_LENGTH + 1);
        flows.keepAlive[slot] = buffer.getChar(body + PROTOCOL_NAME_LENGTH + 2, ByteOrder.BIG_ENDIAN);
        return true;
    }

    private static boolean onPublish(final DirectBuffer buffer, final int body, final int bodyLength,
                                     final MqttFlows flows, final int slot)
    {
        if (bodyLength < 2)
        {
            return false;
        }
        final int topicLength = buffer.getChar(body, ByteOrder.BIG_ENDIAN);
        if (topicLength > bodyLength - 2)
        {
            return false;
        }
        final int topic = body + 2;
        for (int i = 0; i < topicLength; i++)
        {
            if (buffer.getByte(topic + i) == '#')
            {
                return false;
            }
        }
        flows.onTopic(slot, buffer, topic, topicLength);
        return true;
    }

    private static boolean isProtocolName(final DirectBuffer buffer, final int at)
    {
        return buffer.getByte(at) == 0 && buffer.getByte(at + 1) == 4 && buffer.getByte(at + 2) == 'M'
            && buffer.getByte(at + 3) == 'Q' && buffer.getByte(at + 4) == 'T' && buffer.getByte(at + 5) == 'T';
    }

    /**
     * Decodes a remaining length that starts at {@code at}.
     *
     * @return the position after it in the high 32 bits and the value in the low 32 bits, or
     *         {@link #NOT_A_LENGTH} when it runs past {@code end} or over four bytes
     */
    static long remainingLength(final DirectBuffer buffer, final int at, final int end)
    {
        int value = 0;
        for (int i = 0; i < MAX_LENGTH_BYTES; i++)
        {
            if (at + i >= end)
            {
                return NOT_A_LENGTH;
            }
            final int digit = buffer.getByte(at + i);
            value |= (digit & 0x7F) << (7 * i);
            if ((digit & 0x80) == 0)
            {
                return ((long)(at + i + 1) << 32) | value;
            }
        }
        return NOT_A_LENGTH;
    }
}
