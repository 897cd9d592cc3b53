package dev.lanes.nn;

import dev.lanes.base.Matrix;
import dev.lanes.base.Rng;
import dev.lanes.simd.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BatchNormalization and LayerNormalization: outputs against values worked out by hand from Keras'
 * formulas, the moving statistics, the gradient against finite differences of a double-precision
 * reference, the rules of where they go, and saving.
 */
class NormalizationTest {

    private static final float[] X = {1, 2, 3, 6, 5, 10};

    @TempDir
    Path dir;

    /** A width x width identity dense layer followed by {@code norm}, gamma and beta set. */
    private static Model identity(int width, Layer norm, float[] gamma, float[] beta) {
        Model m = Sequential.input(width).dense(width).add(norm).build(1);
        Arrays.fill(m.params, 0, width * (width + 1), 0f);
        for (int i = 0; i < width; i++) {
            m.params[i * width + i] = 1f;
        }
        System.arraycopy(gamma, 0, m.params, m.layout.gamma[0], width);
        System.arraycopy(beta, 0, m.params, m.layout.beta[0], width);
        return m;
    }

    /**
     * Columns (1, 3, 5) and (2, 6, 10): batch means 3 and 6, biased variances 8/3 and 32/3, so in training
     * {@code 2 (x - 3) / sqrt(8/3 + 0.001) + 0.5} and {@code (x - 6) / sqrt(32/3 + 0.001)}; then moving means
     * 0.01 * 3 and 0.01 * 6, moving variances 0.99 + 0.01 * 8/3 and 0.99 + 0.01 * 32/3, which predict uses.
     */
    @Test
    void batchNormalizationTrainsWithTheBatchAndPredictsWithTheMovingStatistics() {
        Model m = identity(2, BatchNormalization.defaults(), new float[] {2, 1}, new float[] {0.5f, 0});
        Passes passes = new Passes(m.layout, 3);
        System.arraycopy(X, 0, passes.a[0], 0, 6);
        passes.forward(m.params, 3, true, new Rng(1));
        assertClose(new double[] {-1.9490305925883638, -1.224687465512062, 0.5, 0, 2.9490305925883638, 1.224687465512062},
                passes.output(), 1e-6);
        assertClose(new double[] {0.03, 0.06}, Arrays.copyOfRange(m.params, m.layout.movingMean[0], m.layout.movingMean[0] + 2), 1e-7);
        assertClose(new double[] {1.0166666666666666, 1.0966666666666667},
                Arrays.copyOfRange(m.params, m.layout.movingVariance[0], m.layout.movingVariance[0] + 2), 1e-7);
        assertClose(new double[] {2.423087102192819, 1.8516823712528299, 6.388215147951209, 5.6695841676504175,
                10.353343193709598, 9.487485964048004}, m.predict(Matrix.wrap(3, 2, X)).toArray(), 1e-5);
    }

    /** Row (1, 2, 3, 6): mean 3, variance (4 + 1 + 0 + 9) / 4 = 3.5, in training and prediction alike. */
    @Test
    void layerNormalizationNormalizesEachRowOverItsUnits() {
        Model m = identity(4, LayerNormalization.defaults(), new float[] {1, 2, 1, 1}, new float[] {0, 0, 1, 0});
        double[] expected = {-1.0688922796581097, -1.0688922796581097, 1.0, 1.6033384194871645};
        float[] row = {1, 2, 3, 6};
        assertClose(expected, m.predict(Matrix.wrap(1, 4, row)).toArray(), 1e-6);
        Passes passes = new Passes(m.layout, 1);
        System.arraycopy(row, 0, passes.a[0], 0, 4);
        passes.forward(m.params, 1, true, new Rng(1));
        assertClose(expected, Arrays.copyOf(passes.output(), 4), 1e-6);
    }

    static List<Sequential> normalizedNetworks() {
        return List.of(
                Sequential.input(5).dense(7, Activation.TANH).batchNormalization().dense(4, Activation.ELU)
                        .layerNormalization().dense(2),
                Sequential.input(5).dense(6, Activation.SIGMOID).add(new BatchNormalization(0.9, 0.01, false, true))
                        .dense(3, Activation.TANH).add(new LayerNormalization(1e-3, true, false)).dense(2),
                Sequential.input(5).add(Dense.of(6, Activation.SOFTPLUS).activityRegularizer(0.05, 0.1))
                        .add(new BatchNormalization(0.99, 1e-3, true, false)).dense(2).add(new LayerNormalization(0.1, false, false)),
                Sequential.input(5).dense(4).batchNormalization().dropout(0).dense(2, Activation.TANH).batchNormalization(),
                Sequential.input(5).dense(8, Activation.GLU).batchNormalization().dense(4, Activation.GLU).layerNormalization(),
                // Keras' other order: Dense(units) -> BatchNormalization() -> Activation(f)
                Sequential.input(5).dense(6).batchNormalization().activation(Activation.TANH).dense(4)
                        .layerNormalization().activation(Activation.ELU).dropout(0).dense(2));
    }

    /** The backward pass through the batch statistics (training mode) against central finite differences. */
    @ParameterizedTest
    @MethodSource("normalizedNetworks")
    void backwardMatchesFiniteDifferences(Sequential spec) {
        NetworkGradientTest.assertGradientsMatch(spec, spec.toString());
    }

