package io.weir.plugins.ntp;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/** The fields of the ntp plugin, as ipfixprobe exports them (names, types, IPFIX identities). */
public final class NtpFields
{
    private static final long CESNET = 8057;

    public static final Field NTP_LEAP = Field.of(Field.camelCase("NTP_LEAP"), "NTP_LEAP",
        FieldType.UNSIGNED8, CESNET, 18, "leap indicator");
    public static final Field NTP_VERSION = Field.of(Field.camelCase("NTP_VERSION"), "NTP_VERSION",
        FieldType.UNSIGNED8, CESNET, 19, "NTP version (always 4: ipfixprobe parses no other)");
    public static final Field NTP_MODE = Field.of(Field.camelCase("NTP_MODE"), "NTP_MODE",
        FieldType.UNSIGNED8, CESNET, 20, "association mode: 3 client, 4 server");
    public static final Field NTP_STRATUM = Field.of(Field.camelCase("NTP_STRATUM"), "NTP_STRATUM",
        FieldType.UNSIGNED8, CESNET, 21, "stratum");
    public static final Field NTP_POLL = Field.of(Field.camelCase("NTP_POLL"), "NTP_POLL",
        FieldType.UNSIGNED8, CESNET, 22, "poll interval exponent");
    public static final Field NTP_PRECISION = Field.of(Field.camelCase("NTP_PRECISION"), "NTP_PRECISION",
        FieldType.UNSIGNED8, CESNET, 23, "precision exponent (a signed byte, exported as unsigned)");
    public static final Field NTP_DELAY = Field.of(Field.camelCase("NTP_DELAY"), "NTP_DELAY",
        FieldType.UNSIGNED32, CESNET, 24, "root delay, raw 16.16 fixed-point seconds");
    public static final Field NTP_DISPERSION = Field.of(Field.camelCase("NTP_DISPERSION"), "NTP_DISPERSION",
        FieldType.UNSIGNED32, CESNET, 25, "root dispersion, raw 16.16 fixed-point seconds");
    public static final Field NTP_REF_ID = Field.of(Field.camelCase("NTP_REF_ID"), "NTP_REF_ID",
        FieldType.STRING, CESNET, 26,
        "reference id, dotted decimal (stratum 0 kiss codes INIT/STEP/DENY/RATE by name)");
    public static final Field NTP_REF = Field.of(Field.camelCase("NTP_REF"), "NTP_REF",
        FieldType.STRING, CESNET, 27, "reference timestamp, SECONDS.MICROS since 1900");
    public static final Field NTP_ORIG = Field.of(Field.camelCase("NTP_ORIG"), "NTP_ORIG",
        FieldType.STRING, CESNET, 28, "origin timestamp, SECONDS.MICROS since 1900");
    public static final Field NTP_RECV = Field.of(Field.camelCase("NTP_RECV"), "NTP_RECV",
        FieldType.STRING, CESNET, 29, "receive timestamp, SECONDS.MICROS since 1900");
    public static final Field NTP_SENT = Field.of(Field.camelCase("NTP_SENT"), "NTP_SENT",
        FieldType.STRING, CESNET, 30, "transmit timestamp, SECONDS.MICROS since 1900");

    public static final List<Field> ALL = List.of(NTP_LEAP, NTP_VERSION, NTP_MODE, NTP_STRATUM, NTP_POLL,
        NTP_PRECISION, NTP_DELAY, NTP_DISPERSION, NTP_REF_ID, NTP_REF, NTP_ORIG, NTP_RECV, NTP_SENT);

    private NtpFields()
    {
    }
}
