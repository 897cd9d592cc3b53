package dev.lanes.nn;

import dev.lanes.base.InputColumn;
import dev.lanes.base.Scalers;
import dev.lanes.simd.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crafted model files: a valid header and a valid CRC-32 (a checksum anyone can compute) around counts
 * that lie. Each must give an IOException naming the file and the problem before anything is allocated,
 * never NegativeArraySizeException or OutOfMemoryError.
 */
class ModelFileTest {

    @TempDir
    static Path dir;

    /**
     * A saved 3-4-1 model with scalers for a numeric column a and a categorical column c (p, q), as bytes;
     * its layout is known, so counts can be patched in place.
     */
    private static byte[] valid() throws IOException {
        List<InputColumn> columns = List.of(InputColumn.numeric("a"), InputColumn.categorical("c", List.of("p", "q")));
        Model m = Sequential.input(3).dense(4, Activation.RELU).dropout(0.5).dense(1).build(1)
                .withScalers(new Scalers(columns, new float[3], new float[] {1, 1, 1}, new float[3], "y", 0, 1));
        Path file = dir.resolve("valid.lanes");
        m.save(file);
        return Files.readAllBytes(file);
    }

    /** The offset of the weight count: after the header, the two dense layers and the dropout layer. */
    private static int weightCountOffset(byte[] b) {
        int at = 8 + 4 + 4 + 4; // magic, version, inputs, layers
        for (int layer = 0; layer < 3; layer++) {
            byte type = b[at++];
            if (type == 1) {
                at += 4;
                for (int s = 0; s < 3; s++) {
                    at += 2 + ((b[at] & 0xff) << 8 | b[at + 1] & 0xff);
                }
                at += 16;
                for (int s = 0; s < 2; s++) { // the constraints
                    at += 2 + ((b[at] & 0xff) << 8 | b[at + 1] & 0xff);
                }
                at += 16; // the activity regularizer
            } else {
                at += 8;
            }
        }
        return at;
    }

    private static byte[] patchInt(byte[] b, int offset, int value) {
        byte[] out = b.clone();
        ByteBuffer.wrap(out).putInt(offset, value);
        return withChecksum(out);
    }