    /** A fitted normalized model saved and loaded predicts the same bits, moving statistics included. */
    @Test
    void savedAndLoadedPredictsTheSameBits() throws IOException {
        Sequential spec = Sequential.input(2).dense(8, Activation.RELU).add(BatchNormalization.defaults().momentum(0.5))
                .dropout(0.1).dense(4, Activation.TANH).add(new LayerNormalization(0.01, true, false)).dense(1);
        Model model = spec.build(5);
        Matrix[] data = ModelTest.linearData(6);
        model.fit(data[0], data[1], FitOptions.defaults().epochs(3).batchSize(16).seed(2));
        float[] moving = Arrays.copyOfRange(model.params, model.layout.movingMean[0], model.layout.movingVariance[0] + 8);
        assertTrue(moving[0] != 0 && moving[8] != 1, "training moved the statistics");
        Path file = dir.resolve("normalized.lanes");
        model.save(file);
        Model loaded = Model.load(file);
        assertEquals(spec, loaded.spec());
        assertEquals("input(2) -> dense(8, relu) -> batch_normalization(momentum=0.5) -> dropout(0.1) -> dense(4, tanh)"
                + " -> layer_normalization(epsilon=0.01, scale=false) -> dense(1, linear)", loaded.spec().toString());
        assertArrayEquals(model.weights(), loaded.weights());
        assertArrayEquals(model.predict(data[0]).toArray(), loaded.predict(data[0]).toArray());
        // kernels and biases, gamma and beta of the first normalization, beta of the second, moving statistics
        assertEquals(2 * 8 + 8 + 8 + 8 + 8 * 4 + 4 + 4 + 4 + 1 + 8 + 8, model.parameterCount());
    }

    /** Training with batch normalization learns, and is reproducible. */
    @Test
    void fitsAndRepeatsItself() {
        Sequential spec = Sequential.input(2).dense(16, Activation.TANH).batchNormalization().dense(1);
        Matrix[] data = ModelTest.linearData(7);
        FitOptions options = FitOptions.defaults().epochs(30).batchSize(32).seed(4);
        Model a = spec.build(1);
        History h = a.fit(data[0], data[1], options);
        Model b = spec.build(1);
        b.fit(data[0], data[1], options);
        assertArrayEquals(a.weights(), b.weights());
        double first = h.epochs().get(0).loss();
        double last = h.epochs().get(h.epochs().size() - 1).loss();
        assertTrue(last < 0.2 * first, "loss " + first + " -> " + last);
        assertTrue(a.evaluate(data[0], data[1], Metric.MSE).get(Metric.MSE) < 0.2 * first,
                "prediction with the moving statistics fits too");
    }

    /** Dense(units) -> BatchNormalization() -> Activation(relu): the activation applies to the normalized values. */
    @Test
    void anActivationLayerActsOnTheNormalizedValues() throws IOException {
        Model m = identity(2, BatchNormalization.defaults(), new float[] {2, 1}, new float[] {0.5f, 0});
        Model activated = new Model(Sequential.input(2).dense(2).batchNormalization().activation(Activation.RELU),
                m.params.clone());
        Passes passes = new Passes(activated.layout, 3);
        System.arraycopy(X, 0, passes.a[0], 0, 6);
        passes.forward(activated.params, 3, true, new Rng(1));
        assertClose(new double[] {0, 0, 0.5, 0, 2.9490305925883638, 1.224687465512062}, passes.output(), 1e-6);
        Path file = dir.resolve("activated.lanes");
        activated.save(file);
        assertEquals("input(2) -> dense(2, linear) -> batch_normalization -> activation(relu)",
                Model.load(file).spec().toString());
        assertEquals("An Activation layer must follow a normalization (elsewhere give the activation to the dense layer:"
                + " dense(units, activation))", assertThrows(IllegalArgumentException.class,
                () -> Sequential.input(2).dense(2).activation(Activation.RELU)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ActivationLayer(Activation.GLU))
                .getMessage().contains("halves it"));
    }

    @Test
    void normalizationFollowsADenseLayerDirectly() {
        assertEquals("BatchNormalization must follow a dense layer directly (it normalizes that layer's output, before"
                + " its dropout or noise)", assertThrows(IllegalArgumentException.class,
                () -> Sequential.input(3).batchNormalization()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sequential.input(3).dense(2).dropout(0.1).layerNormalization());
        assertThrows(IllegalArgumentException.class, () -> Sequential.input(3).dense(2).layerNormalization().batchNormalization());
        assertThrows(IllegalArgumentException.class, () -> Sequential.input(3).dense(2).batchNormalization().dropout(0.1).dropout(0.1));
    }

    @Test
    void kerasNamesArgumentsAndRanges() {
        assertEquals(new BatchNormalization(0.9, 1e-3, true, false),
                Normalizations.parse("BatchNormalization(momentum=0.9, scale=False)"));
        assertEquals(LayerNormalization.defaults(), Normalizations.create("layer_normalization", Map.of()));
        assertEquals("batch_normalization", BatchNormalization.defaults().kerasForm());
        assertEquals("Unknown normalization layer 'batch_normalisation'. Did you mean 'batch_normalization'? Valid names: "
                        + "batch_normalization, layer_normalization",
                assertThrows(IllegalArgumentException.class, () -> Normalizations.parse("batch_normalisation")).getMessage());
        assertEquals("Invalid value for argument 'momentum' of normalization layer 'batch_normalization': 1.5. Valid range: [0, 1]",
                assertThrows(IllegalArgumentException.class, () -> Normalizations.parse("batch_normalization(momentum=1.5)")).getMessage());
        assertEquals("Invalid value for argument 'epsilon' of normalization layer 'layer_normalization': 0.0. Valid range: (0, inf)",
                assertThrows(IllegalArgumentException.class, () -> Normalizations.parse("layer_normalization(epsilon=0)")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Normalizations.parse("layer_normalization(momentum=0.9)"))
                .getMessage().contains("momentum"));
    }

    private static void assertClose(double[] expected, float[] actual, double tolerance) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance * Math.max(1, Math.abs(expected[i])), "element " + i);
        }
    }
}
