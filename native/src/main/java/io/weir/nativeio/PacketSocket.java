package io.weir.nativeio;

import static io.weir.nativeio.TpacketV3Descriptor.ETH_P_ALL;
import static io.weir.nativeio.TpacketV3Descriptor.PACKET_ADD_MEMBERSHIP;
import static io.weir.nativeio.TpacketV3Descriptor.PACKET_FANOUT;
import static io.weir.nativeio.TpacketV3Descriptor.PACKET_MR_PROMISC;
import static io.weir.nativeio.TpacketV3Descriptor.PACKET_RESERVE;
import static io.weir.nativeio.TpacketV3Descriptor.PACKET_RX_RING;
import static io.weir.nativeio.TpacketV3Descriptor.PACKET_STATISTICS;
import static io.weir.nativeio.TpacketV3Descriptor.PACKET_VERSION;
import static io.weir.nativeio.TpacketV3Descriptor.SOL_PACKET;
import static io.weir.nativeio.TpacketV3Descriptor.TPACKET_V3;
import static io.weir.nativeio.TpacketV3Descriptor.VLAN_TAG_LENGTH;

import java.lang.ref.Reference;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.weir.core.capture.LinkType;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An AF_PACKET socket with a memory-mapped TPACKET_V3 receive ring, set up the way libpcap does
 * it: no packets reach the socket until the ring and the filter are in place. Owns the file
 * descriptor and the mapping. Setup runs on any thread; afterwards owned by one capture worker.
 */
final class PacketSocket implements AutoCloseable
{
    private static final int IFREQ_LENGTH = 40;
    private static final int IFREQ_UNION_OFFSET = 16;
    private static final int SOCKADDR_LL_LENGTH = 20;
    private static final int ARPHRD_ETHER = 1;
    private static final int ARPHRD_LOOPBACK = 772;
    private static final int ARPHRD_NONE = 0xFFFE;
    private static final int ARPHRD_RAWIP = 519;
    private static final int ARPHRD_TUNNEL = 768;
    private static final int ARPHRD_TUNNEL6 = 769;
    private static final int ARPHRD_SIT = 776;
    private static final int ARPHRD_IPGRE = 778;
    private static final int FRAME_SIZE = 2048;

    private final String interfaceName;
    private final int fd;
    private final int linkType;
    private final long ringAddress;
    private final long ringLength;
    private final int blockSize;
    private final int blockCount;
    private final Memory pollFd = new Memory(8);
    private final Memory statistics = new Memory(12);
    private final Memory statisticsLength = new Memory(4);
    private boolean closed;

    private PacketSocket(final String interfaceName, final int fd, final int linkType, final long ringAddress,
                         final long ringLength, final int blockSize, final int blockCount)
    {
        this.interfaceName = interfaceName;
        this.fd = fd;
        this.linkType = linkType;
        this.ringAddress = ringAddress;
        this.ringLength = ringLength;
        this.blockSize = blockSize;
        this.blockCount = blockCount;
        pollFd.clear();
        pollFd.setInt(0, fd);
        pollFd.setShort(4, (short)(LibC.POLLIN | LibC.POLLERR));
    }