    /** The bytes with a correct CRC-32 in their last 8 bytes. */
    private static byte[] withChecksum(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 8);
        ByteBuffer.wrap(b).putLong(b.length - 8, crc.getValue());
        return b;
    }

    static Stream<Arguments> craftedFiles() throws IOException {
        byte[] v = valid();
        int weights = weightCountOffset(v);
        int scalerColumns = weights + 4 + 4 * 21 + 1;
        // Column a: name length, "a", kind; then column c: name length, "c", kind.
        int categoryKind = scalerColumns + 4 + 4 + 3;
        return Stream.of(
                Arguments.of("weights-minus-1", patchInt(v, weights, -1), "the weight count is -1 but the layers have 21"),
                Arguments.of("weights-huge", patchInt(v, weights, Integer.MAX_VALUE - 8), "the weight count is 2147483639"),
                Arguments.of("weights-one-more", patchInt(v, weights, 22), "the weight count is 22 but the layers have 21"),
                Arguments.of("inputs-minus-1", patchInt(v, 12, -1), "inputs is -1, not between 1 and 1048576"),
                Arguments.of("inputs-huge", patchInt(v, 12, Integer.MAX_VALUE), "inputs is 2147483647"),
                Arguments.of("layers-huge", patchInt(v, 16, Integer.MAX_VALUE), "the layer count 2147483647 is not between 0"),
                Arguments.of("layers-minus-1", patchInt(v, 16, -1), "the layer count -1"),
                Arguments.of("units-huge", patchInt(v, 21, 1 << 30), "layer 1's units is 1073741824"),
                Arguments.of("scaler-columns-minus-1", patchInt(v, scalerColumns, -1), "the scalers' column count -1"),
                Arguments.of("scaler-columns-huge", patchInt(v, scalerColumns, Integer.MAX_VALUE), "the scalers' column count 2147483647"),
                Arguments.of("scaler-columns-one", patchInt(v, scalerColumns, 1), "the scalers' columns make 1 inputs but the model has 3"),
                Arguments.of("column-kind-5", patchByte(v, categoryKind, (byte) 5), "the column 'c' has the unknown kind 5"),
                Arguments.of("categories-minus-1", patchInt(v, categoryKind + 1, -1), "the column 'c' has -1 categories"),
                Arguments.of("categories-huge", patchInt(v, categoryKind + 1, Integer.MAX_VALUE), "the column 'c' has 2147483647 categories"),
                Arguments.of("name-not-utf-8", patchByte(v, categoryKind - 1, (byte) 0xff), "holds a name that is not valid modified UTF-8"),
                Arguments.of("categories-three", patchInt(v, categoryKind + 1, 3), "has 3 categories; the inputs and bytes left allow at most 2"),
                Arguments.of("layer-type-7", patchByte(v, 20, (byte) 7), "layer 1 has the unknown type 7"),
                Arguments.of("scaler-flag-9", patchByte(v, scalerColumns - 1, (byte) 9), "the scalers' flag is 9"));
    }

    private static byte[] patchByte(byte[] b, int offset, byte value) {
        byte[] out = b.clone();
        out[offset] = value;
        return withChecksum(out);
    }

    /** Version 3 is version 4 without normalization layers: its files read, a normalization in one does not. */
    @Test
    void aVersion3FileIsReadWithoutNormalizations() throws IOException {
        Model plain = Sequential.input(2).dense(3, Activation.TANH).dense(1).build(4);
        Model back = Model.load(asVersion3(plain, "plain"));
        assertEquals(plain.spec(), back.spec());
        assertArrayEquals(plain.weights(), back.weights());
        Model normalized = Sequential.input(2).dense(3, Activation.TANH).batchNormalization().dense(1).build(4);
        Path file = asVersion3(normalized, "normalized");
        assertTrue(assertThrows(IOException.class, () -> Model.load(file)).getMessage().endsWith(
                "layer 2 has the unknown type 4 (1 = dense, 2 = dropout, 3 = gaussian_noise; version 3 has no others)"));
    }

    private static Path asVersion3(Model m, String name) throws IOException {
        Path file = dir.resolve(name + ".lanes");
        m.save(file);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt(8, 3);
        Files.write(file, withChecksum(bytes));
        return file;
    }

    /** Version 2 is version 3 without the constraints and the activity regularizer of each dense layer. */
    @Test
    void aVersion2FileIsReadWithoutConstraints() throws IOException {
        Model m = Sequential.input(2).dense(3, Activation.TANH).dense(1).build(4);
        Path file = dir.resolve("version-4.lanes");
        m.save(file);
        byte[] v3 = Files.readAllBytes(file);
        ByteArrayOutputStream v2 = new ByteArrayOutputStream();
        int at = 8 + 4 + 4 + 4; // magic, version, inputs, layers
        v2.write(v3, 0, at);
        for (int layer = 0; layer < 2; layer++) {
            int start = at;
            at += 1 + 4; // type, units
            for (int s = 0; s < 3; s++) {
                at += 2 + ((v3[at] & 0xff) << 8 | v3[at + 1] & 0xff);
            }
            at += 16;
            v2.write(v3, start, at - start);
            assertEquals(0, v3[at] | v3[at + 1] | v3[at + 2] | v3[at + 3], "no constraints: two empty strings");
            at += 4 + 16; // and the activity regularizer's two doubles
        }
        v2.write(v3, at, v3.length - at);
        byte[] bytes = v2.toByteArray();
        ByteBuffer.wrap(bytes).putInt(8, 2);
        Path old = dir.resolve("version-2.lanes");
        Files.write(old, withChecksum(bytes));
        Model back = Model.load(old);
        assertEquals(m.spec(), back.spec());
        assertArrayEquals(m.weights(), back.weights());
    }

    @Test
    void aVersion1FileIsReadWithItsInputsAsNumericColumns() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("LANES-NN".getBytes(StandardCharsets.US_ASCII));
        out.writeInt(1);
        out.writeInt(2);                      // inputs
        out.writeInt(1);                      // one dense layer of 1 unit
        out.writeByte(1);
        out.writeInt(1);
        out.writeUTF("linear");
        out.writeUTF("glorot_uniform");
        out.writeUTF("zeros");
        out.writeDouble(0);
        out.writeDouble(0);
        out.writeInt(3);                      // weights: kernel 2 x 1, bias 1
        for (float w : new float[] {2f, -1f, 0.5f}) {
            out.writeFloat(w);
        }
        out.writeByte(1);                     // scalers: per input its name, fill, scale, shift
        out.writeInt(2);
        for (String name : new String[] {"a", "c=p"}) {
            out.writeUTF(name);
            out.writeFloat(0f);
            out.writeFloat(1f);
            out.writeFloat(0f);
        }
        out.writeUTF("y");
        out.writeDouble(10);
        out.writeDouble(2);
        out.writeLong(0);
        Path file = dir.resolve("version-1.lanes");
        Files.write(file, withChecksum(bytes.toByteArray()));

        Model m = Model.load(file);
        Scalers scalers = m.scalers().orElseThrow();
        assertEquals(List.of(InputColumn.numeric("a"), InputColumn.numeric("c=p")), scalers.columns());
        // (2 * 3 - 1 * 1 + 0.5) * 2 + 10
        assertEquals(21f, m.predictRaw(List.of(Map.of("a", "3", "c=p", "1"))).get(0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("craftedFiles")
    void aCraftedFileGivesAnIOExceptionNamingTheFileAndTheProblem(String name, byte[] bytes, String problem) throws IOException {
        Path file = dir.resolve(name + ".lanes");
        Files.write(file, bytes);
        IOException e = assertThrows(IOException.class, () -> Model.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("craftedFiles")
    void theSameBytesCutShortAreTruncatedNotCrashes(String name, byte[] bytes, String problem) throws IOException {
        for (int keep : new int[] {bytes.length / 3, bytes.length / 2, bytes.length - 9}) {
            byte[] cut = Arrays.copyOf(bytes, keep + 8);
            Path file = dir.resolve(name + "-cut-" + keep + ".lanes");
            Files.write(file, withChecksum(cut));
            IOException e = assertThrows(IOException.class, () -> Model.load(file));
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        }
    }
}
