package io.weir.plugins.quic;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.testing.CollectedRecord;
import io.weir.plugins.tlshello.Pcap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The connection-level fields on short exchanges built packet by packet: server connection ID,
 * Retry, 0-RTT, version negotiation, multiplexing, short header packets and non-QUIC UDP.
 */
class QuicConnectionTest
{
    private static final byte[] ODCID = Hex.bytes("0a0b0c0d0e0f1011");
    private static final byte[] CLIENT_CID = Hex.bytes("c1c2c3c4");
    private static final byte[] SERVER_CID = Hex.bytes("5151515151");
    private static final String CLIENT = "192.0.2.10";
    private static final String SERVER = "192.0.2.20";

    @TempDir
    Path temp;

    private final List<byte[]> frames = new ArrayList<>();

    private void toServer(final byte[] datagram)
    {
        frames.add(InitialSealer.udpFrame(CLIENT, 51000, SERVER, 443, datagram));
    }

    private void toClient(final byte[] datagram)
    {
        frames.add(InitialSealer.udpFrame(SERVER, 443, CLIENT, 51000, datagram));
    }

    private List<Map<String, String>> records() throws Exception
    {
        final List<Pcap.Frame> captured = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++)
        {
            captured.add(new Pcap.Frame(1_700_000_000L, i * 100L, frames.get(i).length, frames.get(i)));
        }
        final Path file = temp.resolve("exchange.pcap");
        new Pcap(1, captured).write(file);
        final QuicPlugin plugin = (QuicPlugin)new QuicPluginFactory().create(PluginOptions.parse("quic"),
            FlowCacheConfig.DEFAULT.capacity());
        final List<Map<String, String>> out = new ArrayList<>();
        for (final CollectedRecord record : QuicSplitClientHelloTest.run(file, plugin))
        {
            out.add(record.byIpfixprobeName());
        }
        assertEquals(0, plugin.streamsLent());
        return out;
    }

    private static byte[] clientInitial(final byte[] dcid, final String name, final int packetNumber, final byte[] token)
        throws Exception
    {
        final byte[] hello = ClientHellos.quic(name, "agent", 32, 1);
        return new InitialSealer(QuicVersion.V1, dcid, CLIENT_CID).sealWithToken(packetNumber, token,
            InitialSealer.crypto(hello, 0, hello.length));
    }

    /** A long header packet that is not decryptable here (server side, 0-RTT): type bits, CIDs, Length, bytes. */
    private static byte[] longPacket(final int firstByte, final byte[] dcid, final byte[] scid, final int payload)
    {
        final boolean initial = (firstByte & 0x30) == 0;
        final ByteBuffer packet = ByteBuffer.allocate(7 + dcid.length + scid.length + 3 + payload);
        packet.put((byte)firstByte).putInt(QuicVersion.V1).put((byte)dcid.length).put(dcid).put((byte)scid.length)
            .put(scid);
        if (initial)
        {
            packet.put((byte)0);
        }
        packet.putShort((short)(0x4000 | payload));
        packet.put(new byte[payload]);
        return java.util.Arrays.copyOf(packet.array(), packet.position());
    }

    private static Map<String, String> only(final List<Map<String, String>> records)
    {
        assertEquals(1, records.size(), records::toString);
        return records.get(0);
    }

    @Test
    void serverConnectionIdComesFromTheServersFirstPacket() throws Exception
    {
        toServer(clientInitial(ODCID, "a.weir.test", 0, new byte[0]));
        toClient(longPacket(0xc1, CLIENT_CID, SERVER_CID, 100));
        toServer(longPacket(0xe1, SERVER_CID, CLIENT_CID, 40));
        final Map<String, String> record = only(records());
        assertEquals("a.weir.test", record.get("QUIC_SNI"));
        assertEquals(Hex.text(ODCID, 0, ODCID.length), record.get("QUIC_OSCID"));
        assertEquals(Hex.text(CLIENT_CID, 0, CLIENT_CID.length), record.get("QUIC_OCCID"));
        assertEquals(Hex.text(SERVER_CID, 0, SERVER_CID.length), record.get("QUIC_SCID"));
        assertEquals("[129|129|132]", record.get("QUIC_PACKETS"));
        assertEquals("443", record.get("QUIC_SERVER_PORT"));
        assertEquals("0", record.get("QUIC_MULTIPLEXED"));
    }

    @Test
    void retryGivesRetryConnectionIdAndTokenLength() throws Exception
    {
        final byte[] token = Hex.bytes("00112233445566778899aabbccddeeff0011aabb");
        toServer(clientInitial(ODCID, "r.weir.test", 0, new byte[0]));
        final ByteBuffer retry = ByteBuffer.allocate(1 + 4 + 1 + CLIENT_CID.length + 1 + SERVER_CID.length + token.length + 16);
        retry.put((byte)0xf0).putInt(QuicVersion.V1).put((byte)CLIENT_CID.length).put(CLIENT_CID)
            .put((byte)SERVER_CID.length).put(SERVER_CID).put(token).put(new byte[16]);
        toClient(retry.array());
        toServer(clientInitial(SERVER_CID, "r.weir.test", 1, token));
        final Map<String, String> record = only(records());
        assertEquals(Hex.text(SERVER_CID, 0, SERVER_CID.length), record.get("QUIC_RETRY_SCID"));
        assertEquals(Integer.toString(token.length), record.get("QUIC_TOKEN_LENGTH"));
        assertEquals("r.weir.test", record.get("QUIC_SNI"));
        assertEquals(Hex.text(ODCID, 0, ODCID.length), record.get("QUIC_OSCID"));
        assertEquals("0", record.get("QUIC_MULTIPLEXED"));
        assertEquals("[129|136|129]", record.get("QUIC_PACKETS"));
    }

    @Test
    void countsZeroRttPacketsAndKeepsTheVersion() throws Exception
    {
        final byte[] initial = clientInitial(ODCID, "z.weir.test", 0, new byte[0]);
        final byte[] zeroRtt = longPacket(0xd1, ODCID, CLIENT_CID, 60);
        final byte[] coalesced = new byte[initial.length + zeroRtt.length];
        System.arraycopy(initial, 0, coalesced, 0, initial.length);
        System.arraycopy(zeroRtt, 0, coalesced, initial.length, zeroRtt.length);
        toServer(coalesced);
        toServer(zeroRtt);
        toClient(longPacket(0xc1, CLIENT_CID, SERVER_CID, 100));
        final Map<String, String> record = only(records());
        assertEquals("2", record.get("QUIC_ZERO_RTT"));
        assertEquals("[131|130|129]", record.get("QUIC_PACKETS"));
        assertEquals("1", record.get("QUIC_CLIENT_VERSION"));
        assertEquals("1", record.get("QUIC_VERSION"), "from the server's packet: datagrams with 0-RTT do not set it");
        assertEquals("z.weir.test", record.get("QUIC_SNI"));
    }

    @Test
    void versionNegotiationEndsTheFlow() throws Exception
    {
        final ByteBuffer initial = ByteBuffer.wrap(clientInitial(ODCID, "v.weir.test", 0, new byte[0]));
        initial.putInt(1, 0x1a2a3a4a);
        toServer(initial.array());
        final ByteBuffer negotiation = ByteBuffer.allocate(7 + CLIENT_CID.length + ODCID.length + 8);
        negotiation.put((byte)0xc5).putInt(0).put((byte)CLIENT_CID.length).put(CLIENT_CID).put((byte)ODCID.length)
            .put(ODCID).putInt(QuicVersion.V1).putInt(QuicVersion.V2);
        toClient(negotiation.array());
        toServer(clientInitial(ODCID, "v.weir.test", 0, new byte[0]));
        final List<Map<String, String>> records = records();
        assertEquals(2, records.size(), "the negotiation packet ends the first flow, the new Initial starts another");
        final Map<String, String> first = records.get(0).get("QUIC_PACKETS").length() < records.get(1).get("QUIC_PACKETS").length()
            ? records.get(1) : records.get(0);
        assertEquals("[129|144]", first.get("QUIC_PACKETS"));
        assertEquals("0", first.get("QUIC_VERSION"));
        assertEquals("443", first.get("QUIC_SERVER_PORT"));
    }

    @Test
    void aSecondConnectionOnTheSameFlowIsMultiplexed() throws Exception
    {
        toServer(clientInitial(ODCID, "m.weir.test", 0, new byte[0]));
        toServer(clientInitial(Hex.bytes("feedfacecafe0001"), "other.weir.test", 0, new byte[0]));
        final Map<String, String> record = only(records());
        assertEquals("1", record.get("QUIC_MULTIPLEXED"));
        assertEquals("m.weir.test", record.get("QUIC_SNI"));
        assertEquals(Hex.text(ODCID, 0, ODCID.length), record.get("QUIC_OSCID"));
    }

    @Test
    void shortHeaderPacketsRecordOnlyTheQuicBitAndOtherUdpIsIgnored() throws Exception
    {
        toServer(clientInitial(ODCID, "s.weir.test", 0, new byte[0]));
        toClient(Hex.bytes("4051515151510000000000000000000000000000"));
        toServer(Hex.bytes("0051515151510000000000000000000000000000"));
        frames.add(InitialSealer.udpFrame(CLIENT, 53000, SERVER, 53, Hex.bytes("c3a1010000010000000000000377777700000100")));
        final List<Map<String, String>> records = records();
        int quic = 0;
        for (final Map<String, String> record : records)
        {
            if (record.containsKey("QUIC_PACKETS"))
            {
                quic++;
                assertEquals("[129|128|0]", record.get("QUIC_PACKETS"));
            }
            else
            {
                assertEquals("53", record.get("DST_PORT"));
            }
        }
        assertEquals(1, quic);
        assertFalse(records.isEmpty());
    }
}
