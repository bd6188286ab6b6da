package io.weir.plugins.http;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/** The fields of the http plugin, as ipfixprobe exports them (its IPFIX template order). */
public final class HttpFields
{
    private static final long FLOWMON = 39499;
    private static final long CESNET = 8057;

    public static final Field USER_AGENT = Field.of(Field.camelCase("HTTP_REQUEST_AGENT"), "HTTP_REQUEST_AGENT",
        FieldType.STRING, FLOWMON, 20, "HTTP request user agent");
    public static final Field METHOD = Field.of(Field.camelCase("HTTP_REQUEST_METHOD"), "HTTP_REQUEST_METHOD",
        FieldType.STRING, CESNET, 200, "HTTP request method");
    public static final Field HOST = Field.of(Field.camelCase("HTTP_REQUEST_HOST"), "HTTP_REQUEST_HOST",
        FieldType.STRING, FLOWMON, 1, "HTTP request host");
    public static final Field REFERER = Field.of(Field.camelCase("HTTP_REQUEST_REFERER"), "HTTP_REQUEST_REFERER",
        FieldType.STRING, FLOWMON, 3, "HTTP request referer");
    public static final Field URL = Field.of(Field.camelCase("HTTP_REQUEST_URL"), "HTTP_REQUEST_URL",
        FieldType.STRING, FLOWMON, 2, "HTTP request url");
    public static final Field CONTENT_TYPE = Field.of(Field.camelCase("HTTP_RESPONSE_CONTENT_TYPE"),
        "HTTP_RESPONSE_CONTENT_TYPE", FieldType.STRING, FLOWMON, 10, "HTTP response content type");
    public static final Field SERVER = Field.of(Field.camelCase("HTTP_RESPONSE_SERVER"), "HTTP_RESPONSE_SERVER",
        FieldType.STRING, CESNET, 201, "HTTP response server");
    public static final Field SET_COOKIE_NAMES = Field.of(Field.camelCase("HTTP_RESPONSE_SET_COOKIE_NAMES"),
        "HTTP_RESPONSE_SET_COOKIE_NAMES", FieldType.STRING, CESNET, 202,
        "HTTP response set-cookie names separated by ';'");
    public static final Field STATUS_CODE = Field.of(Field.camelCase("HTTP_RESPONSE_STATUS_CODE"),
        "HTTP_RESPONSE_STATUS_CODE", FieldType.UNSIGNED16, FLOWMON, 12, "HTTP response status code");

    /** In record order. */
    public static final List<Field> ALL = List.of(USER_AGENT, METHOD, HOST, REFERER, URL, CONTENT_TYPE, SERVER,
        SET_COOKIE_NAMES, STATUS_CODE);

    /** ipfixprobe's limits (its buffer sizes less the NUL). */
    static final int METHOD_LENGTH = 15;
    static final int HOST_LENGTH = 63;
    static final int URL_LENGTH = 127;
    static final int USER_AGENT_LENGTH = 127;
    static final int REFERER_LENGTH = 127;
    static final int CONTENT_TYPE_LENGTH = 31;
    static final int SERVER_LENGTH = 127;
    static final int SET_COOKIE_NAMES_LENGTH = 511;

    private HttpFields()
    {
    }
}
