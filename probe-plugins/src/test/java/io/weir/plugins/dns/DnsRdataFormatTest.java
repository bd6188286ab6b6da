package io.weir.plugins.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.weir.plugins.dnsmessage.DnsType;
import io.weir.plugins.dnsmessage.testing.DnsBuilder;
import io.weir.plugins.dnsmessage.testing.PcapWriter;
import io.weir.plugins.dnsmessage.testing.Tshark;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS_RDATA text for every record type ipfixprobe documents, on responses written for the test:
 * tshark dissects the same messages, and the expected text is tshark's values laid out in the
 * documented format (ipfixprobe README, "DNS_RDATA format").
 */
class DnsRdataFormatTest
{
    private static final String[] FIELDS = {
        "dns.a", "dns.aaaa", "dns.ns", "dns.cname", "dns.ptr.domain_name", "dns.dname",
        "dns.soa.mname", "dns.soa.rname", "dns.soa.serial_number", "dns.soa.refresh_interval",
        "dns.soa.retry_interval", "dns.soa.expire_limit", "dns.soa.minimum_ttl",
        "dns.srv.service", "dns.srv.proto", "dns.srv.name", "dns.srv.target", "dns.srv.priority", "dns.srv.weight",
        "dns.srv.port", "dns.mx.preference", "dns.mx.mail_exchange", "dns.txt", "dns.minfo.r", "dns.minfo.e",
        "dns.hinfo.cpu", "dns.hinfo.os", "dns.ds.key_id", "dns.ds.algorithm", "dns.ds.digest_type",
        "dns.dnskey.flags", "dns.dnskey.protocol", "dns.dnskey.algorithm"};

    private record Case(String label, byte[] message, Function<Values, String> expected)
    {
    }

    /** One frame's tshark values by field name. */
    private record Values(List<String> names, String[] row)
    {
        String get(final String field)
        {
            return row[names.indexOf(field)];
        }

        /** A number as decimal text; tshark shows some (key tags, flags) in hex. */
        String number(final String field)
        {
            return Long.toString(Long.decode(get(field)));
        }

        String all(final String field, final String separator)
        {
            return String.join(separator, get(field).split("\\|"));
        }
    }

    @TempDir
    Path dir;

    /** A response to "example.com" (question at 12, so pointer 0x0c names it) with one answer. */
    private static DnsBuilder response(final int type, final String owner)
    {
        final DnsBuilder message = DnsBuilder.header(0x1234, 0x8180, 1, 1, 0, 0).question("example.com", type, 1);
        if (owner == null)
        {
            message.pointer(12);
        }
        else
        {
            message.name(owner);
        }
        return message.record(type, 1, 3600);
    }

    private static List<Case> cases()
    {
        final List<Case> cases = new ArrayList<>();
        cases.add(new Case("A", response(DnsType.A, null).u32(0xC0000201L).endRecord().build(), v -> v.get("dns.a")));
        for (final int[] groups : new int[][] {
            {0x2001, 0xdb8, 0, 0, 0, 0, 0, 1}, {0, 0, 0, 0, 0, 0, 0, 1}, {0, 0, 0, 0, 0, 0, 0, 0},
            {0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201}, {1, 0, 0, 1, 0, 0, 0, 1}, {1, 0, 0, 1, 1, 0, 0, 1},
            {0xfe80, 0, 0, 0, 0x1620, 0x5eff, 0xfe57, 0xeca6}, {1, 0, 1, 0, 1, 0, 1, 0}})
        {
            final DnsBuilder message = response(DnsType.AAAA, null);
            for (final int group : groups)
            {
                message.u16(group);
            }
            cases.add(new Case("AAAA", message.endRecord().build(), v -> v.get("dns.aaaa")));
        }
        cases.add(new Case("NS", response(DnsType.NS, null).ascii("\u0003ns1").pointer(12).endRecord().build(),
            v -> v.get("dns.ns")));
        cases.add(new Case("CNAME", response(DnsType.CNAME, null).name("www.example.org").endRecord().build(),
            v -> v.get("dns.cname")));
        cases.add(new Case("PTR", response(DnsType.PTR, "1.2.0.192.in-addr.arpa").pointer(12).endRecord().build(),
            v -> v.get("dns.ptr.domain_name")));
        cases.add(new Case("DNAME", response(DnsType.DNAME, null).name("example.net").endRecord().build(),
            v -> v.get("dns.dname")));
        cases.add(new Case("SOA", response(DnsType.SOA, null).ascii("\u0003ns1").pointer(12)
            .ascii("\nhostmaster").pointer(12).u32(2016040701L).u32(7200).u32(3600).u32(1209600).u32(300)
            .endRecord().build(),
            v -> String.join(" ", v.get("dns.soa.mname"), v.get("dns.soa.rname"), v.get("dns.soa.serial_number"),
                v.get("dns.soa.refresh_interval"), v.get("dns.soa.retry_interval"), v.get("dns.soa.expire_limit"),
                v.get("dns.soa.minimum_ttl"))));
        cases.add(new Case("SRV", response(DnsType.SRV, "_sip._tcp.example.com").u16(10).u16(60).u16(5060)
            .ascii("\u0007sipserv").pointer(12).endRecord().build(),
            v -> String.join(" ", v.get("dns.srv.service").substring(1), v.get("dns.srv.proto").substring(1),
                v.get("dns.srv.name"), v.get("dns.srv.target"), v.get("dns.srv.priority"), v.get("dns.srv.weight"),
                v.get("dns.srv.port"))));
        cases.add(new Case("MX", response(DnsType.MX, null).u16(20).ascii("\u0004alt1\u0005aspmx\u0001l").pointer(12)
            .endRecord().build(),
            v -> v.get("dns.mx.preference") + " " + v.get("dns.mx.mail_exchange")));
        cases.add(new Case("TXT", response(DnsType.TXT, null).string("v=spf1 -all").string("second string")
            .string("").string("x").endRecord().build(),
            v -> v.all("dns.txt", " ")));
        cases.add(new Case("MINFO", response(DnsType.MINFO, null).ascii("\u0005admin").pointer(12)
            .ascii("\u0006errors").pointer(12).endRecord().build(),
            v -> v.get("dns.minfo.r") + " " + v.get("dns.minfo.e")));
        cases.add(new Case("HINFO", response(DnsType.HINFO, null).string("X86_64").string("LINUX").endRecord().build(),
            v -> (char)v.get("dns.hinfo.cpu").length() + v.get("dns.hinfo.cpu")
                + (char)v.get("dns.hinfo.os").length() + v.get("dns.hinfo.os")));
        cases.add(new Case("DS", response(DnsType.DS, null).u16(60485).u8(5).u8(1)
            .bytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
            .endRecord().build(),
            v -> String.join(" ", v.number("dns.ds.key_id"), v.number("dns.ds.algorithm"), v.number("dns.ds.digest_type"))
                + " <key>"));
        cases.add(new Case("DNSKEY", response(DnsType.DNSKEY, null).u16(257).u8(3).u8(8)
            .bytes(new byte[] {3, 1, 0, 1, 0x55, 0x66, 0x77, 0x11}).endRecord().build(),
            v -> String.join(" ", v.number("dns.dnskey.flags"), v.number("dns.dnskey.protocol"),
                v.number("dns.dnskey.algorithm")) + " <key>"));
        return cases;
    }

