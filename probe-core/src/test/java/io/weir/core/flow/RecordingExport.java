package io.weir.core.flow;

import java.util.ArrayList;
import java.util.List;

/** Collects the flows a cache ends, as plain values, for assertions. */
final class RecordingExport implements FlowExport
{
    record Ended(int sourcePort, int destinationPort, long forwardPackets, long reversePackets, long forwardBytes,
                 long reverseBytes, long firstNs, long lastNs, int forwardFlags, int reverseFlags, int reason)
    {
    }

    final List<Ended> ended = new ArrayList<>();

    @Override
    public void onFlowEnd(final FlowTable table, final int slot, final int endReason)
    {
        ended.add(new Ended(table.sourcePort(slot), table.destinationPort(slot), table.forwardPackets(slot),
            table.reversePackets(slot), table.forwardBytes(slot), table.reverseBytes(slot), table.firstNs(slot),
            table.lastNs(slot), table.forwardTcpFlags(slot), table.reverseTcpFlags(slot), endReason));
    }
}
