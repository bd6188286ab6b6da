package io.weir.plugins.dns;

import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.HEADER_LENGTH;
import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.OPT_DO_BIT;

import io.weir.plugins.dnsmessage.DnsMessage;
import io.weir.plugins.dnsmessage.DnsQuestion;
import io.weir.plugins.dnsmessage.DnsResourceRecord;
import io.weir.plugins.dnsmessage.DnsType;
import org.agrona.DirectBuffer;

/**
 * Fills a {@link DnsFlowState} from one DNS message with ipfixprobe's rules: header values,
 * the first question, the first answer's TTL and RDATA text, and from an OPT record in the
 * additional section the payload size and DO bit. A name that cannot be decoded fails the
 * message; a question or record cut short by the end of the message ends the parse with what
 * was read so far, which counts as parsed. Not thread safe: owned by the capture worker.
 */
final class DnsMessageParser
{
    private static final int NAME_CAPACITY = 1024;

    private final DnsMessage message = new DnsMessage();
    private final DnsQuestion question = new DnsQuestion(NAME_CAPACITY);
    private final DnsResourceRecord record = new DnsResourceRecord();
    private final DnsRdataFormatter rdata = new DnsRdataFormatter();

    /**
     * @param stream true for DNS over TCP (length-prefixed message)
     * @return true when the message was parsed; on false the state may hold part of it
     */
    boolean parse(final DirectBuffer buffer, final int offset, final int length, final boolean stream,
                  final DnsFlowState state)
    {
        if (message.wrap(buffer, offset, length, stream) < 0)
        {
            return false;
        }
        state.answers = message.answerCount();
        state.id = message.id();
        state.rcode = message.rcode();

        int position = HEADER_LENGTH;
        final int questions = message.questionCount();
        for (int i = 0; i < questions; i++)
        {
            final int end = question.decode(message, position);
            if (end < 0)
            {
                return !question.nameFailed();
            }
            if (i == 0)
            {
                state.questionType = question.type();
                state.questionClass = question.questionClass();
                state.name.clear().append(question.name());
            }
            position = end;
        }

        final int answers = message.answerCount();
        for (int i = 0; i < answers; i++)
        {
            final int end = record.decode(message, position);
            if (end < 0)
            {
                return !record.nameFailed();
            }
            if (i == 0)
            {
                if (!rdata.format(message, record, state.rdata))
                {
                    return false;
                }
                state.ttl = record.ttl();
            }
            position = end;
        }

        final int authorities = message.authorityCount();
        for (int i = 0; i < authorities; i++)
        {
            final int end = record.decode(message, position);
            if (end < 0)
            {
                return !record.nameFailed();
            }
            position = end;
        }

        final int additionals = message.additionalCount();
        for (int i = 0; i < additionals; i++)
        {
            final int end = record.decode(message, position);
            if (end < 0)
            {
                return !record.nameFailed();
            }
            if (record.type() == DnsType.OPT)
            {
                state.payloadSize = record.recordClass();
                state.dnssecOk = (record.ttl() & OPT_DO_BIT) != 0 ? 1 : 0;
            }
            position = end;
        }
        return true;
    }
}
