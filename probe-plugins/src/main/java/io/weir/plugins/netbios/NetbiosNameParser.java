package io.weir.plugins.netbios;

import io.weir.plugins.dnsmessage.DnsMessage;
import io.weir.plugins.dnsmessage.DnsMessageDescriptor;
import org.agrona.DirectBuffer;

/**
 * Reads the first question name of a NetBIOS Name Service message (RFC 1002 section 4.2), as
 * ipfixprobe does: the header must announce at least one question, and the name right after the
 * header must be the 32-byte first-level encoding (length byte 32): each byte of the 16-byte
 * NetBIOS name is two letters 'A' + high nibble, 'A' + low nibble. The first 15 bytes are the
 * name, the 16th its suffix. Letters outside 'A'..'P' are combined with the same arithmetic.
 * Not thread safe: owned by the capture worker.
 */
final class NetbiosNameParser
{
    static final int ENCODED_NAME_LENGTH = 32;
    private static final int NAME_OFFSET = DnsMessageDescriptor.HEADER_LENGTH;

    private final DnsMessage message = new DnsMessage();

    /** Adds the packet's name to {@code state}; false when the payload holds none. */
    boolean parse(final DirectBuffer buffer, final int offset, final int length, final NetbiosFlowState state)
    {
        if (state.full() || message.wrap(buffer, offset, length, false) < 0 || message.questionCount() < 1
            || !message.has(NAME_OFFSET, 1 + ENCODED_NAME_LENGTH) || message.u8(NAME_OFFSET) != ENCODED_NAME_LENGTH)
        {
            return false;
        }
        final int entry = state.next();
        final int first = NAME_OFFSET + 1;
        for (int i = 0; i < NetbiosFlowState.NAME_LENGTH; i++)
        {
            state.names[entry * NetbiosFlowState.NAME_LENGTH + i] = decode(first + 2 * i);
        }
        state.suffixes[entry] = decode(first + 2 * NetbiosFlowState.NAME_LENGTH);
        state.count++;
        return true;
    }

    private byte decode(final int position)
    {
        return (byte)(((message.u8(position) - 'A') << 4) | (message.u8(position + 1) - 'A'));
    }
}
