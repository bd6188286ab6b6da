package io.weir.cli.ipfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of a run: weir must flush and close the IPFIX output cleanly, so the
 * file ends with whole messages and the final statistics record. Needs the CLI's shutdown hook
 * (stop the workers, wait for the exporter to close its sinks); see probe-export/README.md.
 */
class SigtermFlushTest
{
    private static final int FLOWS = 1_500_000;

    @TempDir
    Path dir;

    /** One UDP packet per flow, distinct source ports and addresses: many flows, little parsing. */
    private static void writeCapture(final Path file) throws Exception
    {
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
             DataOutputStream out = new DataOutputStream(raw))
        {
            final ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0xA1B2C3D4).putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(65535).putInt(1);
            out.write(header.array());
            final ByteBuffer record = ByteBuffer.allocate(16 + 60);
            for (int i = 0; i < FLOWS; i++)
            {
                record.clear();
                record.order(ByteOrder.LITTLE_ENDIAN).putInt(1_700_000_000 + i / 100_000).putInt(i % 100_000 * 10)
                    .putInt(60).putInt(60);
                record.order(ByteOrder.BIG_ENDIAN).put(new byte[12]).putShort((short)0x0800)
                    .put((byte)0x45).put((byte)0).putShort((short)46).putShort((short)0).putShort((short)0)
                    .put((byte)64).put((byte)17).putShort((short)0).putInt(0x0A000000 | (i >>> 16)).putInt(0x0A640001)
                    .putShort((short)(i & 0xFFFF)).putShort((short)53).putShort((short)26).putShort((short)0)
                    .put(new byte[18]);
                out.write(record.array());
            }
        }
    }

    @Test
    void sigtermFlushesTheIpfixFile() throws Exception
    {
        final Path capture = dir.resolve("many-flows.pcap");
        writeCapture(capture);
        final Path ipfix = dir.resolve("out.ipfix");
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final Process weir = new ProcessBuilder(java, "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-Xmx1g", "-cp", System.getProperty("java.class.path"), "io.weir.cli.Main", "-q",
            "-s", "cache;s=22", "-i", "pcap;file=" + capture, "-o", "ipfix;file=" + ipfix + ";stats=0")
            .redirectErrorStream(true).redirectOutput(dir.resolve("weir.log").toFile()).start();
        final long deadline = System.currentTimeMillis() + 30_000;
        while ((!Files.exists(ipfix) || Files.size(ipfix) == 0) && weir.isAlive()
            && System.currentTimeMillis() < deadline)
        {
            Thread.sleep(10);
        }
        Thread.sleep(300);
        assertTrue(weir.isAlive(), "weir is still running when the signal comes");
        weir.destroy();
        assertTrue(weir.waitFor(60, TimeUnit.SECONDS), "weir ends after SIGTERM");

        final Path decoded = dir.resolve("decoded.json");
        final Tools.Result decode = Tools.weir("decode", "--options", "-w", decoded.toString(), ipfix.toString());
        assertEquals(0, decode.exitCode(), "the file ends cleanly: " + decode.err() + Files.readString(dir.resolve("weir.log")));
        final String text = Files.readString(decoded);
        assertTrue(text.length() > 2, "records in " + Files.size(ipfix) + " bytes; " + decode.err()
            + Files.readString(dir.resolve("weir.log")));
        final String last = text.substring(text.lastIndexOf('{', text.length() - 2));
        assertTrue(last.startsWith("{\"exportingProcessId\""), "the file ends with the final statistics: " + last);
        assertTrue(decode.err().contains("2 options records"), decode.err());
        final long flows = Long.parseLong(decode.err().replaceAll("(?s).* (\\d+) flow records.*", "$1"));
        assertTrue(flows > 0 && flows < FLOWS, "stopped in the middle: " + flows + " of " + FLOWS + " flows");
    }
}