    static PacketSocket open(final AfPacketConfig config)
    {
        final String name = config.interfaceName();
        final long pageSize = LibC.sysconf(LibC.SC_PAGESIZE);
        final long blockSize = pageSize * config.packetsPerBlock();
        final long ringLength = blockSize * config.blocks();
        if (blockSize > Integer.MAX_VALUE || ringLength > Integer.MAX_VALUE)
        {
            throw new LiveCaptureException("raw input on " + name + ": ring of " + config.blocks() + " blocks of "
                + config.packetsPerBlock() + " pages is " + (ringLength >> 20) + " MiB; at most 2047 MiB per socket");
        }
        final int fd;
        try
        {
            // Protocol 0: nothing arrives before bind(), which comes after the ring and the filter.
            fd = LibC.socket(LibC.AF_PACKET, LibC.SOCK_RAW, 0);
        }
        catch (final LastErrorException ex)
        {
            if (ex.getErrorCode() == LibC.EPERM || ex.getErrorCode() == LibC.EACCES)
            {
                throw Capabilities.missingNetRaw("capturing on interface " + name);
            }
            throw new LiveCaptureException("cannot open a packet socket for " + name + ": " + LibC.strerror(ex.getErrorCode()));
        }
        long ring = LibC.MAP_FAILED;
        try
        {
            final int ifindex = interfaceIndex(fd, name);
            final int linkType = linkType(fd, name);
            setInt(fd, PACKET_VERSION, TPACKET_V3, name, "TPACKET_V3");
            setInt(fd, PACKET_RESERVE, VLAN_TAG_LENGTH, name, "PACKET_RESERVE");
            if (config.filter() != null)
            {
                SocketFilter.compile(config.filter(), config.snaplen() == 0 ? 262_144 : config.snaplen(), linkType)
                    .attachTo(fd);
            }
            else if (config.snaplen() > 0)
            {
                SocketFilter.acceptAll(config.snaplen()).attachTo(fd);
            }
            final Memory request = new Memory(28);
            request.setInt(0, (int)blockSize);
            request.setInt(4, config.blocks());
            request.setInt(8, FRAME_SIZE);
            request.setInt(12, (int)(ringLength / FRAME_SIZE));
            request.setInt(16, config.blockTimeoutMs());
            request.setInt(20, 0);
            request.setInt(24, 0);
            setOption(fd, PACKET_RX_RING, request, 28, name, "the receive ring (" + (ringLength >> 20) + " MiB)");
            try
            {
                ring = LibC.mmap(0, ringLength, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, fd, 0);
            }
            catch (final LastErrorException ex)
            {
                throw new LiveCaptureException("raw input on " + name + ": cannot map the receive ring: "
                    + LibC.strerror(ex.getErrorCode()));
            }
            bind(fd, ifindex, name);
            if (config.promiscuous())
            {
                final Memory membership = new Memory(16);
                membership.clear();
                membership.setInt(0, ifindex);
                membership.setShort(4, (short)PACKET_MR_PROMISC);
                setOption(fd, PACKET_ADD_MEMBERSHIP, membership, 16, name, "promiscuous mode");
            }
            if (config.fanoutGroup() != AfPacketConfig.NO_FANOUT)
            {
                setInt(fd, PACKET_FANOUT, config.fanoutGroup() | (config.fanoutMode().value() << 16), name,
                    "fanout group " + config.fanoutGroup() + " (" + config.fanoutMode().name().toLowerCase() + ")");
            }
            return new PacketSocket(name, fd, linkType, ring, ringLength, (int)blockSize, config.blocks());
        }
        catch (final RuntimeException ex)
        {
            if (ring != LibC.MAP_FAILED)
            {
                LibC.munmap(ring, ringLength);
            }
            LibC.close(fd);
            throw ex;
        }
    }

    TpacketRing ring()
    {
        return new TpacketRing(new UnsafeBuffer(ringAddress, (int)ringLength), blockSize, blockCount, linkType);
    }

    int linkType()
    {
        return linkType;
    }

    int fd()
    {
        return fd;
    }

    /** Waits up to {@code timeoutMs} for a block (or an error) on the socket. */
    void await(final int timeoutMs)
    {
        try
        {
            LibC.poll(LibC.address(pollFd), 1, timeoutMs);
        }
        catch (final LastErrorException ex)
        {
            if (ex.getErrorCode() != LibC.EINTR)
            {
                throw new LiveCaptureException("poll on " + interfaceName + " failed: " + LibC.strerror(ex.getErrorCode()));
            }
        }
    }

    /**
     * Reads PACKET_STATISTICS into {@code totals} (packets, drops, freezes), adding: the kernel
     * clears its counters on every read.
     */
    void addStatistics(final long[] totals)
    {
        statistics.clear();
        statisticsLength.setInt(0, 12);
        try
        {
            LibC.getsockopt(fd, SOL_PACKET, PACKET_STATISTICS, LibC.address(statistics), LibC.address(statisticsLength));
        }
        catch (final LastErrorException ex)
        {
            throw new LiveCaptureException("cannot read the kernel's counters for " + interfaceName + ": "
                + LibC.strerror(ex.getErrorCode()));
        }
        totals[0] += statistics.getInt(0) & 0xFFFF_FFFFL;
        totals[1] += statistics.getInt(4) & 0xFFFF_FFFFL;
        totals[2] += statistics.getInt(8) & 0xFFFF_FFFFL;
    }

