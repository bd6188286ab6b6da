package io.weir.plugins.dnsmessage;

/** Resource record type numbers (IANA DNS parameters) that weir's DNS plugins look at. */
public final class DnsType
{
    public static final int A = 1;
    public static final int NS = 2;
    public static final int CNAME = 5;
    public static final int SOA = 6;
    public static final int PTR = 12;
    public static final int HINFO = 13;
    public static final int MINFO = 14;
    public static final int MX = 15;
    public static final int TXT = 16;
    public static final int ISDN = 20;
    public static final int AAAA = 28;
    public static final int SRV = 33;
    public static final int DNAME = 39;
    public static final int OPT = 41;
    public static final int DS = 43;
    public static final int RRSIG = 46;
    public static final int DNSKEY = 48;

    private DnsType()
    {
    }
}
