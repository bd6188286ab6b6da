package io.weir.export.transport;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A bounded FIFO of whole IPFIX messages waiting for the network: the message bytes back to
 * back (so that one write can carry many), and per message its length, record count and
 * kind. Allocated once; the byte area is compacted when the tail reaches its end.
 * Not thread safe: owned by the exporter thread.
 */
final class MessageBacklog
{
    private final int boundBytes;
    private final ByteBuffer bytes;
    private final UnsafeBuffer view;
    private final int[] lengths;
    private final int[] records;
    private final int[] kinds;
    private int head;
    private int tail;
    private int first;
    private int count;

    MessageBacklog(final int boundBytes)
    {
        this.boundBytes = boundBytes;
        this.bytes = ByteBuffer.allocateDirect(boundBytes + 2 * 65536);
        this.view = new UnsafeBuffer(bytes);
        final int entries = boundBytes / 16 + 64;
        this.lengths = new int[entries];
        this.records = new int[entries];
        this.kinds = new int[entries];
    }

    int size()
    {
        return count;
    }

    boolean isEmpty()
    {
        return count == 0;
    }

    int usedBytes()
    {
        return tail - head;
    }

    /**
     * Appends a message; false when it would pass the bound.
     *
     * @param force keep it even past the bound (template messages, a few hundred bytes)
     */
    boolean offer(final DirectBuffer buffer, final int offset, final int length, final int recordCount,
                  final int kind, final boolean force)
    {
        if (count == lengths.length || (!force && usedBytes() + length > boundBytes)
            || usedBytes() + length > bytes.capacity())
        {
            return false;
        }
        if (tail + length > bytes.capacity())
        {
            compact();
        }
        view.putBytes(tail, buffer, offset, length);
        tail += length;
        final int slot = (first + count) % lengths.length;
        lengths[slot] = length;
        records[slot] = recordCount;
        kinds[slot] = kind;
        count++;
        return true;
    }

    private void compact()
    {
        final int used = tail - head;
        bytes.limit(tail).position(head);
        bytes.compact();
        bytes.clear();
        head = 0;
        tail = used;
    }

    /** Byte offset of the first message in {@link #buffer()}. */
    int headOffset()
    {
        return head;
    }

    int length(final int index)
    {
        return lengths[(first + index) % lengths.length];
    }

    int records(final int index)
    {
        return records[(first + index) % lengths.length];
    }

    int kind(final int index)
    {
        return kinds[(first + index) % lengths.length];
    }

    /** Byte offset of the message at {@code index} (0 = first). */
    int offset(final int index)
    {
        int at = head;
        for (int i = 0; i < index; i++)
        {
            at += length(i);
        }
        return at;
    }

    void removeFirst()
    {
        head += lengths[first];
        first = (first + 1) % lengths.length;
        count--;
        if (count == 0)
        {
            head = 0;
            tail = 0;
        }
    }

    /** Drops every message of one kind (the template messages of a finished session). Rare: may allocate. */
    void removeKind(final int kind)
    {
        final int n = count;
        final UnsafeBuffer copy = new UnsafeBuffer(new byte[tail - head]);
        copy.putBytes(0, view, head, tail - head);
        int from = 0;
        int write = 0;
        int kept = 0;
        for (int i = 0; i < n; i++)
        {
            final int slot = (first + i) % lengths.length;
            final int length = lengths[slot];
            if (kinds[slot] != kind)
            {
                view.putBytes(write, copy, from, length);
                final int target = (first + kept) % lengths.length;
                lengths[target] = length;
                records[target] = records[slot];
                kinds[target] = kinds[slot];
                write += length;
                kept++;
            }
            from += length;
        }
        head = 0;
        tail = write;
        count = kept;
    }

    ByteBuffer buffer()
    {
        return bytes;
    }

    UnsafeBuffer view()
    {
        return view;
    }

    /** Sequence number in the header of the first message of a domain, or -1. */
    long firstSequence(final long domainId)
    {
        int at = head;
        for (int i = 0; i < count; i++)
        {
            if ((view.getInt(at + 12, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL) == domainId)
            {
                return view.getInt(at + 8, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL;
            }
            at += length(i);
        }
        return -1;
    }
}
