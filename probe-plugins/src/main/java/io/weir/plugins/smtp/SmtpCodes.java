package io.weir.plugins.smtp;

/** The bit values of SMTP_COMMAND_FLAGS and SMTP_STAT_CODE_FLAGS, from ipfixprobe's README. */
public final class SmtpCodes
{
    public static final int EHLO = 0x0001;
    public static final int HELO = 0x0002;
    public static final int MAIL = 0x0004;
    public static final int RCPT = 0x0008;
    public static final int DATA = 0x0010;
    public static final int RSET = 0x0020;
    public static final int VRFY = 0x0040;
    public static final int EXPN = 0x0080;
    public static final int HELP = 0x0100;
    public static final int NOOP = 0x0200;
    public static final int QUIT = 0x0400;
    public static final int UNKNOWN_COMMAND = 0x8000;

    /** A reply contained the word SPAM. */
    public static final long SPAM = 0x4000_0000L;
    /** A reply code outside the table. */
    public static final long UNKNOWN_STATUS = 0x8000_0000L;

    private SmtpCodes()
    {
    }

    /** The bit of a reply code. */
    public static long statusFlag(final int code)
    {
        switch (code)
        {
            case 211: return 0x0000_0001L;
            case 214: return 0x0000_0002L;
            case 220: return 0x0000_0004L;
            case 221: return 0x0000_0008L;
            case 250: return 0x0000_0010L;
            case 251: return 0x0000_0020L;
            case 252: return 0x0000_0040L;
            case 354: return 0x0000_0080L;
            case 421: return 0x0000_0100L;
            case 450: return 0x0000_0200L;
            case 451: return 0x0000_0400L;
            case 452: return 0x0000_0800L;
            case 455: return 0x0000_1000L;
            case 500: return 0x0000_2000L;
            case 501: return 0x0000_4000L;
            case 502: return 0x0000_8000L;
            case 503: return 0x0001_0000L;
            case 504: return 0x0002_0000L;
            case 550: return 0x0004_0000L;
            case 551: return 0x0008_0000L;
            case 552: return 0x0010_0000L;
            case 553: return 0x0020_0000L;
            case 554: return 0x0040_0000L;
            case 555: return 0x0080_0000L;
            default: return UNKNOWN_STATUS;
        }
    }
}
