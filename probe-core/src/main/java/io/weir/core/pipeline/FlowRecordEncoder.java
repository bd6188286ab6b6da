package io.weir.core.pipeline;

import io.weir.core.field.RecordSchema;
import io.weir.core.field.RecordWriter;
import io.weir.core.flow.FlowEndReason;
import io.weir.core.flow.FlowExport;
import io.weir.core.flow.FlowTable;
import io.weir.core.plugin.PluginChain;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Turns each flow leaving the cache into a record (basic fields in {@code BasicFields} order,
 * then the fields of each plugin with data for the flow) and puts it on the worker's export queue. When the queue is full the worker waits for the
 * exporter rather than lose the record; it gives up only when asked to stop, and then counts
 * the record as dropped. Not thread safe: owned by the capture worker.
 */
public final class FlowRecordEncoder implements FlowExport
{
    private static final int MAX_RECORD_LENGTH = 64 * 1024;

    private final ExportQueue queue;
    private final StopSignal stop;
    private final PluginChain plugins;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[MAX_RECORD_LENGTH]);
    private final RecordWriter writer = new RecordWriter();
    private final IdleStrategy waitForRoom = new BackoffIdleStrategy();
    private final long[] recordsByReason = new long[FlowEndReason.MAX + 1];
    private long records;
    private long recordsDropped;
    private long recordsTooLarge;
    private long queueFullWaits;

    public FlowRecordEncoder(final ExportQueue queue, final StopSignal stop, final PluginChain plugins)
    {
        this.queue = queue;
        this.stop = stop;
        this.plugins = plugins;
    }

    @Override
    public void onFlowEnd(final FlowTable table, final int slot, final int endReason)
    {
        final int ipVersion = table.ipVersion(slot);
        final RecordWriter w = writer.wrap(scratch, 0, Math.min(MAX_RECORD_LENGTH, queue.maxRecordLength()));
        if (ipVersion == 6)
        {
            w.ipv6(table.sourceHigh(slot), table.sourceLow(slot)).ipv6(table.destinationHigh(slot), table.destinationLow(slot));
        }
        else
        {
            w.ipv4(table.sourceLow(slot)).ipv4(table.destinationLow(slot));
        }
        w.u16(table.sourcePort(slot))
            .u16(table.destinationPort(slot))
            .u8(table.protocol(slot))
            .u8(ipVersion)
            .u64(table.forwardPackets(slot))
            .u64(table.forwardBytes(slot))
            .u64(table.reversePackets(slot))
            .u64(table.reverseBytes(slot))
            .timeNs(table.firstNs(slot))
            .timeNs(table.lastNs(slot))
            .u8(table.forwardTcpFlags(slot))
            .u8(table.reverseTcpFlags(slot))
            .mac(table.sourceMac(slot))
            .mac(table.destinationMac(slot))
            .u16(table.vlanId(slot))
            .u32(table.interfaceId(slot))
            .u8(endReason);
        final int pluginMask = plugins.isEmpty() ? 0 : plugins.write(slot, plugins.dataMask(slot), w);
        if (w.overflowed())
        {
            recordsTooLarge++;
            return;
        }
        if (publish(RecordSchema.id(ipVersion, pluginMask), w.length()))
        {
            recordsByReason[endReason]++;
        }
    }

    private boolean publish(final int schemaId, final int length)
    {
        while (!queue.offer(schemaId, scratch, 0, length))
        {
            if (stop.isAborted())
            {
                recordsDropped++;
                return false;
            }
            queueFullWaits++;
            waitForRoom.idle();
        }
        waitForRoom.reset();
        records++;
        return true;
    }

    /** Records put on the export queue. */
    public long records()
    {
        return records;
    }

    /** Records put on the queue that ended for the given reason. */
    public long records(final int endReason)
    {
        return recordsByReason[endReason];
    }

    /** Records not queued because every output had failed (the run was aborted) and the queue stayed full. */
    public long recordsDropped()
    {
        return recordsDropped;
    }

    /** Records whose encoding exceeded the maximum record length. */
    public long recordsTooLarge()
    {
        return recordsTooLarge;
    }

    /** Times the worker found the queue full and waited for the exporter. */
    public long queueFullWaits()
    {
        return queueFullWaits;
    }
}
