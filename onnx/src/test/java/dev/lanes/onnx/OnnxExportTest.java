package dev.lanes.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lanes.base.Matrix;
import dev.lanes.data.DataSpec;
import dev.lanes.data.Dataset;
import dev.lanes.data.Preprocessing;
import dev.lanes.data.Scaling;
import dev.lanes.nn.BatchNormalization;
import dev.lanes.nn.FitOptions;
import dev.lanes.nn.LayerNormalization;
import dev.lanes.nn.Model;
import dev.lanes.nn.Sequential;
import dev.lanes.simd.Activation;
import dev.lanes.simd.ActivationFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Exported models loaded and run in ONNX Runtime give what {@link Model#predictRaw(Matrix)} gives, for
 * raw features with a one-hot category and missing values, through every activation.
 */
class OnnxExportTest {

    @TempDir
    static Path dir;
    static Dataset data;
    static Preprocessing preprocessing;

    /** 200 rows: three numeric columns, a category of three values, and a target of about 10^5. */
    @BeforeAll
    static void data() throws IOException {
        Random rnd = new Random(11);
        StringBuilder csv = new StringBuilder("a,b,kind,c,price\n");
        String[] kinds = {"inland", "coast", "bay"};
        for (int i = 0; i < 200; i++) {
            double a = rnd.nextGaussian() * 3 + 10;
            double b = rnd.nextDouble() * 500;
            double c = rnd.nextGaussian();
            int k = rnd.nextInt(3);
            double price = 1e5 + 8e3 * a - 40 * b + 2e4 * k + 5e3 * c + 2e3 * rnd.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.4f,%.3f,%s,%.5f,%.1f%n", a, b, kinds[k], c, price));
        }
        Path file = dir.resolve("houses.csv");
        Files.writeString(file, csv);
        data = Dataset.load(file, DataSpec.target("price").categorical("kind"));
        preprocessing = Preprocessing.fit(data, allRows(), Scaling.STANDARD, Scaling.STANDARD);
    }

    /**
     * A trained network with activation {@code f} in both hidden layers, dropout between them and Gaussian
     * noise after the second (both the identity at inference).
     */
    private static Model trained(ActivationFunction f) {
        Model m = Sequential.input(data.features().cols()).dense(12, f).dropout(0.1).dense(6, f).gaussianNoise(0.05)
                .dense(1).build(7);
        Matrix x = preprocessing.features(data, allRows());
        Matrix y = preprocessing.target(data, allRows());
        m.fit(x, y, FitOptions.defaults().epochs(3).batchSize(32));
        return m.withScalers(preprocessing.toScalers(data));
    }

    private static int[] allRows() {
        int[] all = new int[data.rows()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    /** The data's raw features, with a few cells missing (NaN). */
    private static Matrix rawWithMissing() {
        float[] raw = data.features().toArray();
        int cols = data.features().cols();
        raw[0] = Float.NaN;
        raw[3 * cols + 1] = Float.NaN;
        raw[7 * cols + cols - 1] = Float.NaN;
        return Matrix.wrap(data.rows(), cols, raw);
    }

    /** Every activation, and those with arguments at other values than Keras' defaults. */
    static Stream<ActivationFunction> activations() {
        return Stream.concat(Arrays.stream(Activation.values()), Stream.of(Activation.relu(0.1, 4, 0.5),
                Activation.relu(0, Double.POSITIVE_INFINITY, -0.5), Activation.relu(0, 3, 0), Activation.leakyRelu(0.05),
                Activation.elu(0.5), Activation.celu(2), Activation.squareplus(1), Activation.softShrink(0.1),
                Activation.hardShrink(0.05), Activation.threshold(0.5, -1)));
    }

    @ParameterizedTest
    @MethodSource("activations")
    void runtimeGivesPredictRaw(ActivationFunction f) throws IOException, OrtException {
        assertRuntimeMatches(trained(f), f.kerasForm());
    }

    /** ONNX Runtime's predictions of the exported {@code model} are Lanes' {@code predictRaw}. */
    private static void assertRuntimeMatches(Model model, String what) throws IOException, OrtException {
        Path file = dir.resolve("model-" + what.replaceAll("[^a-z0-9.]+", "_") + ".onnx");
        OnnxExport.write(model, file);
        Matrix raw = rawWithMissing();
        float[] expected = model.predictRaw(raw).toArray();
        float[] actual = run(file, raw);
        assertEquals(expected.length, actual.length);
        double unit = model.scalers().orElseThrow().targetUnit();
        for (int i = 0; i < expected.length; i++) {
            // 1e-5 relative, or 1e-5 of the target's unit where a prediction is near 0
            double tolerance = 1e-5 * Math.max(Math.abs(expected[i]), unit);
            if (!(Math.abs(expected[i] - actual[i]) <= tolerance)) {
                fail(what + " row " + i + ": Lanes " + expected[i] + ", ONNX Runtime " + actual[i]);
            }
        }
    }

    /** Both normalizations, with and without gamma and beta, after a fit that moved the moving statistics. */
    static Stream<Sequential> normalized() {
        int in = data.features().cols();
        return Stream.of(
                Sequential.input(in).dense(12, Activation.RELU).batchNormalization().dropout(0.1).dense(6, Activation.TANH)
                        .batchNormalization().dense(1),
                Sequential.input(in).dense(12, Activation.ELU).layerNormalization().dense(6, Activation.RELU)
                        .add(new LayerNormalization(0.01, false, false)).gaussianNoise(0.05).dense(1),
                Sequential.input(in).dense(8, Activation.TANH).add(new BatchNormalization(0.5, 0.01, false, true))
                        .dense(4, Activation.SIGMOID).add(new BatchNormalization(0.9, 1e-3, true, false)).dense(1),
                Sequential.input(in).dense(8).batchNormalization().activation(Activation.RELU).dropout(0.1)
                        .dense(6).layerNormalization().activation(Activation.leakyRelu(0.1)).dense(1));
    }

    @ParameterizedTest
    @MethodSource("normalized")
    void runtimeGivesPredictRawOfNormalizedNetworks(Sequential spec) throws IOException, OrtException {
        Model m = spec.build(7);
        m.fit(preprocessing.features(data, allRows()), preprocessing.target(data, allRows()),
                FitOptions.defaults().epochs(3).batchSize(32));
        assertRuntimeMatches(m.withScalers(preprocessing.toScalers(data)), spec.toString());
    }

    @Test
    void metadataNamesTheFeaturesAndTheTarget() {
        OnnxMl.ModelProto proto = OnnxExport.toOnnx(trained(Activation.RELU));
        Map<String, String> meta = proto.getMetadataPropsList().stream()
                .collect(Collectors.toMap(OnnxMl.StringStringEntryProto::getKey, OnnxMl.StringStringEntryProto::getValue));
        assertEquals("price", meta.get("lanes.target"));
        assertEquals(String.join(",", preprocessing.toScalers(data).featureNames()), meta.get("lanes.features"));
        assertTrue(meta.get("lanes.features").contains("kind=coast"), meta.toString());
        assertEquals(OnnxExport.INPUT, proto.getGraph().getInput(0).getName());
        assertEquals(OnnxExport.OUTPUT, proto.getGraph().getOutput(0).getName());
    }

    @Test
    void aModelWithoutScalersIsRefused() {
        Model bare = Sequential.input(3).dense(2).build(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OnnxExport.toOnnx(bare));
        assertTrue(e.getMessage().contains("scalers"), e.getMessage());
    }

    private static float[] run(Path file, Matrix raw) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[][] rows = new float[raw.rows()][raw.cols()];
        float[] flat = raw.toArray();
        for (int r = 0; r < raw.rows(); r++) {
            System.arraycopy(flat, r * raw.cols(), rows[r], 0, raw.cols());
        }
        try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, rows);
             OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, input))) {
            float[][] out = (float[][]) result.get(0).getValue();
            float[] flatOut = new float[out.length * out[0].length];
            for (int r = 0; r < out.length; r++) {
                System.arraycopy(out[r], 0, flatOut, r * out[0].length, out[0].length);
            }
            return flatOut;
        }
    }
}
