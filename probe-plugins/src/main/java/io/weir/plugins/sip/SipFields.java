package io.weir.plugins.sip;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/** The fields of the sip plugin, as ipfixprobe exports them (its IPFIX template order). */
public final class SipFields
{
    private static final long CESNET = 8057;

    public static final Field MSG_TYPE = Field.of(Field.camelCase("SIP_MSG_TYPE"), "SIP_MSG_TYPE",
        FieldType.UNSIGNED16, CESNET, 100, "SIP message type (1 INVITE ... 10 SUBSCRIBE, 99 response)");
    public static final Field STATUS_CODE = Field.of(Field.camelCase("SIP_STATUS_CODE"), "SIP_STATUS_CODE",
        FieldType.UNSIGNED16, CESNET, 101, "status code of a SIP response");
    public static final Field CSEQ = Field.of(Field.camelCase("SIP_CSEQ"), "SIP_CSEQ",
        FieldType.STRING, CESNET, 108, "CSeq field of the SIP message");
    public static final Field CALLING_PARTY = Field.of(Field.camelCase("SIP_CALLING_PARTY"), "SIP_CALLING_PARTY",
        FieldType.STRING, CESNET, 103, "calling party (From) URI");
    public static final Field CALLED_PARTY = Field.of(Field.camelCase("SIP_CALLED_PARTY"), "SIP_CALLED_PARTY",
        FieldType.STRING, CESNET, 104, "called party (To) URI");
    public static final Field CALL_ID = Field.of(Field.camelCase("SIP_CALL_ID"), "SIP_CALL_ID",
        FieldType.STRING, CESNET, 102, "call ID");
    public static final Field USER_AGENT = Field.of(Field.camelCase("SIP_USER_AGENT"), "SIP_USER_AGENT",
        FieldType.STRING, CESNET, 106, "User-Agent field of the SIP message");
    public static final Field REQUEST_URI = Field.of(Field.camelCase("SIP_REQUEST_URI"), "SIP_REQUEST_URI",
        FieldType.STRING, CESNET, 107, "SIP request URI");
    public static final Field VIA = Field.of(Field.camelCase("SIP_VIA"), "SIP_VIA",
        FieldType.STRING, CESNET, 105, "Via fields of the SIP message, separated by ';'");

    /** In record order. */
    public static final List<Field> ALL = List.of(MSG_TYPE, STATUS_CODE, CSEQ, CALLING_PARTY, CALLED_PARTY, CALL_ID,
        USER_AGENT, REQUEST_URI, VIA);

    /** ipfixprobe's limit for every text field (its 128-byte buffers less the NUL). */
    static final int TEXT_LENGTH = 127;

    private SipFields()
    {
    }
}
