package io.weir.plugins.text;

import java.lang.management.ManagementFactory;

/** Bytes the current thread allocates while a piece of work runs (HotSpot's per-thread counter). */
public final class AllocationMeter
{
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private AllocationMeter()
    {
    }

    /** Runs {@code work} {@code warmUp} times, then measures {@code times} more runs. */
    public static long bytesAllocated(final Runnable work, final int warmUp, final int times)
    {
        for (int i = 0; i < warmUp; i++)
        {
            work.run();
        }
        final long thread = Thread.currentThread().getId();
        final long before = THREADS.getThreadAllocatedBytes(thread);
        for (int i = 0; i < times; i++)
        {
            work.run();
        }
        return THREADS.getThreadAllocatedBytes(thread) - before;
    }
}
