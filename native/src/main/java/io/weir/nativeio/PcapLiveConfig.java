package io.weir.nativeio;

/**
 * Settings of a libpcap live capture (ipfixprobe's {@code pcap;ifc=...} input).
 *
 * @param interfaceName interface, or "any"
 * @param snaplen       bytes kept of each packet (ipfixprobe: 120..65535, default 65535)
 * @param filter        tcpdump filter expression, or null
 * @param promiscuous   put the interface in promiscuous mode
 * @param bufferTimeoutMs libpcap's read timeout: how long the kernel may hold a part-filled buffer
 * @param cpu           CPU to pin the capture thread to, or -1
 */
public record PcapLiveConfig(String interfaceName, int snaplen, String filter, boolean promiscuous,
                             int bufferTimeoutMs, int cpu)
{
    public static final int MIN_SNAPLEN = 120;
    public static final int MAX_SNAPLEN = 65535;
    public static final int DEFAULT_BUFFER_TIMEOUT_MS = 100;
}
