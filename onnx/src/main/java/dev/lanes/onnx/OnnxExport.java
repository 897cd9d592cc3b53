package dev.lanes.onnx;

import ai.onnx.proto.OnnxMl;
import dev.lanes.base.Scalers;
import dev.lanes.nn.ActivationLayer;
import dev.lanes.nn.BatchNormalization;
import dev.lanes.nn.Dense;
import dev.lanes.nn.Layer;
import dev.lanes.nn.Model;
import dev.lanes.nn.Normalization;
import dev.lanes.simd.ActivationFunction;
import dev.lanes.simd.internal.ActivationMath;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A trained model as an ONNX graph (opset 13) that takes raw features and gives the target in its own
 * units, so that a service in any language runs it with ONNX Runtime:
 * <ul>
 *   <li>input {@value #INPUT}: float32 {@code [rows, features]}, the features of
 *       {@link Scalers#featureNames()} in that order (a category is one column per category, 1 or 0, as
 *       {@code Dataset.features()} has them); a missing value is NaN;</li>
 *   <li>missing values take the scalers' fill value, then each feature {@code v * scale + shift};</li>
 *   <li>each dense layer {@code MatMul} and {@code Add} of its kernel and bias, then its activation in
 *       ONNX operators (dropout and Gaussian noise are the identity at inference);</li>
 *   <li>a batch normalization {@code Mul} and {@code Add} of constants made from its moving statistics,
 *       gamma and beta; a layer normalization {@code ReduceMean}, {@code Sub}, {@code Div} and
 *       {@code Sqrt} over each row, then gamma and beta; an activation layer after it as a dense layer's
 *       activation;</li>
 *   <li>output {@value #OUTPUT}: float32 {@code [rows, outputs]}, {@code output * unit + origin}, what
 *       {@link Model#predictRaw(dev.lanes.base.Matrix)} gives.</li>
 * </ul>
 * The feature names and the target's name are in the model's metadata ({@code lanes.features},
 * {@code lanes.target}). Every activation and layer Lanes has can be exported.
 */
public final class OnnxExport {

    /** Name of the graph's input. */
    public static final String INPUT = "features";
    /** Name of the graph's output. */
    public static final String OUTPUT = "prediction";
    /** ONNX's IR version 7, the one of opset 13. */
    private static final long IR_VERSION = 7;

    private OnnxExport() {
    }

    /**
     * Writes {@code model} as an ONNX file.
     *
     * @throws IllegalArgumentException when the model has no scalers ({@link Model#withScalers})
     * @throws IOException              when the file cannot be written
     */
    public static void write(Model model, Path file) throws IOException {
        OnnxMl.ModelProto proto = toOnnx(model);
        try (OutputStream out = Files.newOutputStream(file)) {
            proto.writeTo(out);
        }
    }

    /**
     * The ONNX model of {@code model}.
     *
     * @throws IllegalArgumentException when the model has no scalers ({@link Model#withScalers})
     */
    public static OnnxMl.ModelProto toOnnx(Model model) {
        Scalers scalers = model.scalers().orElseThrow(() -> new IllegalArgumentException(
                "ONNX export needs the model's scalers (Model.withScalers): the graph takes raw features"));
        Graph g = new Graph();
        int features = scalers.fill().length;
        ONNXPlaceholder input = g.ctx.floatInput(INPUT, features);
        ONNXRef<?> missing = input.apply(OnnxOp.IS_NAN);
        ONNXRef<?> h = missing.apply(ONNXOperators.WHERE, List.of(g.ctx.array("fill", scalers.fill()), input))
                .apply(ONNXOperators.MUL, g.ctx.array("scale", scalers.scale()))
                .apply(ONNXOperators.ADD, g.ctx.array("shift", scalers.shift()));
        float[] weights = model.weights();
        // Model.weights(): the dense layers' kernels and biases with their normalizations' gamma and beta
        // in layer order, then the batch normalizations' moving means and variances
        int offset = 0;
        int moving = weights.length;
        int width = features;
        for (Layer l : model.spec().layers()) {
            width = l instanceof Dense d ? d.outputWidth() : width;
            moving -= l instanceof BatchNormalization ? 2 * width : 0;
        }
        int in = features;
        int layer = 0;
        for (Layer l : model.spec().layers()) {
            if (l instanceof Normalization n) {
                float[] gamma = n.scale() ? Arrays.copyOfRange(weights, offset, offset += in) : null;
                float[] beta = n.center() ? Arrays.copyOfRange(weights, offset, offset += in) : null;
                if (n instanceof BatchNormalization) {
                    float[] mean = Arrays.copyOfRange(weights, moving, moving += in);
                    float[] variance = Arrays.copyOfRange(weights, moving, moving += in);
                    h = g.batchNormalization(h, (float) n.epsilon(), gamma, beta, mean, variance, layer - 1);
                } else {
                    h = g.layerNormalization(h, (float) n.epsilon(), gamma, beta, layer - 1);
                }
            }
            if (l instanceof ActivationLayer a) {
                h = g.activation(a.activation(), h, in);
            }
            if (!(l instanceof Dense)) {
                continue;
            }
            Dense d = (Dense) l;
            int out = d.units();
            int kernelAt = offset;
            int n = in;
            h = h.apply(OnnxOp.MAT_MUL, g.ctx.floatTensor("dense_" + layer + "_kernel", List.of(n, out),
                    b -> b.put(weights, kernelAt, n * out)));
            offset += in * out;
            float[] bias = new float[out];
            System.arraycopy(weights, offset, bias, 0, out);
            offset += out;
            h = g.activation(d.activation(), h.apply(ONNXOperators.ADD, g.ctx.array("dense_" + layer + "_bias", bias)), out);
            in = d.outputWidth();
            layer++;
        }
        h = h.apply(ONNXOperators.MUL, g.ctx.constant("target_unit", (float) scalers.targetUnit()))
                .apply(ONNXOperators.ADD, g.ctx.constant("target_origin", (float) scalers.targetOrigin()));
        h.assignTo(g.ctx.floatOutput(OUTPUT, in));
        g.ctx.setName("lanes");
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(ONNXOperators.getOpsetProto())
                .setProducerName("Lanes")
                .setGraph(g.ctx.buildGraph())
                .addMetadataProps(property("lanes.features", String.join(",", scalers.featureNames())))
                .addMetadataProps(property("lanes.target", scalers.targetName()))
                .build();
    }

    private static OnnxMl.StringStringEntryProto property(String key, String value) {
        return OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    /** The graph being built, with a counter that keeps the names of its constants distinct. */
    private static final class Graph {
        final ONNXContext ctx = new ONNXContext();
        private int constants;

        ONNXRef<?> constant(float value) {
            return ctx.constant("c" + constants++, value);
        }

        /**
         * {@code f(h)} in ONNX operators, with the constants of Lanes' own kernels and f's arguments; h has
         * {@code units} columns.
         */
        ONNXRef<?> activation(ActivationFunction f, ONNXRef<?> h, int units) {
            switch (f.kind()) {
                case LINEAR: return h;
                case RELU: return relu(h, argument(f, 0), argument(f, 1), argument(f, 2));
                case LEAKY_RELU: return h.apply(OnnxOp.LEAKY_RELU, Map.of("alpha", argument(f, 0)));
                case RELU6: return clip(h, 0f, 6f);
                case ELU: return h.apply(OnnxOp.ELU, Map.of("alpha", argument(f, 0)));
                case CELU: return h.apply(OnnxOp.CELU, Map.of("alpha", argument(f, 0)));
                case SELU: return h.apply(OnnxOp.SELU, Map.of("alpha", (float) ActivationMath.SELU_ALPHA, "gamma", (float) ActivationMath.SELU_SCALE));
                case SIGMOID: return h.apply(ONNXOperators.SIGMOID);
                case TANH: return h.apply(OnnxOp.TANH);
                case SOFTPLUS: return h.apply(OnnxOp.SOFTPLUS);
                case SOFTSIGN: return h.apply(OnnxOp.SOFTSIGN);
                case SILU: return h.apply(ONNXOperators.MUL, h.apply(ONNXOperators.SIGMOID));
                case GELU: {
                    // 0.5 x (1 + erf(x / sqrt 2))
                    ONNXRef<?> erf = h.apply(ONNXOperators.MUL, constant((float) ActivationMath.INV_SQRT2)).apply(OnnxOp.ERF);
                    return half(h).apply(ONNXOperators.MUL, erf.apply(ONNXOperators.ADD, constant(1f)));
                }
                case GELU_TANH: {
                    // 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
                    ONNXRef<?> cube = h.apply(ONNXOperators.MUL, h).apply(ONNXOperators.MUL, h);
                    ONNXRef<?> u = cube.apply(ONNXOperators.MUL, constant((float) ActivationMath.GELU_TANH_K)).apply(ONNXOperators.ADD, h)
                            .apply(ONNXOperators.MUL, constant((float) ActivationMath.GELU_TANH_C));
                    return half(h).apply(ONNXOperators.MUL, u.apply(OnnxOp.TANH).apply(ONNXOperators.ADD, constant(1f)));
                }
                case MISH: return h.apply(ONNXOperators.MUL, h.apply(OnnxOp.SOFTPLUS).apply(OnnxOp.TANH));
                case EXPONENTIAL: return h.apply(OnnxOp.EXP);
                case HARD_SIGMOID: return hardSigmoid(h);
                case HARD_SILU: return h.apply(ONNXOperators.MUL, hardSigmoid(h));
                case LOG_SIGMOID: return h.apply(ONNXOperators.NEG).apply(OnnxOp.SOFTPLUS).apply(ONNXOperators.NEG);
                case HARD_TANH: return clip(h, -1f, 1f);
                case TANH_SHRINK: return h.apply(ONNXOperators.SUB, h.apply(OnnxOp.TANH));
                case SQUAREPLUS: {
                    ONNXRef<?> root = h.apply(ONNXOperators.MUL, h).apply(ONNXOperators.ADD, constant(argument(f, 0))).apply(OnnxOp.SQRT);
                    return half(h.apply(ONNXOperators.ADD, root));
                }
                case SOFT_SHRINK: return h.apply(OnnxOp.SHRINK, Map.of("bias", argument(f, 0), "lambd", argument(f, 0)));
                case HARD_SHRINK: return h.apply(OnnxOp.SHRINK, Map.of("bias", 0f, "lambd", argument(f, 0)));
                case SPARSE_PLUS: {
                    ONNXRef<?> plusOne = h.apply(ONNXOperators.ADD, constant(1f));
                    ONNXRef<?> middle = plusOne.apply(ONNXOperators.MUL, plusOne).apply(ONNXOperators.MUL, constant(0.25f));
                    ONNXRef<?> upper = h.apply(ONNXOperators.GREATER_OR_EQUAL, constant(1f))
                            .apply(ONNXOperators.WHERE, List.of(h, middle));
                    return h.apply(ONNXOperators.LESS_OR_EQUAL, constant(-1f))
                            .apply(ONNXOperators.WHERE, List.of(constant(0f), upper));
                }
                case SPARSE_SIGMOID: return clip(half(h.apply(ONNXOperators.ADD, constant(1f))), 0f, 1f);
                case SOFTMAX: return h.apply(ONNXOperators.SOFTMAX, Map.of("axis", -1));
                case LOG_SOFTMAX: return h.apply(OnnxOp.LOG_SOFTMAX);
                case THRESHOLD: return h.apply(ONNXOperators.LESS_OR_EQUAL, constant(argument(f, 0)))
                        .apply(ONNXOperators.WHERE, List.of(constant(argument(f, 1)), h));
                case SPARSEMAX: return sparsemax(h);
                case GLU: {
                    ONNXRef<?> gate = columns(h, units / 2, units).apply(ONNXOperators.SIGMOID);
                    return columns(h, 0, units / 2).apply(ONNXOperators.MUL, gate);
                }
                default: throw new AssertionError(f);
            }
        }

        /**
         * Batch normalization at inference, as Lanes computes it: {@code x * s + t} with
         * {@code s = gamma / sqrt(moving_variance + epsilon)} and {@code t = beta - moving_mean * s}, both
         * constants, so ONNX Runtime computes the same floats.
         */
        ONNXRef<?> batchNormalization(ONNXRef<?> h, float epsilon, float[] gamma, float[] beta, float[] mean,
                                      float[] variance, int layer) {
            float[] s = new float[mean.length];
            float[] t = new float[mean.length];
            for (int j = 0; j < s.length; j++) {
                float inverse = (float) (1 / Math.sqrt(variance[j] + epsilon));
                s[j] = gamma == null ? inverse : inverse * gamma[j];
                t[j] = -mean[j] * s[j] + (beta == null ? 0f : beta[j]);
            }
            return h.apply(ONNXOperators.MUL, ctx.array("batch_normalization_" + layer + "_scale", s))
                    .apply(ONNXOperators.ADD, ctx.array("batch_normalization_" + layer + "_shift", t));
        }

        /**
         * Layer normalization over the last axis (ONNX's LayerNormalization operator needs opset 17):
         * {@code (x - mean) / sqrt(var + epsilon) * gamma + beta}, mean and biased variance per row.
         */
        ONNXRef<?> layerNormalization(ONNXRef<?> h, float epsilon, float[] gamma, float[] beta, int layer) {
            Map<String, Object> lastAxis = Map.of("axes", new int[] {-1}, "keepdims", 1);
            ONNXRef<?> centered = h.apply(ONNXOperators.SUB, h.apply(ONNXOperators.REDUCE_MEAN, lastAxis));
            ONNXRef<?> variance = centered.apply(ONNXOperators.MUL, centered).apply(ONNXOperators.REDUCE_MEAN, lastAxis);
            ONNXRef<?> y = centered.apply(ONNXOperators.DIV, variance.apply(ONNXOperators.ADD, constant(epsilon)).apply(OnnxOp.SQRT));
            if (gamma != null) {
                y = y.apply(ONNXOperators.MUL, ctx.array("layer_normalization_" + layer + "_gamma", gamma));
            }
            return beta == null ? y : y.apply(ONNXOperators.ADD, ctx.array("layer_normalization_" + layer + "_beta", beta));
        }

        /**
         * Sparsemax without a sort (ONNX has no such operator, and sorting needs TopK's two outputs): for
         * each x_i of a row, {@code k_i} values are {@code >= x_i} and they sum to {@code s_i}; x_i is in
         * the support when {@code 1 + k_i x_i > s_i}, which is the sorted form's test at x_i's last rank;
         * then {@code tau = (sum over the support - 1) / its size} and {@code relu(x - tau)}.
         */
        private ONNXRef<?> sparsemax(ONNXRef<?> h) {
            ONNXRef<?> column = h.apply(ONNXOperators.UNSQUEEZE, axes(2));
            ONNXRef<?> row = h.apply(ONNXOperators.UNSQUEEZE, axes(1));
            ONNXRef<?> atLeast = row.apply(ONNXOperators.GREATER_OR_EQUAL, column).apply(ONNXOperators.WHERE,
                    List.of(constant(1f), constant(0f)));
            Map<String, Object> squeeze = Map.of("keepdims", 0);
            ONNXRef<?> ranks = atLeast.apply(ONNXOperators.REDUCE_SUM, axes(2), squeeze);
            ONNXRef<?> sums = atLeast.apply(ONNXOperators.MUL, row).apply(ONNXOperators.REDUCE_SUM, axes(2), squeeze);
            ONNXRef<?> support = ranks.apply(ONNXOperators.MUL, h).apply(ONNXOperators.ADD, constant(1f))
                    .apply(ONNXOperators.GREATER, sums).apply(ONNXOperators.WHERE, List.of(constant(1f), constant(0f)));
            Map<String, Object> keep = Map.of("keepdims", 1);
            ONNXRef<?> size = support.apply(ONNXOperators.REDUCE_SUM, axes(1), keep);
            ONNXRef<?> tau = support.apply(ONNXOperators.MUL, h).apply(ONNXOperators.REDUCE_SUM, axes(1), keep)
                    .apply(ONNXOperators.SUB, constant(1f)).apply(ONNXOperators.DIV, size);
            return h.apply(ONNXOperators.SUB, tau).apply(OnnxOp.RELU);
        }

        /** Columns {@code [from, to)} of h. */
        private ONNXRef<?> columns(ONNXRef<?> h, int from, int to) {
            return h.apply(OnnxOp.SLICE, List.of(ctx.array("c" + constants++, new long[] {from}),
                    ctx.array("c" + constants++, new long[] {to}), axes(1)));
        }

        /** The axes input of Unsqueeze, ReduceSum and Slice (opset 13 takes them as a tensor). */
        private ONNXRef<?> axes(long axis) {
            return ctx.array("c" + constants++, new long[] {axis});
        }

        /** Argument i of f as a float, the type of the tensors (as Keras casts it). */
        private static float argument(ActivationFunction f, int i) {
            return (float) f.argument(i);
        }

        /**
         * Keras' relu: {@code x * (x > t)} (written {@code x <= t ? 0 : x}, which keeps NaN), clipped to {@code [0, m]} unless m is None (infinite), minus
         * {@code s * relu(t - x)}; at the defaults the plain Relu.
         */
        private ONNXRef<?> relu(ONNXRef<?> h, float s, float m, float t) {
            ONNXRef<?> y = t == 0 ? h.apply(OnnxOp.RELU)
                    : h.apply(ONNXOperators.LESS_OR_EQUAL, constant(t)).apply(ONNXOperators.WHERE, List.of(constant(0f), h));
            if (m != Float.POSITIVE_INFINITY) {
                y = clip(y, 0f, m);
            }
            if (s == 0) {
                return y;
            }
            ONNXRef<?> below = constant(t).apply(ONNXOperators.SUB, h).apply(OnnxOp.RELU);
            return y.apply(ONNXOperators.SUB, below.apply(ONNXOperators.MUL, constant(s)));
        }

        private ONNXRef<?> half(ONNXRef<?> h) {
            return h.apply(ONNXOperators.MUL, constant(0.5f));
        }

        /** Keras 3's hard_sigmoid, relu6(x + 3) / 6. */
        private ONNXRef<?> hardSigmoid(ONNXRef<?> h) {
            return h.apply(OnnxOp.HARD_SIGMOID, Map.of("alpha", 1f / 6f, "beta", 0.5f));
        }

        private ONNXRef<?> clip(ONNXRef<?> h, float min, float max) {
            return h.apply(OnnxOp.CLIP, List.of(constant(min), constant(max)));
        }
    }
}
