package io.weir.plugins.ovpn;

/**
 * OpenVPN packet layout as the detector reads it: the opcode is the high five bits of the first
 * byte of a UDP payload, or of the third byte over TCP (after the 2-byte packet length). A control
 * packet carrying a TLS ClientHello has the TLS record type 0x16 at opcode+14 and the handshake type
 * 1 at opcode+19 (or at +42/+47 when the control header carries acknowledgements); a ServerHello
 * has them at +26/+31 (or +54/+59) with handshake type 2.
 *
 * <pre>
 * UDP: | opcode(5) key id(3) | session id 8 | ...
 * TCP: | length 2 | opcode(5) key id(3) | session id 8 | ...
 * RTP: | V(2) P X CC(4) | M PT(7) | sequence 2 | timestamp 4 | SSRC 4 |
 * </pre>
 */
final class OvpnDescriptor
{
    static final int UDP_OPCODE_OFFSET = 0;
    static final int TCP_OPCODE_OFFSET = 2;

    static final int HARD_RESET_CLIENT_V1 = 1;
    static final int HARD_RESET_SERVER_V1 = 2;
    static final int SOFT_RESET_V1 = 3;
    static final int CONTROL_V1 = 4;
    static final int ACK_V1 = 5;
    static final int DATA_V1 = 6;
    static final int HARD_RESET_CLIENT_V2 = 7;
    static final int HARD_RESET_SERVER_V2 = 8;
    static final int DATA_V2 = 9;
    static final int HARD_RESET_CLIENT_V3 = 10;

    static final int TLS_HANDSHAKE = 0x16;
    static final int CLIENT_HELLO = 1;
    static final int SERVER_HELLO = 2;
    static final int CLIENT_HELLO_RECORD = 14;
    static final int CLIENT_HELLO_RECORD_ACKED = 42;
    static final int SERVER_HELLO_RECORD = 26;
    static final int SERVER_HELLO_RECORD_ACKED = 54;
    /** From the TLS record type to the handshake type: 5-byte record header. */
    static final int HANDSHAKE_TYPE_DISTANCE = 5;

    static final int RTP_HEADER_LENGTH = 12;
    static final int RTP_VERSION = 2;
    static final int RTCP_FIRST_TYPE = 72;
    static final int RTCP_LAST_TYPE = 95;

    private OvpnDescriptor()
    {
    }
}
