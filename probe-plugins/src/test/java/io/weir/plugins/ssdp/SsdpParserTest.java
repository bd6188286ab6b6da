package io.weir.plugins.ssdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The SSDP header rules, on messages written for the test in the shape of ssdp.pcap's. */
class SsdpParserTest
{
    private final SsdpParser parser = new SsdpParser();
    private final SsdpFlowState state = new SsdpFlowState();

    private void parse(final String message, final int ipVersion)
    {
        final byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
        parser.parse(new UnsafeBuffer(bytes), 0, bytes.length, ipVersion, state);
    }

    private static String notify(final String... headers)
    {
        return "NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n" + String.join("\r\n", headers) + "\r\n\r\n";
    }

    private static String search(final String... headers)
    {
        return "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n" + String.join("\r\n", headers) + "\r\n\r\n";
    }

    @Test
    void readsNotifyHeaders()
    {
        parse(notify("CACHE-CONTROL: max-age=900", "LOCATION: http://192.168.1.20:2869/upnphost/desc.xml",
            "NT: urn:schemas-upnp-org:device:MediaServer:1", "NTS: ssdp:alive",
            "SERVER: Microsoft-Windows-NT/5.1 UPnP/1.0 UPnP-Device-Host/1.0"), 4);

        assertEquals(2869, state.port);
        assertEquals("schemas-upnp-org:device:MediaServer:1;", state.nt.toString());
        assertEquals("Microsoft-Windows-NT/5.1 UPnP/1.0 UPnP-Device-Host/1.0;", state.server.toString());
        assertEquals("", state.st.toString());
        assertEquals("", state.userAgent.toString());
    }

    @Test
    void readsSearchHeaders()
    {
        parse(search("MAN: \"ssdp:discover\"", "MX: 1", "ST: urn:dial-multiscreen-org:service:dial:1",
            "USER-AGENT: Google Chrome/83.0.4103.106 Windows", "SERVER: ignored in a search",
            "NT: urn:ignored:in:a:search"), 4);

        assertEquals("dial-multiscreen-org:service:dial:1;", state.st.toString());
        assertEquals("Google Chrome/83.0.4103.106 Windows;", state.userAgent.toString());
        assertEquals("", state.server.toString());
        assertEquals("", state.nt.toString());
    }

    @Test
    void matchesHeaderNamesInAnyCaseButOnlyWithTheColonRightAfter()
    {
        parse(notify("nt: URN:one:1", "Nt:urn:two:2", "NTS: urn:three:3", "NT : urn:four:4"), 4);

        assertEquals("one:1;two:2;", state.nt.toString());
    }

    @Test
    void keepsOnlyUrnValues()
    {
        parse(notify("NT: upnp:rootdevice", "NT: uuid:fab99147-1685-485d-bf02-33999646a5a2", "NT: urnx:no"), 4);
        parse(search("ST: ssdp:all", "ST: upnp:rootdevice"), 4);

        assertEquals("", state.nt.toString());
        assertEquals("", state.st.toString());
    }

    @Test
    void readsOnlyLinesEndedByCrLf()
    {
        final String lfOnly = "NOTIFY * HTTP/1.1\nNT: urn:lf:1\nSERVER: lf\n";
        parse(lfOnly, 4);
        parse("NOTIFY * HTTP/1.1\r\nSERVER: last line without end", 4);

        assertEquals("", state.nt.toString());
        assertEquals("", state.server.toString());
    }

    @Test
    void skipsValuesAlreadyInTheList()
    {
        parse(notify("NT: urn:schemas-upnp-org:device:MediaServer:1", "NT: urn:schemas-upnp-org:device:MediaServer:1",
            "NT: urn:device:MediaServer", "NT: urn:schemas-upnp-org:device:MediaRenderer:1"), 4);

        assertEquals("schemas-upnp-org:device:MediaServer:1;schemas-upnp-org:device:MediaRenderer:1;", state.nt.toString());
    }

    @Test
    void keepsWholeValuesWithinIpfixprobesSizes()
    {
        final String value = "x".repeat(100);
        for (int i = 0; i < 6; i++)
        {
            parse(notify("NT: urn:" + i + value, "SERVER: " + i + value), 4);
        }

        assertEquals(5 * 102, state.nt.length());
        assertEquals(2 * 102, state.server.length());
        assertEquals(';', state.nt.bytes()[state.nt.length() - 1]);
    }

    @Test
    void readsLocationPortsAsIpfixprobe()
    {
        parse(notify("LOCATION: http://[fe80::6588:f9f8:f782:6b36]:2869/upnphost/udhisapi.dll"), 6);
        assertEquals(2869, state.port);

        parse(notify("LOCATION: http://printer.local/desc.xml"), 4);
        assertEquals(2869, state.port, "no port keeps the one seen before");

        parse(notify("LOCATION: http://10.0.0.1:0x50/desc.xml"), 4);
        assertEquals(80, state.port, "strtol base 0 reads hex");

        parse(notify("LOCATION: http://10.0.0.1:0100/desc.xml"), 4);
        assertEquals(64, state.port, "strtol base 0 reads octal");

        parse(notify("LOCATION: http://10.0.0.1:65537/desc.xml"), 4);
        assertEquals(1, state.port, "kept to 16 bits");

        parse(notify("LOCATION: http://[fe80::1]/desc.xml"), 6);
        assertEquals(1, state.port);
    }

    @Test
    void stopsAtAZeroByte()
    {
        parse(notify("SERVER: before", "\0SERVER: after"), 4);

        assertEquals("before;", state.server.toString());
    }

    @Test
    void ignoresOtherMessages()
    {
        parse("HTTP/1.1 200 OK\r\nST: urn:reply:1\r\nSERVER: reply\r\n\r\n", 4);
        parse("", 4);

        assertEquals("", state.st.toString());
        assertEquals("", state.server.toString());
    }
}
