package io.weir.plugins.tls;

import io.weir.plugins.tlshello.Ja4;

/**
 * What the tls plugin keeps for one flow slot: the exported values and, while a hello spans
 * segments, where its reassembly stands. Made the first time its slot sees a TLS hello and reused
 * by every later flow of that slot. Not thread safe: owned by the capture worker.
 */
final class TlsFlow
{
    static final int MAX_NAME_BYTES = 255;
    static final int MAX_EXTENSIONS = 30;

    final byte[] serverName = new byte[MAX_NAME_BYTES];
    int serverNameLength;
    final byte[] alpn = new byte[MAX_NAME_BYTES];
    int alpnLength;
    final byte[] ja3 = new byte[16];
    final byte[] ja4 = new byte[Ja4.LENGTH];
    int version;
    final char[] extensionTypes = new char[MAX_EXTENSIONS];
    final char[] extensionLengths = new char[MAX_EXTENSIONS];
    int extensionCount;

    int reassemblyBuffer = -1;
    int reassemblyLength;
    int nextSequence;
    boolean reassemblyForward;

    void reset()
    {
        serverNameLength = 0;
        alpnLength = 0;
        version = 0;
        extensionCount = 0;
        reassemblyLength = 0;
    }
}
