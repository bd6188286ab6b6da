package io.weir.cli.ipfix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.weir.core.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 4: the LZ4 stream weir sends over TCP decodes with an independent LZ4
 * implementation (python3's lz4.block, each block with the preceding output as dictionary,
 * following ipfixprobe's framing) to the same IPFIX messages as weir's uncompressed stream of
 * the same run (export times aside). Also: weir's own decoder reads an ipfixprobe-style stream
 * whose blocks do refer back to earlier blocks, made by python. Needs Debian's /usr/bin/python3 with python3-lz4 (a pyenv python3 on PATH lacks it).
 */
class Lz4PythonAcceptanceTest
{
    private static final String UNFRAME = String.join("\n",
        "import sys, struct, lz4.block",
        "data = open(sys.argv[1], 'rb').read()",
        "assert data[:4] == b'LZ4c', data[:4]",
        "ring = struct.unpack('>I', data[4:8])[0]",
        "at, out = 8, bytearray()",
        "while at < len(data):",
        "    if data[at:at + 4] == b'LZ4c':",
        "        at += 8",
        "        continue",
        "    plain, packed = struct.unpack('>HH', data[at:at + 4])",
        "    block = data[at + 4:at + 4 + packed]",
        "    out += lz4.block.decompress(block, uncompressed_size=plain, dict=bytes(out[-65536:]))",
        "    at += 4 + packed",
        "open(sys.argv[2], 'wb').write(out)",
        "print(ring)");

    private static final String FRAME_WITH_DICTIONARY = String.join("\n",
        "import sys, struct, lz4.block",
        "data = open(sys.argv[1], 'rb').read()",
        "out = bytearray(b'LZ4c' + struct.pack('>I', 1 << 17))",
        "at, history, dependent = 0, b'', 0",
        "while at < len(data):",
        "    length = struct.unpack('>H', data[at + 2:at + 4])[0]",
        "    message = data[at:at + length]",
        "    block = lz4.block.compress(message, store_size=False, dict=history[-65536:])",
        "    out += struct.pack('>HH', len(message), len(block)) + block",
        "    try:",
        "        alone = lz4.block.decompress(block, uncompressed_size=len(message)) == message",
        "    except Exception:",
        "        alone = False",
        "    dependent += 0 if alone else 1",
        "    history += message",
        "    at += length",
        "open(sys.argv[2], 'wb').write(out)",
        "print(dependent)");

    @TempDir
    Path dir;

    private static byte[] withoutExportTimes(final byte[] stream)
    {
        final byte[] copy = stream.clone();
        final ByteBuffer buffer = ByteBuffer.wrap(copy);
        int at = 0;
        while (at + 16 <= copy.length)
        {
            buffer.putInt(at + 4, 0);
            at += buffer.getShort(at + 2) & 0xFFFF;
        }
        assertEquals(copy.length, at, "whole messages");
        return copy;
    }

    @Test
    void pythonLz4ReadsWeirsCompressedStream() throws Exception
    {
        try (Collectors.Tcp plain = new Collectors.Tcp(); Collectors.Tcp compressed = new Collectors.Tcp())
        {
            final Tools.Result run = Tools.weir("-q", "-i", "pcap;file=" + TestData.capture("http.pcap"),
                "-i", "pcap;file=" + TestData.capture("mixed.pcap"),
                "-o", "ipfix;host=127.0.0.1;port=" + plain.port(),
                "-o", "ipfix;host=127.0.0.1;port=" + compressed.port() + ";lz4-compression;lz4-buffer-size=65536");
            assertEquals(0, run.exitCode(), run.err());
            final byte[] expected = plain.streams(1).get(0);
            final byte[] lz4 = compressed.streams(1).get(0);
            assertTrue(lz4.length < expected.length, "compressed " + lz4.length + " of " + expected.length);

            final Path in = dir.resolve("stream.lz4");
            final Path out = dir.resolve("stream.ipfix");
            final Path script = dir.resolve("unframe.py");
            Files.write(in, lz4);
            Files.writeString(script, UNFRAME);
            final Tools.Result python = Tools.run(dir, "/usr/bin/python3", script.toString(), in.toString(), out.toString());
            assertEquals(0, python.exitCode(), python.err());
            assertEquals("65536", python.out().strip(), "ring size announced");
            assertArrayEquals(withoutExportTimes(expected), withoutExportTimes(Files.readAllBytes(out)));
        }
    }

    @Test
    void weirDecodesAStreamWhoseBlocksReferBack() throws Exception
    {
        final Path ipfix = dir.resolve("flows.ipfix");
        final Path json = dir.resolve("flows.json");
        final Tools.Result run = Tools.weir("-q", "-i", "pcap;file=" + TestData.capture("http.pcap"),
            "-i", "pcap;file=" + TestData.capture("tls.pcap"), "-i", "pcap;file=" + TestData.capture("sip.pcap"),
            "-o", "ipfix;file=" + ipfix + ";mtu=1458", "-o", "json;file=" + json);
        assertEquals(0, run.exitCode(), run.err());
        final Path lz4 = dir.resolve("flows.lz4");
        final Path script = dir.resolve("frame.py");
        Files.writeString(script, FRAME_WITH_DICTIONARY);
        final Tools.Result python = Tools.run(dir, "/usr/bin/python3", script.toString(), ipfix.toString(), lz4.toString());
        assertEquals(0, python.exitCode(), python.err());
        assertTrue(Integer.parseInt(python.out().strip()) > 0, "some blocks need the earlier output: "
            + python.out());

        final Path decoded = dir.resolve("decoded.json");
        final Tools.Result decode = Tools.weir("decode", "-q", "-w", decoded.toString(), lz4.toString());
        assertEquals(0, decode.exitCode(), decode.err());
        assertEquals(Files.readString(json), Files.readString(decoded));
        assertEquals(List.of(), List.of(decode.err().lines().filter(l -> !l.isBlank()).toArray()));
    }
}
