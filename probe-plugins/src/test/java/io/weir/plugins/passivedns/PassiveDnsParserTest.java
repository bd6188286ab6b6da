package io.weir.plugins.passivedns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.Arrays;

import io.weir.plugins.dnsmessage.DnsMessage;
import io.weir.plugins.dnsmessage.DnsName;
import io.weir.plugins.dnsmessage.DnsQuestion;
import io.weir.plugins.dnsmessage.DnsType;
import io.weir.plugins.dnsmessage.testing.CaptureFrames;
import io.weir.plugins.dnsmessage.testing.DnsBuilder;
import io.weir.plugins.dnsmessage.testing.Tshark;
import io.weir.core.testing.TestData;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** Address records of real and written responses, and reverse names. */
class PassiveDnsParserTest
{
    private final ReverseName reverse = new ReverseName();

    private static PassiveDnsFlowState parse(final byte[] message)
    {
        final PassiveDnsFlowState state = new PassiveDnsFlowState();
        new PassiveDnsParser().parse(new UnsafeBuffer(message), 0, message.length, false, state);
        return state;
    }

    private static DnsName name(final String dotted)
    {
        final byte[] message = DnsBuilder.header(1, 0, 1, 0, 0, 0).question(dotted, DnsType.PTR, 1).build();
        final DnsMessage wrapped = new DnsMessage();
        wrapped.wrap(new UnsafeBuffer(message), 0, message.length, false);
        final DnsQuestion question = new DnsQuestion(1024);
        question.decode(wrapped, 12);
        return question.name();
    }

    private byte[] reverse(final String dotted)
    {
        final byte[] address = new byte[16];
        final int length = reverse.parse(name(dotted), address);
        return Arrays.copyOf(address, length);
    }

    @Test
    void collectsEveryAddressAnswerOfARealResponse() throws Exception
    {
        final PassiveDnsFlowState state = parse(CaptureFrames.frame("dns.pcap", 2).payload());
        final String[] tshark = Tshark.fields(TestData.capture("dns.pcap"), "frame.number == 2", "dns.a", "dns.resp.ttl",
            "dns.id").get(0);

        assertEquals(3, state.count);
        final String[] addresses = tshark[0].split("\\|");
        for (int i = 0; i < 3; i++)
        {
            assertArrayEquals(InetAddress.getByName(addresses[i]).getAddress(),
                Arrays.copyOf(state.addresses[i], state.addressLengths[i]));
            assertEquals("kernel.org", state.names[i].toString());
            assertEquals(Long.parseLong(tshark[1].split("\\|")[i]), state.ttls[i]);
            assertEquals(Integer.decode(tshark[2]), state.ids[i]);
            assertEquals(DnsType.A, state.types[i]);
        }
    }

    @Test
    void takesPtrAddressFromTheOwnerAndNameFromTheTarget()
    {
        final PassiveDnsFlowState state = parse(CaptureFrames.frame("dns.pcap", 4).payload());

        assertEquals(1, state.count);
        assertEquals("www.cesnet.cz", state.names[0].toString());
        assertArrayEquals(new byte[] {(byte)195, 113, (byte)144, (byte)230}, Arrays.copyOf(state.addresses[0], 4));
        assertEquals(DnsType.PTR, state.types[0]);
    }

    /**
     * The ip6.arpa name an mDNS host asked about itself (dnssd.pcap frame 17, third question) is its
     * own address as tshark shows it: the nibbles go lowest first. (ipfixprobe 5.7 builds each byte
     * from one nibble twice, so its DNS_IP for ip6.arpa PTR records is wrong.)
     */
    @Test
    void readsIp6ArpaNibblesInOrder() throws Exception
    {
        final byte[] payload = CaptureFrames.frame("dnssd.pcap", 17).payload();
        final DnsMessage message = new DnsMessage();
        message.wrap(new UnsafeBuffer(payload), 0, payload.length, false);
        final DnsQuestion question = new DnsQuestion(1024);
        final int second = question.decode(message, question.decode(message, 12));
        question.decode(message, second);
        final String source = Tshark.fields(TestData.capture("dnssd.pcap"), "frame.number == 17", "ipv6.src").get(0)[0];

        assertEquals("4.1.b.9.6.8.e.f.f.f.6.9.1.1.a.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.e.f.ip6.arpa", question.name().toString());
        final byte[] address = new byte[16];
        assertEquals(16, reverse.parse(question.name(), address));
        assertArrayEquals(InetAddress.getByName(source).getAddress(), address);
    }

    @Test
    void readsInAddrArpaLikeIpfixprobe()
    {
        assertArrayEquals(new byte[] {(byte)195, 113, (byte)144, (byte)230}, reverse("230.144.113.195.in-addr.arpa"));
        assertArrayEquals(new byte[] {8, 8, 4, 4}, reverse("4.4.8.8.IN-ADDR.ARPA"));
        assertArrayEquals(new byte[] {10, 0, 0, 1}, reverse("1.0.0.10.in-addr.arpa."));
    }

    @Test
    void rejectsNamesThatAreNotCompleteReverseNames()
    {
        assertEquals(0, reverse("1.2.3.in-addr.arpa").length);
        assertEquals(0, reverse("1.2.3.4.5.in-addr.arpa").length);
        assertEquals(0, reverse("1.2.3.256.in-addr.arpa").length);
        assertEquals(0, reverse("1.2.x.4.in-addr.arpa").length);
        assertEquals(0, reverse("1..3.4.in-addr.arpa").length);
        assertEquals(0, reverse("1.2.3.4.in-addr.arpa.example").length);
        assertEquals(0, reverse("1.2.3.4.in-addr.arpa.in-addr.arpa").length);
        assertEquals(0, reverse("1.2.ip6.arpa").length);
        assertEquals(0, reverse("10.1.b.9.6.8.e.f.f.f.6.9.1.1.a.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.e.f.ip6.arpa").length);
        assertEquals(0, reverse("g.1.b.9.6.8.e.f.f.f.6.9.1.1.a.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.e.f.ip6.arpa").length);
        assertEquals(0, reverse("example.com").length);
    }

    @Test
    void keepsAtMost32EntriesPerFlow()
    {
        final DnsBuilder message = DnsBuilder.header(7, 0x8180, 1, 40, 0, 0).question("many.example", DnsType.A, 1);
        for (int i = 0; i < 40; i++)
        {
            message.pointer(12).record(DnsType.A, 1, 60).u32(0x0A000000L + i).endRecord();
        }
        final PassiveDnsFlowState state = parse(message.build());

        assertEquals(PassiveDnsFlowState.MAX_ENTRIES, state.count);
        assertEquals(31, state.addresses[31][3]);
    }

    @Test
    void keepsEntriesReadBeforeABrokenRecord()
    {
        final byte[] message = DnsBuilder.header(7, 0x8180, 1, 3, 0, 0).question("x.example", DnsType.A, 1)
            .pointer(12).record(DnsType.A, 1, 60).u32(0x0A000001L).endRecord()
            .pointer(12).record(DnsType.AAAA, 1, 60).u32(0x20010db8L).u32(0).u32(0).u32(1).endRecord()
            .pointer(300).record(DnsType.A, 1, 60).u32(0x0A000003L).endRecord()
            .build();
        final PassiveDnsFlowState state = parse(message);

        assertEquals(2, state.count);
        assertEquals(16, state.addressLengths[1]);
    }
}
