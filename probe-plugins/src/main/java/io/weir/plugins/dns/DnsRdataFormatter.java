package io.weir.plugins.dns;

import io.weir.plugins.dnsmessage.Bytes;
import io.weir.plugins.dnsmessage.DnsMessage;
import io.weir.plugins.dnsmessage.DnsName;
import io.weir.plugins.dnsmessage.DnsNameDecoder;
import io.weir.plugins.dnsmessage.DnsResourceRecord;
import io.weir.plugins.dnsmessage.DnsType;
import io.weir.plugins.dnsmessage.TextBuffer;

/**
 * Writes a record's RDATA as the text ipfixprobe's README documents for DNS_RDATA:
 * <pre>
 * A      dotted decimal            AAAA   inet_ntop text
 * NS, CNAME, PTR, DNAME            the name
 * SOA    mname rname serial refresh retry expire minimum
 * SRV    service protocol name target priority weight port   (from the owner "_svc._proto.name")
 * MX     preference exchange       TXT    the strings, separated by spaces
 * MINFO  rmailbx emailbx           HINFO, ISDN   the RDATA bytes as they are
 * DS     keytag algorithm digest-type &lt;key&gt;
 * RRSIG  type-covered algorithm labels original-ttl expiration inception keytag &lt;key&gt;
 * DNSKEY flags protocol algorithm &lt;key&gt;
 * other  (not_impl)
 * </pre>
 * RDATA shorter than the fixed fields its type needs gives empty text (ipfixprobe reads past it).
 * Not thread safe: owned by the capture worker.
 */
final class DnsRdataFormatter
{
    private static final byte[] NOT_IMPLEMENTED = Bytes.ascii("(not_impl)");
    private static final byte[] KEY = Bytes.ascii(" <key>");
    private static final int NAME_CAPACITY = 1024;
    private static final int SRV_FIXED_LENGTH = 6;
    private static final int SOA_FIXED_LENGTH = 20;
    private static final int RRSIG_FIXED_LENGTH = 18;

    private final DnsName name = new DnsName(NAME_CAPACITY);

    /**
     * @return false when a name inside the record cannot be decoded: ipfixprobe then gives up the
     *         whole message, and so does the caller
     */
    boolean format(final DnsMessage message, final DnsResourceRecord record, final TextBuffer out)
    {
        out.clear();
        final int at = record.rdataPosition();
        final int length = record.rdataLength();
        switch (record.type())
        {
            case DnsType.A:
                if (length >= 4)
                {
                    AddressText.ipv4(message, at, out);
                }
                return true;
            case DnsType.AAAA:
                if (length >= 16)
                {
                    AddressText.ipv6(message, at, out);
                }
                return true;
            case DnsType.NS, DnsType.CNAME, DnsType.PTR, DnsType.DNAME:
                return appendName(message, at, out) >= 0;
            case DnsType.SOA:
                return soa(message, at, length, out);
            case DnsType.SRV:
                return srv(message, record, out);
            case DnsType.MX:
                if (length < 2)
                {
                    return true;
                }
                out.appendDecimal(message.u16(at)).append(' ');
                return appendName(message, at + 2, out) >= 0;
            case DnsType.TXT:
                txt(message, at, length, out);
                return true;
            case DnsType.MINFO:
                final int mailbox = appendName(message, at, out);
                if (mailbox < 0)
                {
                    return false;
                }
                out.append(' ');
                return appendName(message, mailbox, out) >= 0;
            case DnsType.HINFO, DnsType.ISDN:
                out.append(message.buffer(), message.offset() + at, length);
                return true;
            case DnsType.DS:
                if (length >= 4)
                {
                    out.appendDecimal(message.u16(at)).append(' ').appendDecimal(message.u8(at + 2)).append(' ')
                        .appendDecimal(message.u8(at + 3)).append(KEY);
                }
                return true;
            case DnsType.RRSIG:
                return rrsig(message, at, length, out);
            case DnsType.DNSKEY:
                if (length >= 4)
                {
                    out.appendDecimal(message.u16(at)).append(' ').appendDecimal(message.u8(at + 2)).append(' ')
                        .appendDecimal(message.u8(at + 3)).append(KEY);
                }
                return true;
            default:
                out.append(NOT_IMPLEMENTED);
                return true;
        }
    }

