package io.weir.plugins.quic;

/**
 * What the quic plugin keeps for one flow slot: the exported values, the connection IDs seen
 * before the flow's direction was known, and the CRYPTO stream lent while a ClientHello is
 * incomplete. Made the first time its slot carries QUIC and reused by every later flow of that
 * slot. Not thread safe: owned by the capture worker.
 */
final class QuicFlow
{
    static final int MAX_NAME_BYTES = 255;
    static final int MAX_PACKETS = 30;
    static final int MAX_EXTENSIONS = 30;
    static final int MAX_TLS_EXT_BYTES = 1500;
    static final long UNSET_TOKEN_LENGTH = -1L;
    static final int CID = InitialProtection.MAX_CONNECTION_ID;

    static final int SERVER_UNKNOWN = 0;
    /** The server is the flow's destination: forward packets go to it. */
    static final int SERVER_IS_DESTINATION = 1;
    static final int SERVER_IS_SOURCE = 2;

    final byte[] serverName = new byte[MAX_NAME_BYTES];
    int serverNameLength;
    final byte[] userAgent = new byte[MAX_NAME_BYTES];
    int userAgentLength;
    int version;
    int clientVersion;
    boolean clientVersionSet;
    long tokenLength;
    final byte[] occid = new byte[CID];
    int occidLength = -1;
    final byte[] oscid = new byte[CID];
    int oscidLength = -1;
    final byte[] scid = new byte[CID];
    int scidLength = -1;
    final byte[] retryScid = new byte[CID];
    int retryScidLength = -1;
    int multiplexed;
    int zeroRtt;
    int serverSide;
    int serverPort;
    final byte[] packetTypes = new byte[MAX_PACKETS];
    int lastPacketType;
    boolean clientHelloParsed;
    final char[] extensionTypes = new char[MAX_EXTENSIONS];
    final char[] extensionLengths = new char[MAX_EXTENSIONS];
    int extensionCount;
    final byte[] tlsExtensions = new byte[MAX_TLS_EXT_BYTES];
    int tlsExtensionsLength;
    boolean extensionsSet;

    boolean clientHelloSeen;
    boolean serverPacketSeen;
    int retries;
    /** Connection ID the client Initial keys come from (first Initial's DCID, or a Retry's SCID). */
    final byte[] keyDcid = new byte[CID];
    int keyDcidLength = -1;
    /** Connection IDs of the first long header packet of each direction while the server side is unknown. */
    final byte[][] pendingScid = {new byte[CID], new byte[CID]};
    final byte[][] pendingDcid = {new byte[CID], new byte[CID]};
    final int[] pendingScidLength = new int[2];
    final int[] pendingDcidLength = new int[2];
    final boolean[] pending = new boolean[2];
    /** Index of the lent CRYPTO stream, or -1. */
    int stream = -1;
    /** Initial packets whose CRYPTO frames went into the current stream. */
    int helloPackets;
    final byte[] streamDcid = new byte[CID];
    int streamDcidLength = -1;

    void reset()
    {
        serverNameLength = 0;
        userAgentLength = 0;
        version = 0;
        clientVersion = 0;
        clientVersionSet = false;
        tokenLength = UNSET_TOKEN_LENGTH;
        occidLength = -1;
        oscidLength = -1;
        scidLength = -1;
        retryScidLength = -1;
        multiplexed = 0;
        zeroRtt = 0;
        serverSide = SERVER_UNKNOWN;
        serverPort = 0;
        java.util.Arrays.fill(packetTypes, (byte)0);
        lastPacketType = 0;
        clientHelloParsed = false;
        extensionCount = 0;
        tlsExtensionsLength = 0;
        extensionsSet = false;
        clientHelloSeen = false;
        serverPacketSeen = false;
        retries = 0;
        keyDcidLength = -1;
        pending[0] = false;
        pending[1] = false;
        streamDcidLength = -1;
    }
}
