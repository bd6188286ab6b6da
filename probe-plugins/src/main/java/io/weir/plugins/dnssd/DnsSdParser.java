package io.weir.plugins.dnssd;

import static io.weir.plugins.dnsmessage.DnsMessageDescriptor.HEADER_LENGTH;

import io.weir.plugins.dnsmessage.Bytes;
import io.weir.plugins.dnsmessage.DnsMessage;
import io.weir.plugins.dnsmessage.DnsName;
import io.weir.plugins.dnsmessage.DnsNameDecoder;
import io.weir.plugins.dnsmessage.DnsQuestion;
import io.weir.plugins.dnsmessage.DnsResourceRecord;
import io.weir.plugins.dnsmessage.DnsType;
import io.weir.plugins.dnsmessage.TextBuffer;
import org.agrona.DirectBuffer;

/**
 * Reads an mDNS / DNS-SD message with ipfixprobe's dnssd rules. Every question name is a query.
 * SRV (port, target), HINFO (cpu, os) and TXT (kept strings, each followed by ':') records give
 * services: those of the answer and additional sections only in responses (a query's known
 * answers are left out), those of the authority section (a probe's proposed records) always.
 * Names containing "arpa" are left out. A name that cannot be decoded fails the message; a
 * question or record cut short ends it with what was read. Not thread safe: owned by the worker.
 */
final class DnsSdParser
{
    private static final int NAME_CAPACITY = 1024;
    private static final byte[] ARPA = Bytes.ascii("arpa");
    private static final int SRV_PORT_OFFSET = 4;
    private static final int SRV_TARGET_OFFSET = 6;

    private final TxtFilter txtFilter;
    private final DnsMessage message = new DnsMessage();
    private final DnsQuestion question = new DnsQuestion(NAME_CAPACITY);
    private final DnsResourceRecord record = new DnsResourceRecord();
    private final DnsName owner = new DnsName(NAME_CAPACITY);
    private final DnsName target = new DnsName(NAME_CAPACITY);
    private final DnsSdResponse current = new DnsSdResponse();
    private final byte[] txtString = new byte[256];

    DnsSdParser(final TxtFilter txtFilter)
    {
        this.txtFilter = txtFilter;
    }

    /**
     * Adds the message's queries and services to {@code state}.
     *
     * @return false when the message could not be read (what was added before the failure stays)
     */
    boolean parse(final DirectBuffer buffer, final int offset, final int length, final boolean stream,
                  final DnsSdFlowState state)
    {
        if (message.wrap(buffer, offset, length, stream) < 0)
        {
            return false;
        }
        final boolean response = message.isResponse();
        int position = HEADER_LENGTH;
        final int questions = message.questionCount();
        for (int i = 0; i < questions; i++)
        {
            final int end = question.decode(message, position);
            if (end < 0)
            {
                return !question.nameFailed();
            }
            final DnsName name = question.name();
            if (Bytes.indexOf(name.bytes(), 0, name.length(), ARPA) < 0)
            {
                state.addQuery(name);
            }
            position = end;
        }
        final int answers = message.answerCount();
        final int authorities = message.authorityCount();
        final int additionals = message.additionalCount();
        for (int section = 0; section < 3; section++)
        {
            final int count = section == 0 ? answers : section == 1 ? authorities : additionals;
            final boolean keep = response || section == 1;
            for (int i = 0; i < count; i++)
            {
                if (DnsNameDecoder.decode(message, position, owner) < 0)
                {
                    return false;
                }
                final int end = record.decode(message, position);
                if (end < 0)
                {
                    return !record.nameFailed();
                }
                if (section != 2 || record.type() != DnsType.OPT)
                {
                    if (!read())
                    {
                        return false;
                    }
                    if (keep)
                    {
                        add(state);
                    }
                }
                position = end;
            }
        }
        return true;
    }