    @Test
    void formatsEachTypeAsDocumentedWithTsharksValues() throws Exception
    {
        final List<Case> cases = cases();
        final List<byte[]> frames = new ArrayList<>();
        for (final Case c : cases)
        {
            frames.add(PcapWriter.udp4("192.0.2.53", 53, "192.0.2.10", 40000, c.message()));
        }
        final List<String[]> rows = Tshark.fields(PcapWriter.write(dir.resolve("rdata.pcap"), frames), "dns", FIELDS);
        assertEquals(cases.size(), rows.size());
        for (int i = 0; i < cases.size(); i++)
        {
            final Case c = cases.get(i);
            final Values values = new Values(List.of(FIELDS), rows.get(i));
            assertEquals(c.expected().apply(values), format(c.message()), c.label() + " (frame " + (i + 1) + ")");
        }
    }

    @Test
    void writesTheBytesOfIsdnAsTheyAre()
    {
        final byte[] message = response(DnsType.ISDN, null).string("150862028003217").string("004").endRecord().build();

        assertEquals("\u000f150862028003217\u0003004", format(message));
    }

    @Test
    void writesNotImplementedForOtherTypes()
    {
        final byte[] message = response(257, null).u8(0).string("issue").ascii("ca.example").endRecord().build();

        assertEquals("(not_impl)", format(message));
    }

    @Test
    void leavesRdataEmptyWhenShorterThanItsType()
    {
        assertEquals("", format(response(DnsType.A, null).u16(0xC000).endRecord().build()));
        assertEquals("", format(response(DnsType.AAAA, null).u32(0x20010db8L).endRecord().build()));
        assertEquals("", format(response(DnsType.DS, null).u16(1).endRecord().build()));
        assertEquals("", format(response(DnsType.RRSIG, null).u16(1).u32(2).endRecord().build()));
    }

    @Test
    void cutsRdataTextAt159Bytes()
    {
        final DnsBuilder message = response(DnsType.TXT, null);
        for (int i = 0; i < 4; i++)
        {
            message.string("x".repeat(60));
        }
        final String text = format(message.endRecord().build());

        assertEquals(159, text.length());
        assertEquals(("x".repeat(60) + " ").repeat(3).substring(0, 159), text);
    }

    @Test
    void failsTheMessageWhenANameInTheRecordCannotBeRead()
    {
        final byte[] message = response(DnsType.CNAME, null).pointer(200).endRecord().build();
        final DnsFlowState state = new DnsFlowState();

        assertEquals(false, new DnsMessageParser().parse(new UnsafeBuffer(message), 0, message.length, false, state));
    }

    static String format(final byte[] message)
    {
        final DnsFlowState state = new DnsFlowState();
        if (!new DnsMessageParser().parse(new UnsafeBuffer(message), 0, message.length, false, state))
        {
            throw new AssertionError("message does not parse");
        }
        return state.rdata.toString();
    }
}