    /** The socket stops taking packets, and the kernel stops counting them for it. */
    void stopReceiving()
    {
        SocketFilter.dropAll().attachTo(fd);
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            LibC.munmap(ringAddress, ringLength);
        }
        finally
        {
            LibC.close(fd);
        }
    }

    private static int interfaceIndex(final int fd, final String name)
    {
        final Memory request = ifreq(name);
        try
        {
            LibC.ioctl(fd, LibC.SIOCGIFINDEX, LibC.address(request));
            return request.getInt(IFREQ_UNION_OFFSET);
        }
        catch (final LastErrorException ex)
        {
            if (ex.getErrorCode() == LibC.ENODEV)
            {
                throw new LiveCaptureException("no network interface '" + name + "' (see ip link)");
            }
            throw new LiveCaptureException("cannot look up interface " + name + ": " + LibC.strerror(ex.getErrorCode()));
        }
        finally
        {
            Reference.reachabilityFence(request);
        }
    }

    private static int linkType(final int fd, final String name)
    {
        final Memory request = ifreq(name);
        final int type;
        try
        {
            LibC.ioctl(fd, LibC.SIOCGIFHWADDR, LibC.address(request));
            type = request.getShort(IFREQ_UNION_OFFSET) & 0xFFFF;
        }
        catch (final LastErrorException ex)
        {
            throw new LiveCaptureException("cannot read the link type of " + name + ": " + LibC.strerror(ex.getErrorCode()));
        }
        finally
        {
            Reference.reachabilityFence(request);
        }
        switch (type)
        {
            case ARPHRD_ETHER, ARPHRD_LOOPBACK:
                return LinkType.ETHERNET;
            case ARPHRD_NONE, ARPHRD_RAWIP, ARPHRD_TUNNEL, ARPHRD_TUNNEL6, ARPHRD_SIT, ARPHRD_IPGRE:
                return LinkType.RAW;
            default:
                throw new LiveCaptureException("interface " + name + " has link type ARPHRD " + type
                    + ", which the raw input does not read; try -i 'pcap;ifc=" + name + "'");
        }
    }

    private static Memory ifreq(final String name)
    {
        final Memory request = new Memory(IFREQ_LENGTH);
        request.clear();
        request.setString(0, name, "US-ASCII");
        return request;
    }

    private static void bind(final int fd, final int ifindex, final String name)
    {
        final Memory address = new Memory(SOCKADDR_LL_LENGTH);
        address.clear();
        address.setShort(0, (short)LibC.AF_PACKET);
        address.setByte(2, (byte)(ETH_P_ALL >>> 8));
        address.setByte(3, (byte)ETH_P_ALL);
        address.setInt(4, ifindex);
        try
        {
            LibC.bind(fd, LibC.address(address), SOCKADDR_LL_LENGTH);
        }
        catch (final LastErrorException ex)
        {
            throw new LiveCaptureException("cannot bind to interface " + name + ": " + LibC.strerror(ex.getErrorCode()));
        }
        finally
        {
            Reference.reachabilityFence(address);
        }
    }

    private static void setInt(final int fd, final int option, final int value, final String name, final String what)
    {
        final Memory memory = new Memory(4);
        memory.setInt(0, value);
        setOption(fd, option, memory, 4, name, what);
    }

    private static void setOption(final int fd, final int option, final Memory value, final int length,
                                  final String name, final String what)
    {
        try
        {
            LibC.setsockopt(fd, SOL_PACKET, option, LibC.address(value), length);
        }
        catch (final LastErrorException ex)
        {
            throw new LiveCaptureException("raw input on " + name + ": cannot set up " + what + ": "
                + LibC.strerror(ex.getErrorCode()));
        }
        finally
        {
            Reference.reachabilityFence(value);
        }
    }
}
