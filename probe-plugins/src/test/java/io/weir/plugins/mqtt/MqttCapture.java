package io.weir.plugins.mqtt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.testing.TestData;
import io.weir.plugins.wg.testing.Tshark;

/** The MQTT segments of mqtt.pcap as tshark dissects them. */
final class MqttCapture
{
    static final Path CAPTURE = TestData.capture("mqtt.pcap");

    /** One TCP segment: its stream, ports, payload and tshark's MQTT fields (every occurrence, '|'-joined). */
    record Segment(int stream, int sourcePort, int destinationPort, byte[] payload, String types, String headerFlags,
                   String version, String connectFlags, String keepAlive, String sessionPresent, String returnCode,
                   String topics)
    {
    }

    private MqttCapture()
    {
    }

    static List<Segment> segments(final Path capture)
    {
        final List<Segment> segments = new ArrayList<>();
        for (final List<String> row : Tshark.allOccurrences(capture, "tcp.len > 0", "tcp.stream", "tcp.srcport",
            "tcp.dstport", "tcp.payload", "mqtt.msgtype", "mqtt.hdrflags", "mqtt.ver", "mqtt.conflags",
            "mqtt.kalive", "mqtt.conack.flags.sp", "mqtt.conack.val", "mqtt.topic"))
        {
            segments.add(new Segment(Integer.parseInt(row.get(0)), Integer.parseInt(row.get(1)),
                Integer.parseInt(row.get(2)), Tshark.hex(row.get(3)), row.get(4), row.get(5), row.get(6), row.get(7),
                row.get(8), row.get(9), row.get(10), row.get(11)));
        }
        return segments;
    }

    private static List<Segment> bundled;

    /** The segments of mqtt.pcap (read once). */
    static synchronized List<Segment> segments()
    {
        if (bundled == null)
        {
            bundled = segments(CAPTURE);
        }
        return bundled;
    }

    /** The payload of the first segment whose first MQTT type is {@code type}. */
    static byte[] firstOfType(final int type)
    {
        for (final Segment segment : segments())
        {
            if (segment.types().split("\\|")[0].equals(Integer.toString(type)))
            {
                return segment.payload().clone();
            }
        }
        throw new AssertionError("no MQTT packet of type " + type + " in " + CAPTURE);
    }
}
