package dev.lanes.nn;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any model file loads or gives an {@link IOException} whose message names the file. The fuzzer writes the body: the
 * harness puts the magic and version in front and a valid CRC-32 behind, as a crafted file would have,
 * so that mutations reach the counts instead of failing the checksum. The stored inputs (valid models'
 * bodies and every input that ever failed) run in every build.
 */
class ModelFileFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void anyBodyWithAValidChecksumLoadsOrIsRefused(byte[] body) throws IOException {
        Path file = Files.createTempFile("lanes-fuzz", ".lanes");
        try {
            Files.write(file, withHeaderAndChecksum(body));
            try {
                Model.load(file);
            } catch (IOException e) {
                assertTrue(e.getMessage() != null && e.getMessage().contains(file.toString()),
                        "an IOException that does not name the file: " + e.getMessage());
            }
        } finally {
            Files.delete(file);
        }
    }

    /** The file a body makes: {@code LANES-NN}, the format version, the body, its CRC-32. */
    static byte[] withHeaderAndChecksum(byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("LANES-NN".getBytes(StandardCharsets.US_ASCII));
        out.writeInt(ModelFile.VERSION);
        out.write(body);
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        return bytes.toByteArray();
    }
}
