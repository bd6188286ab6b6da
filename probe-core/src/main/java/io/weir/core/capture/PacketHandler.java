package io.weir.core.capture;

import org.agrona.DirectBuffer;

/**
 * Receives packets from a {@link PacketSource}, straight from the source's own buffer.
 * The buffer is only valid during the call: a handler that needs bytes later must copy them.
 */
@FunctionalInterface
public interface PacketHandler
{
    /**
     * @param buffer      the source's buffer (memory-mapped file, ring block, ...)
     * @param offset      offset of the first captured byte (the link-layer header)
     * @param capturedLength bytes captured
     * @param wireLength  length of the packet on the wire
     * @param timestampNs capture time, nanoseconds since the epoch
     * @param linkType    LINKTYPE_* value of the packet's interface
     * @param interfaceId interface index inside the source (pcapng IDB index, 0 otherwise)
     */
    void onPacket(DirectBuffer buffer, int offset, int capturedLength, int wireLength,
                  long timestampNs, int linkType, int interfaceId);
}