    /** Reads the record's data into {@link #current}; false when a name in it cannot be decoded. */
    private boolean read()
    {
        current.clear();
        current.name.append(owner);
        final int at = record.rdataPosition();
        final int length = record.rdataLength();
        switch (record.type())
        {
            case DnsType.SRV:
                if (length >= SRV_TARGET_OFFSET)
                {
                    if (DnsNameDecoder.decode(message, at + SRV_TARGET_OFFSET, target) < 0)
                    {
                        return false;
                    }
                    current.port = message.u16(at + SRV_PORT_OFFSET);
                    current.target.append(target);
                }
                return true;
            case DnsType.HINFO:
                final int os = characterString(at, at + length, current.cpu);
                if (os >= 0)
                {
                    characterString(os, at + length, current.os);
                }
                return true;
            case DnsType.TXT:
                txt(at, length);
                return true;
            default:
                return true;
        }
    }

    /** Copies the character-string at {@code position} if it fits before {@code end}; returns the position after it or -1. */
    private int characterString(final int position, final int end, final TextBuffer out)
    {
        if (position >= end)
        {
            return -1;
        }
        final int length = message.u8(position);
        if (position + 1 + length > end)
        {
            return -1;
        }
        out.append(message.buffer(), message.offset() + position + 1, length);
        return position + 1 + length;
    }

    private void txt(final int at, final int length)
    {
        if (!txtFilter.processesTxt() || length == 0)
        {
            return;
        }
        final int service = txtFilter.keepsAll() ? -1 : txtFilter.serviceOf(owner.bytes(), owner.length());
        if (!txtFilter.keepsAll() && service < 0)
        {
            return;
        }
        final int end = at + length;
        int position = at;
        int stringLength = message.u8(position++);
        int total = stringLength + 1;
        while (total <= length)
        {
            if (keeps(service, position, stringLength))
            {
                current.txt.append(message.buffer(), message.offset() + position, stringLength).append(':');
            }
            position += stringLength;
            stringLength = position < end ? message.u8(position) : 0;
            position++;
            total += stringLength + 1;
        }
    }

    private boolean keeps(final int service, final int position, final int length)
    {
        if (txtFilter.keepsAll())
        {
            return true;
        }
        message.buffer().getBytes(message.offset() + position, txtString, 0, length);
        return txtFilter.allows(service, txtString, 0, length);
    }

    /** ipfixprobe's merge: a known instance name takes the record's values, a new one is appended. */
    private void add(final DnsSdFlowState state)
    {
        final int type = record.type();
        if ((type != DnsType.SRV && type != DnsType.HINFO && type != DnsType.TXT)
            || Bytes.indexOf(current.name.bytes(), 0, current.name.length(), ARPA) >= 0)
        {
            return;
        }
        final int known = state.findResponse(current.name);
        if (known >= 0)
        {
            final DnsSdResponse entry = state.responses[known];
            switch (type)
            {
                case DnsType.SRV:
                    entry.port = current.port;
                    entry.target.copyFrom(current.target);
                    break;
                case DnsType.HINFO:
                    entry.cpu.copyFrom(current.cpu);
                    entry.os.copyFrom(current.os);
                    break;
                default:
                    if (!current.txt.isEmpty()
                        && Bytes.indexOf(entry.txt.bytes(), 0, entry.txt.length(), current.txt.bytes(), 0,
                        current.txt.length()) < 0)
                    {
                        entry.txt.append(current.txt).append(':');
                    }
                    break;
            }
            return;
        }
        final DnsSdResponse entry = state.newResponse();
        if (entry == null)
        {
            return;
        }
        entry.name.append(current.name);
        switch (type)
        {
            case DnsType.SRV:
                entry.port = current.port;
                entry.target.append(current.target);
                break;
            case DnsType.HINFO:
                entry.cpu.append(current.cpu);
                entry.os.append(current.os);
                break;
            default:
                entry.txt.append(current.txt);
                break;
        }
    }
}
