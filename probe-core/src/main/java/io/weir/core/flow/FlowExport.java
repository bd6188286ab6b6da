package io.weir.core.flow;

/**
 * Receives each flow record as it leaves the cache. Called on the capture worker with the
 * record still in place; the cache reuses the slot as soon as the call returns.
 */
@FunctionalInterface
public interface FlowExport
{
    void onFlowEnd(FlowTable table, int slot, int endReason);
}
