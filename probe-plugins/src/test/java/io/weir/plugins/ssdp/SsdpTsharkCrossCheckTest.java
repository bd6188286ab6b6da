package io.weir.plugins.ssdp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.PipelineHarness;
import io.weir.core.testing.TestData;
import io.weir.plugins.dnsmessage.testing.Tshark;
import org.junit.jupiter.api.Test;

/**
 * Against tshark's SSDP (HTTP over UDP) dissection of ssdp.pcap: every NT or ST URN, SERVER and
 * USER-AGENT value of a message to port 1900 is an element of its flow's list in weir's record,
 * and the flow's location port is the port of the last LOCATION URL that has one.
 */
class SsdpTsharkCrossCheckTest
{
    @Test
    void everyHeaderValueTsharkSeesIsInItsFlow() throws Exception
    {
        final List<String[]> rows = Tshark.fields(TestData.capture("ssdp.pcap"), "ssdp && udp.dstport == 1900",
            "frame.time_epoch", "ip.src", "ipv6.src", "udp.srcport", "http.request.method", "http.server",
            "http.user_agent", "http.location", "http.unknown_header");
        final List<CollectedRecord> records = PipelineHarness.run(TestData.capture("ssdp.pcap"), new PluginChain(
            List.of(new SsdpPluginFactory().create(PluginOptions.parse("ssdp"), 1 << 17))));
        final List<String> failures = new ArrayList<>();
        int values = 0;
        for (final CollectedRecord record : records)
        {
            final Map<String, String> r = record.byIpfixprobeName();
            if (!record.byName().containsKey("ssdpNt") || !"1900".equals(r.get("DST_PORT")))
            {
                continue;
            }
            final long first = micros(r.get("TIME_FIRST"));
            final long last = micros(r.get("TIME_LAST"));
            int lastLocationPort = 0;
            for (final String[] row : rows)
            {
                final String source = row[1].isEmpty() ? row[2] : row[1];
                final long time = epochMicros(row[0]);
                if (!source.equals(r.get("SRC_IP")) || !row[3].equals(r.get("SRC_PORT")) || time < first || time > last)
                {
                    continue;
                }
                final boolean notify = row[4].equals("NOTIFY");
                values += contains(failures, r, notify ? "SSDP_SERVER" : "SSDP_USER_AGENT", notify ? row[5] : row[6]);
                for (final String header : row[8].split("\\|"))
                {
                    final String urn = urnOf(header, notify ? "NT:" : "ST:");
                    if (urn != null)
                    {
                        values += contains(failures, r, notify ? "SSDP_NT" : "SSDP_ST", urn);
                    }
                }
                final int port = port(row[7]);
                lastLocationPort = port > 0 ? port : lastLocationPort;
            }
            if (!Integer.toString(lastLocationPort).equals(r.get("SSDP_LOCATION_PORT")))
            {
                failures.add("location port " + r.get("SSDP_LOCATION_PORT") + ", tshark " + lastLocationPort + " in " + r);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(values > 100, "values checked: " + values);
    }

    private static int contains(final List<String> failures, final Map<String, String> record, final String field,
                                final String value)
    {
        if (value.isEmpty())
        {
            return 0;
        }
        if (!Arrays.asList(record.get(field).split(";")).contains(value))
        {
            failures.add(field + " lacks '" + value + "': " + record.get(field));
        }
        return 1;
    }

    /** "NT:urn:schemas...:1\r\n" as tshark shows an unknown header: the value without "urn:". */
    private static String urnOf(final String header, final String name)
    {
        if (!header.regionMatches(true, 0, name, 0, name.length()))
        {
            return null;
        }
        final String value = header.substring(name.length()).replace("\\r\\n", "").trim();
        return value.regionMatches(true, 0, "urn:", 0, 4) ? value.substring(4).trim() : null;
    }

    private static int port(final String location)
    {
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[a-z]+://(\\[[^]]*\\]|[^/:]+):(\\d+)")
            .matcher(location);
        return m.find() ? Integer.parseInt(m.group(2)) : 0;
    }

    private static long micros(final String time)
    {
        final LocalDateTime t = LocalDateTime.parse(time);
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
    }

    private static long epochMicros(final String epoch)
    {
        final String[] parts = epoch.split("\\.");
        return Long.parseLong(parts[0]) * 1_000_000L + Long.parseLong((parts[1] + "000000").substring(0, 6));
    }
}
