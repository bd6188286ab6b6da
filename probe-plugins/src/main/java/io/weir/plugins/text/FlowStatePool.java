package io.weir.plugins.text;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Per-flow state objects of a plugin, found by cache slot. Only the flows a plugin cares about
 * get one: a state is taken when such a flow starts and given back when it ends, so the
 * number of states made is the most such flows alive at once, and in steady state nothing is
 * allocated. A flow's state is given back only after its record was written: the flow cache
 * writes the record right after {@code beforeExport}, before any other hook runs, so
 * {@link #releaseAfterExport} defers the release to the next call of this pool.
 * Not thread safe: owned by the capture worker.
 *
 * @param <S> the state type
 */
public final class FlowStatePool<S>
{
    private static final int NONE = -1;

    private final Supplier<S> factory;
    private final int[] stateOfSlot;
    private Object[] states = new Object[16];
    private int[] free = new int[16];
    private int freeCount;
    private int created;
    private int pendingSlot = NONE;

    public FlowStatePool(final int flowSlots, final Supplier<S> factory)
    {
        this.factory = factory;
        this.stateOfSlot = new int[flowSlots];
        Arrays.fill(stateOfSlot, NONE);
    }

    /** The state of the flow in this slot, or null. */
    @SuppressWarnings("unchecked")
    public S get(final int slot)
    {
        final int index = stateOfSlot[slot];
        return index == NONE ? null : (S)states[index];
    }

    /** A state for the flow in this slot (a reused one when possible; the caller resets it). */
    @SuppressWarnings("unchecked")
    public S acquire(final int slot)
    {
        releasePending();
        release(slot);
        final int index;
        if (freeCount > 0)
        {
            index = free[--freeCount];
        }
        else
        {
            if (created == states.length)
            {
                states = Arrays.copyOf(states, created * 2);
                free = Arrays.copyOf(free, created * 2);
            }
            index = created++;
            states[index] = factory.get();
        }
        stateOfSlot[slot] = index;
        return (S)states[index];
    }

    /** Gives the slot's state back now. */
    public void release(final int slot)
    {
        final int index = stateOfSlot[slot];
        if (index != NONE)
        {
            free[freeCount++] = index;
            stateOfSlot[slot] = NONE;
        }
        if (pendingSlot == slot)
        {
            pendingSlot = NONE;
        }
    }

    /** Gives the slot's state back at the next call of this pool, once the flow's record is written. */
    public void releaseAfterExport(final int slot)
    {
        releasePending();
        if (stateOfSlot[slot] != NONE)
        {
            pendingSlot = slot;
        }
    }

    /** Gives back the state whose release was deferred, if any. */
    public void releasePending()
    {
        if (pendingSlot != NONE)
        {
            final int slot = pendingSlot;
            pendingSlot = NONE;
            release(slot);
        }
    }

    /** States made so far: the most flows that had one at the same time. */
    public int created()
    {
        return created;
    }

    /** States currently held by flows. */
    public int inUse()
    {
        return created - freeCount;
    }
}
