package io.weir.plugins.smtp;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/** The fields of the smtp plugin, as ipfixprobe exports them (its IPFIX template order). */
public final class SmtpFields
{
    private static final long CESNET = 8057;

    public static final Field COMMAND_FLAGS = Field.of(Field.camelCase("SMTP_COMMAND_FLAGS"), "SMTP_COMMAND_FLAGS",
        FieldType.UNSIGNED32, CESNET, 810, "bit array of the commands present (see SmtpCodes)");
    public static final Field MAIL_CMD_COUNT = Field.of(Field.camelCase("SMTP_MAIL_CMD_COUNT"), "SMTP_MAIL_CMD_COUNT",
        FieldType.UNSIGNED32, CESNET, 811, "number of MAIL commands");
    public static final Field RCPT_CMD_COUNT = Field.of(Field.camelCase("SMTP_RCPT_CMD_COUNT"), "SMTP_RCPT_CMD_COUNT",
        FieldType.UNSIGNED32, CESNET, 812, "number of RCPT commands");
    public static final Field STAT_CODE_FLAGS = Field.of(Field.camelCase("SMTP_STAT_CODE_FLAGS"),
        "SMTP_STAT_CODE_FLAGS", FieldType.UNSIGNED32, CESNET, 815, "bit array of the status codes present");
    public static final Field CODE_2XX_COUNT = Field.of(Field.camelCase("SMTP_2XX_STAT_CODE_COUNT"),
        "SMTP_2XX_STAT_CODE_COUNT", FieldType.UNSIGNED32, CESNET, 816, "number of 2XX replies");
    public static final Field CODE_3XX_COUNT = Field.of(Field.camelCase("SMTP_3XX_STAT_CODE_COUNT"),
        "SMTP_3XX_STAT_CODE_COUNT", FieldType.UNSIGNED32, CESNET, 817, "number of 3XX replies");
    public static final Field CODE_4XX_COUNT = Field.of(Field.camelCase("SMTP_4XX_STAT_CODE_COUNT"),
        "SMTP_4XX_STAT_CODE_COUNT", FieldType.UNSIGNED32, CESNET, 818, "number of 4XX replies");
    public static final Field CODE_5XX_COUNT = Field.of(Field.camelCase("SMTP_5XX_STAT_CODE_COUNT"),
        "SMTP_5XX_STAT_CODE_COUNT", FieldType.UNSIGNED32, CESNET, 819, "number of 5XX replies");
    public static final Field DOMAIN = Field.of(Field.camelCase("SMTP_DOMAIN"), "SMTP_DOMAIN",
        FieldType.STRING, CESNET, 820, "domain name of the SMTP client (first HELO/EHLO)");
    public static final Field FIRST_SENDER = Field.of(Field.camelCase("SMTP_FIRST_SENDER"), "SMTP_FIRST_SENDER",
        FieldType.STRING, CESNET, 813, "first sender in a MAIL command");
    public static final Field FIRST_RECIPIENT = Field.of(Field.camelCase("SMTP_FIRST_RECIPIENT"),
        "SMTP_FIRST_RECIPIENT", FieldType.STRING, CESNET, 814, "first recipient in a RCPT command");

    /** In record order. */
    public static final List<Field> ALL = List.of(COMMAND_FLAGS, MAIL_CMD_COUNT, RCPT_CMD_COUNT, STAT_CODE_FLAGS,
        CODE_2XX_COUNT, CODE_3XX_COUNT, CODE_4XX_COUNT, CODE_5XX_COUNT, DOMAIN, FIRST_SENDER, FIRST_RECIPIENT);

    /** ipfixprobe's limit for the text fields (its 255-byte buffers less the NUL). */
    static final int TEXT_LENGTH = 254;

    private SmtpFields()
    {
    }
}
