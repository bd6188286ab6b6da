package io.weir.nativeio;

import java.lang.ref.Reference;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

/** Pins the calling thread to one CPU (sched_setaffinity on thread id 0, the caller). */
public final class CpuAffinity
{
    /** glibc's cpu_set_t: 1024 bits. */
    private static final int CPU_SET_BYTES = 128;

    private CpuAffinity()
    {
    }

    /** True when this process may run on the CPU (it is in the process's current affinity mask). */
    public static boolean isAllowed(final int cpu)
    {
        if (cpu < 0 || cpu >= CPU_SET_BYTES * 8)
        {
            return false;
        }
        final Memory mask = new Memory(CPU_SET_BYTES);
        mask.clear();
        try
        {
            LibC.sched_getaffinity(0, CPU_SET_BYTES, LibC.address(mask));
            return (mask.getByte(cpu / 8) & (1 << (cpu % 8))) != 0;
        }
        catch (final LastErrorException ex)
        {
            return false;
        }
        finally
        {
            Reference.reachabilityFence(mask);
        }
    }

    public static void pinCurrentThread(final int cpu)
    {
        if (cpu < 0 || cpu >= CPU_SET_BYTES * 8)
        {
            throw new LiveCaptureException("no CPU " + cpu);
        }
        final Memory mask = new Memory(CPU_SET_BYTES);
        mask.clear();
        mask.setByte(cpu / 8, (byte)(1 << (cpu % 8)));
        try
        {
            LibC.sched_setaffinity(0, CPU_SET_BYTES, LibC.address(mask));
        }
        catch (final LastErrorException ex)
        {
            throw new LiveCaptureException("cannot pin the capture thread to CPU " + cpu + ": "
                + LibC.strerror(ex.getErrorCode()));
        }
        finally
        {
            Reference.reachabilityFence(mask);
        }
    }
}
