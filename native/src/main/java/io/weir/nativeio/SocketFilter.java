package io.weir.nativeio;

import java.lang.ref.Reference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import io.weir.core.capture.LinkType;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * A classic BPF program for SO_ATTACH_FILTER: an array of {@code struct sock_filter}
 * ({@code u16 code; u8 jt; u8 jf; u32 k}, native order). A filter's return value is also the
 * snap length: the kernel keeps that many bytes of an accepted packet.
 */
final class SocketFilter
{
    static final int INSTRUCTION_LENGTH = 8;
    private static final short BPF_RET_K = 0x06;

    private final Memory instructions;
    private final int count;
    private final String description;

    private SocketFilter(final Memory instructions, final int count, final String description)
    {
        this.instructions = instructions;
        this.count = count;
        this.description = description;
    }

    /** Accepts every packet, keeping at most {@code snaplen} bytes. */
    static SocketFilter acceptAll(final int snaplen)
    {
        return single(snaplen, "accept " + snaplen + " bytes");
    }

    /** Accepts nothing: the socket stops receiving (and the kernel stops counting) at once. */
    static SocketFilter dropAll()
    {
        return single(0, "drop all");
    }

    private static SocketFilter single(final int returnValue, final String description)
    {
        final Memory memory = new Memory(INSTRUCTION_LENGTH);
        memory.setShort(0, BPF_RET_K);
        memory.setByte(2, (byte)0);
        memory.setByte(3, (byte)0);
        memory.setInt(4, returnValue);
        return new SocketFilter(memory, 1, description);
    }

    /**
     * Compiles a tcpdump filter expression with libpcap (through pcap4j), optimized, for the
     * given link type; accepted packets keep {@code snaplen} bytes.
     */
    static SocketFilter compile(final String expression, final int snaplen, final int linkType)
    {
        final DataLinkType dlt = linkType == LinkType.RAW ? DataLinkType.RAW : DataLinkType.EN10MB;
        final BpfProgram program;
        try
        {
            program = Pcaps.compileFilter(snaplen, dlt, expression, BpfProgram.BpfCompileMode.OPTIMIZE,
                PcapHandle.PCAP_NETMASK_UNKNOWN);
        }
        catch (final PcapNativeException ex)
        {
            throw new LiveCaptureException("filter '" + expression + "' does not compile: " + ex.getMessage());
        }
        catch (final UnsatisfiedLinkError | NoClassDefFoundError ex)
        {
            throw new LiveCaptureException("filter '" + expression + "' needs libpcap to compile it, and it is"
                + " not installed (Debian: apt-get install libpcap0.8)");
        }
        try
        {
            final Pointer bpfProgram = programStruct(program).getPointer();
            final int count = bpfProgram.getInt(0);
            final Pointer source = bpfProgram.getPointer(Native.POINTER_SIZE);
            final Memory copy = new Memory((long)count * INSTRUCTION_LENGTH);
            copy.write(0, source.getByteArray(0, count * INSTRUCTION_LENGTH), 0, count * INSTRUCTION_LENGTH);
            return new SocketFilter(copy, count, expression);
        }
        finally
        {
            program.free();
        }
    }

    /** pcap4j keeps the compiled {@code struct bpf_program} to itself: it is read through its package-private getter. */
    private static Structure programStruct(final BpfProgram program)
    {
        try
        {
            final Method getter = BpfProgram.class.getDeclaredMethod("getProgram");
            getter.setAccessible(true);
            return (Structure)getter.invoke(program);
        }
        catch (final NoSuchMethodException | IllegalAccessException | InvocationTargetException ex)
        {
            throw new IllegalStateException("this pcap4j version does not expose compiled BPF programs: " + ex, ex);
        }
    }

    /** SO_ATTACH_FILTER: replaces the socket's filter in one step. */
    void attachTo(final int fd)
    {
        // struct sock_fprog { unsigned short len; struct sock_filter *filter; }
        final Memory program = new Memory(16);
        program.clear();
        program.setShort(0, (short)count);
        program.setPointer(8, instructions);
        try
        {
            LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_ATTACH_FILTER, LibC.address(program), 16);
        }
        catch (final LastErrorException ex)
        {
            throw new LiveCaptureException("cannot attach filter '" + description + "': " + LibC.strerror(ex.getErrorCode()));
        }
        finally
        {
            Reference.reachabilityFence(program);
        }
    }

    int length()
    {
        return count;
    }

    int code(final int index)
    {
        return instructions.getShort((long)index * INSTRUCTION_LENGTH) & 0xFFFF;
    }

    int jumpTrue(final int index)
    {
        return instructions.getByte((long)index * INSTRUCTION_LENGTH + 2) & 0xFF;
    }

    int jumpFalse(final int index)
    {
        return instructions.getByte((long)index * INSTRUCTION_LENGTH + 3) & 0xFF;
    }

    long constant(final int index)
    {
        return instructions.getInt((long)index * INSTRUCTION_LENGTH + 4) & 0xFFFF_FFFFL;
    }

    @Override
    public String toString()
    {
        return description;
    }
}
