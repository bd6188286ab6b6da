package io.weir.plugins.passivedns;

import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.HEADER_LENGTH;
import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.QUESTION_FIXED_LENGTH;

import io.weir.plugins.dnsmessage.DnsMessage;
import io.weir.plugins.dnsmessage.DnsName;
import io.weir.plugins.dnsmessage.DnsNameDecoder;
import io.weir.plugins.dnsmessage.DnsResourceRecord;
import io.weir.plugins.dnsmessage.DnsType;
import org.agrona.DirectBuffer;

/**
 * Collects the address records of a DNS response with ipfixprobe's passivedns rules: the
 * question section is skipped; each answer of type A or AAAA gives (owner name, address), each
 * PTR answer whose owner is a reverse name gives (target name, address of the owner). Parsing
 * stops at the first name that cannot be decoded or record cut short, keeping the entries found
 * before it. Not thread safe: owned by the capture worker.
 */
final class PassiveDnsParser
{
    private static final int NAME_CAPACITY = 1024;

    private final DnsMessage message = new DnsMessage();
    private final DnsResourceRecord record = new DnsResourceRecord();
    private final DnsName owner = new DnsName(NAME_CAPACITY);
    private final DnsName target = new DnsName(NAME_CAPACITY);
    private final ReverseName reverse = new ReverseName();

    /** Adds the message's entries to {@code state}. */
    void parse(final DirectBuffer buffer, final int offset, final int length, final boolean stream,
               final PassiveDnsFlowState state)
    {
        if (message.wrap(buffer, offset, length, stream) < 0)
        {
            return;
        }
        int position = HEADER_LENGTH;
        final int questions = message.questionCount();
        for (int i = 0; i < questions; i++)
        {
            final int nameEnd = DnsNameDecoder.skip(message, position);
            if (nameEnd < 0 || !message.has(nameEnd, QUESTION_FIXED_LENGTH))
            {
                return;
            }
            position = nameEnd + QUESTION_FIXED_LENGTH;
        }
        final int id = message.id();
        final int answers = message.answerCount();
        for (int i = 0; i < answers && !state.full(); i++)
        {
            if (DnsNameDecoder.decode(message, position, owner) < 0)
            {
                return;
            }
            final int end = record.decode(message, position);
            if (end < 0)
            {
                return;
            }
            final int type = record.type();
            if (type == DnsType.A || type == DnsType.AAAA)
            {
                final int addressLength = type == DnsType.A ? 4 : 16;
                if (record.rdataLength() >= addressLength)
                {
                    final int entry = state.next();
                    message.buffer().getBytes(message.offset() + record.rdataPosition(), state.addresses[entry], 0,
                        addressLength);
                    state.addressLengths[entry] = addressLength;
                    state.names[entry].append(owner);
                    add(state, entry, id, type);
                }
            }
            else if (type == DnsType.PTR)
            {
                if (DnsNameDecoder.decode(message, record.rdataPosition(), target) < 0)
                {
                    return;
                }
                final int entry = state.next();
                final int addressLength = reverse.parse(owner, state.addresses[entry]);
                if (addressLength > 0)
                {
                    state.addressLengths[entry] = addressLength;
                    state.names[entry].append(target);
                    add(state, entry, id, type);
                }
            }
            position = end;
        }
    }

    private void add(final PassiveDnsFlowState state, final int entry, final int id, final int type)
    {
        state.ids[entry] = id;
        state.ttls[entry] = record.ttl();
        state.types[entry] = type;
        state.commit();
    }
}
