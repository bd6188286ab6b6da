package io.weir.core.capture;

/** LINKTYPE_* values (tcpdump.org/linktypes.html) that weir decodes, and names for the summary. */
public final class LinkType
{
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    public static final int RAW = 101;
    public static final int LOOP = 108;
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    public static final int LINUX_SLL2 = 276;

    private LinkType()
    {
    }

    public static boolean isSupported(final int linkType)
    {
        switch (linkType)
        {
            case NULL, ETHERNET, RAW, LOOP, LINUX_SLL, IPV4, IPV6, LINUX_SLL2:
                return true;
            default:
                return false;
        }
    }

    public static String name(final int linkType)
    {
        switch (linkType)
        {
            case NULL: return "NULL";
            case ETHERNET: return "ETHERNET";
            case 6: return "IEEE802_5";
            case 9: return "PPP";
            case 50: return "PPP_HDLC";
            case RAW: return "RAW";
            case 104: return "C_HDLC";
            case 105: return "IEEE802_11";
            case LOOP: return "LOOP";
            case LINUX_SLL: return "LINUX_SLL";
            case 127: return "IEEE802_11_RADIOTAP";
            case 147: return "USER0";
            case 187: return "BLUETOOTH_HCI_H4";
            case 192: return "PPI";
            case 195: return "IEEE802_15_4";
            case 220: return "USB_LINUX_MMAPPED";
            case IPV4: return "IPV4";
            case IPV6: return "IPV6";
            case 249: return "NETLINK";
            case LINUX_SLL2: return "LINUX_SLL2";
            default: return "LINKTYPE_" + linkType;
        }
    }
}
