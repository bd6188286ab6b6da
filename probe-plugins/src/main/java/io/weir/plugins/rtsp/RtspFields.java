package io.weir.plugins.rtsp;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/** The fields of the rtsp plugin, as ipfixprobe exports them (its IPFIX template order). */
public final class RtspFields
{
    private static final long CESNET = 8057;

    public static final Field METHOD = Field.of(Field.camelCase("RTSP_REQUEST_METHOD"), "RTSP_REQUEST_METHOD",
        FieldType.STRING, CESNET, 1040, "RTSP request method name");
    public static final Field USER_AGENT = Field.of(Field.camelCase("RTSP_REQUEST_AGENT"), "RTSP_REQUEST_AGENT",
        FieldType.STRING, CESNET, 1041, "RTSP request user agent");
    public static final Field URI = Field.of(Field.camelCase("RTSP_REQUEST_URI"), "RTSP_REQUEST_URI",
        FieldType.STRING, CESNET, 1042, "RTSP request URI");
    public static final Field STATUS_CODE = Field.of(Field.camelCase("RTSP_RESPONSE_STATUS_CODE"),
        "RTSP_RESPONSE_STATUS_CODE", FieldType.UNSIGNED16, CESNET, 1043, "RTSP response status code");
    public static final Field SERVER = Field.of(Field.camelCase("RTSP_RESPONSE_SERVER"), "RTSP_RESPONSE_SERVER",
        FieldType.STRING, CESNET, 1045, "RTSP response server field");
    public static final Field CONTENT_TYPE = Field.of(Field.camelCase("RTSP_RESPONSE_CONTENT_TYPE"),
        "RTSP_RESPONSE_CONTENT_TYPE", FieldType.STRING, CESNET, 1044, "RTSP response content type");

    /** In record order. */
    public static final List<Field> ALL = List.of(METHOD, USER_AGENT, URI, STATUS_CODE, SERVER, CONTENT_TYPE);

    /** ipfixprobe's limits (its buffer sizes less the NUL). */
    static final int METHOD_LENGTH = 9;
    static final int USER_AGENT_LENGTH = 127;
    static final int URI_LENGTH = 127;
    static final int CONTENT_TYPE_LENGTH = 31;
    static final int SERVER_LENGTH = 127;

    private RtspFields()
    {
    }
}
