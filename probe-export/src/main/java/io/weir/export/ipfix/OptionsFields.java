package io.weir.export.ipfix;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/**
 * The IANA elements of weir's exporter statistics options record (RFC 7011 section 4 and
 * RFC 5102), in record order. The first field, exportingProcessId, is the scope.
 */
public final class OptionsFields
{
    public static final Field EXPORTING_PROCESS_ID = iana("exportingProcessId", FieldType.UNSIGNED32, 144);
    public static final Field EXPORTED_MESSAGES = iana("exportedMessageTotalCount", FieldType.UNSIGNED64, 41);
    public static final Field EXPORTED_FLOWS = iana("exportedFlowRecordTotalCount", FieldType.UNSIGNED64, 42);
    public static final Field EXPORTED_OCTETS = iana("exportedOctetTotalCount", FieldType.UNSIGNED64, 40);
    public static final Field IGNORED_PACKETS = iana("ignoredPacketTotalCount", FieldType.UNSIGNED64, 164);
    public static final Field NOT_SENT_FLOWS = iana("notSentFlowTotalCount", FieldType.UNSIGNED64, 166);
    public static final Field ACTIVE_TIMEOUT = iana("flowActiveTimeout", FieldType.UNSIGNED16, 36);
    public static final Field IDLE_TIMEOUT = iana("flowIdleTimeout", FieldType.UNSIGNED16, 37);
    public static final Field SAMPLING_INTERVAL = iana("samplingInterval", FieldType.UNSIGNED32, 34);
    public static final Field EXPORTER_IPV4 = iana("exporterIPv4Address", FieldType.IPV4_ADDRESS, 130);
    public static final Field EXPORTER_IPV6 = iana("exporterIPv6Address", FieldType.IPV6_ADDRESS, 131);
    public static final Field SYSTEM_INIT_TIME = iana("systemInitTimeMilliseconds",
        FieldType.DATE_TIME_MILLISECONDS, 160);
    public static final Field PROTOCOL_VERSION = iana("exportProtocolVersion", FieldType.UNSIGNED8, 214);
    public static final Field TRANSPORT_PROTOCOL = iana("exportTransportProtocol", FieldType.UNSIGNED8, 215);
    public static final Field OBSERVATION_DOMAIN_ID = iana("observationDomainId", FieldType.UNSIGNED32, 149);
    public static final Field TEMPLATE_ID = iana("templateId", FieldType.UNSIGNED16, 145);

    /** Fields of the statistics record, scope first. */
    public static final List<Field> STATISTICS = List.of(EXPORTING_PROCESS_ID, EXPORTED_MESSAGES, EXPORTED_FLOWS,
        EXPORTED_OCTETS, IGNORED_PACKETS, NOT_SENT_FLOWS, ACTIVE_TIMEOUT, IDLE_TIMEOUT, SAMPLING_INTERVAL,
        EXPORTER_IPV4, EXPORTER_IPV6, SYSTEM_INIT_TIME, PROTOCOL_VERSION, TRANSPORT_PROTOCOL);
    public static final int SCOPE_FIELDS = 1;

    static final List<Field> ALL = List.of(EXPORTING_PROCESS_ID, EXPORTED_MESSAGES, EXPORTED_FLOWS,
        EXPORTED_OCTETS, IGNORED_PACKETS, NOT_SENT_FLOWS, ACTIVE_TIMEOUT, IDLE_TIMEOUT, SAMPLING_INTERVAL,
        EXPORTER_IPV4, EXPORTER_IPV6, SYSTEM_INIT_TIME, PROTOCOL_VERSION, TRANSPORT_PROTOCOL, OBSERVATION_DOMAIN_ID,
        TEMPLATE_ID, iana("notSentPacketTotalCount", FieldType.UNSIGNED64, 167),
        iana("notSentOctetTotalCount", FieldType.UNSIGNED64, 168),
        iana("ignoredOctetTotalCount", FieldType.UNSIGNED64, 165));

    private OptionsFields()
    {
    }

    private static Field iana(final String name, final FieldType type, final int id)
    {
        return Field.of(name, null, type, 0, id, null);
    }
}
