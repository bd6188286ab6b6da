package io.weir.nativeio;

/**
 * Settings of one AF_PACKET TPACKET_V3 socket. The ring is {@code blocks} blocks of
 * {@code packetsPerBlock} pages each (ipfixprobe's {@code blocks} and {@code pkts}, defaults
 * 2048 and 32: 256 MiB with 4 KiB pages); a block that is not full goes to weir after
 * {@code blockTimeoutMs} anyway.
 *
 * @param interfaceName  interface to capture on
 * @param blocks         ring blocks
 * @param packetsPerBlock pages per block
 * @param blockTimeoutMs the kernel retires a block that long after its first packet (tp_retire_blk_tov)
 * @param promiscuous    put the interface in promiscuous mode while capturing
 * @param filter         tcpdump filter expression, or null for every packet
 * @param snaplen        bytes kept of each packet, 0 for all
 * @param fanoutGroup    PACKET_FANOUT group id (0..65535), or -1 for no fanout
 * @param fanoutMode     how the group's sockets share packets
 * @param cpu            CPU to pin the capture thread to, or -1
 */
public record AfPacketConfig(
    String interfaceName,
    int blocks,
    int packetsPerBlock,
    int blockTimeoutMs,
    boolean promiscuous,
    String filter,
    int snaplen,
    int fanoutGroup,
    FanoutMode fanoutMode,
    int cpu)
{
    public static final int DEFAULT_BLOCKS = 2048;
    public static final int DEFAULT_PACKETS_PER_BLOCK = 32;
    public static final int DEFAULT_BLOCK_TIMEOUT_MS = 60;
    public static final int NO_FANOUT = -1;

    public AfPacketConfig
    {
        if (interfaceName == null || interfaceName.isEmpty() || interfaceName.length() > 15)
        {
            throw new IllegalArgumentException("interface name must be 1..15 characters, got '" + interfaceName + "'");
        }
        if (blocks < 1 || packetsPerBlock < 1 || blockTimeoutMs < 1)
        {
            throw new IllegalArgumentException("blocks, pkts and block timeout must be positive");
        }
        if (fanoutGroup < NO_FANOUT || fanoutGroup > 0xFFFF)
        {
            throw new IllegalArgumentException("fanout group id must be 0..65535, got " + fanoutGroup);
        }
        if (snaplen < 0)
        {
            throw new IllegalArgumentException("snap length must not be negative");
        }
    }
}