    /** @return the position after the name, or a negative status */
    private int appendName(final DnsMessage message, final int position, final TextBuffer out)
    {
        final int end = DnsNameDecoder.decode(message, position, name);
        if (end >= 0)
        {
            out.append(name);
        }
        return end;
    }

    private boolean soa(final DnsMessage message, final int at, final int length, final TextBuffer out)
    {
        final int mname = appendName(message, at, out);
        if (mname < 0)
        {
            return false;
        }
        out.append(' ');
        final int rname = appendName(message, mname, out);
        if (rname < 0)
        {
            return false;
        }
        if (rname + SOA_FIXED_LENGTH <= at + length)
        {
            for (int i = 0; i < 5; i++)
            {
                out.append(' ').appendDecimal(message.u32(rname + 4 * i));
            }
        }
        return true;
    }

    /** The owner "_service._proto.name" becomes "service proto name", then target and numbers. */
    private boolean srv(final DnsMessage message, final DnsResourceRecord record, final TextBuffer out)
    {
        if (DnsNameDecoder.decode(message, record.position(), name) < 0)
        {
            return false;
        }
        final int at = record.rdataPosition();
        if (record.rdataLength() < SRV_FIXED_LENGTH)
        {
            return true;
        }
        final int start = out.length();
        final byte[] text = name.bytes();
        int underscores = 0;
        boolean stopped = false;
        for (int i = 0; i < name.length(); i++)
        {
            final byte b = text[i];
            stopped |= b == 0;
            if (b == '_' && underscores < 2 && !stopped)
            {
                underscores++;
                continue;
            }
            out.append(b);
        }
        final byte[] written = out.bytes();
        int dots = 0;
        for (int i = start; i < out.length() && dots < 2; i++)
        {
            if (written[i] == '.')
            {
                written[i] = ' ';
                dots++;
            }
        }
        out.append(' ');
        if (appendName(message, at + SRV_FIXED_LENGTH, out) < 0)
        {
            return false;
        }
        out.append(' ').appendDecimal(message.u16(at)).append(' ').appendDecimal(message.u16(at + 2))
            .append(' ').appendDecimal(message.u16(at + 4));
        return true;
    }

    /** Whole character-strings that fit the RDATA, separated by single spaces. */
    private static void txt(final DnsMessage message, final int at, final int length, final TextBuffer out)
    {
        if (length == 0)
        {
            return;
        }
        final int end = at + length;
        int position = at;
        int stringLength = message.u8(position++);
        int total = stringLength + 1;
        while (total <= length)
        {
            out.append(message.buffer(), message.offset() + position, stringLength);
            position += stringLength;
            stringLength = position < end ? message.u8(position) : 0;
            position++;
            total += stringLength + 1;
            if (total <= length)
            {
                out.append(' ');
            }
        }
    }

    private boolean rrsig(final DnsMessage message, final int at, final int length, final TextBuffer out)
    {
        if (length < RRSIG_FIXED_LENGTH)
        {
            return true;
        }
        if (DnsNameDecoder.decode(message, at + RRSIG_FIXED_LENGTH, name) < 0)
        {
            return false;
        }
        out.appendDecimal(message.u16(at)).append(' ')
            .appendDecimal(message.u8(at + 2)).append(' ')
            .appendDecimal(message.u8(at + 3)).append(' ')
            .appendDecimal(message.u32(at + 4)).append(' ')
            .appendDecimal(message.u32(at + 8)).append(' ')
            .appendDecimal(message.u32(at + 12)).append(' ')
            .appendDecimal(message.u16(at + 16)).append(KEY);
        return true;
    }
}
