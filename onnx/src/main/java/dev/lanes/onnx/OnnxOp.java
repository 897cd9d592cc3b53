package dev.lanes.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;
import org.tribuo.util.onnx.ONNXOperators;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The ONNX operators an exported network needs that Tribuo's {@link ONNXOperators} does not declare,
 * all of the default domain at Tribuo's opset ({@link ONNXOperators#getOpsetVersion()}, 13).
 */
enum OnnxOp implements ONNXOperator {
    MAT_MUL("MatMul", 2, 0),
    RELU("Relu", 1, 0),
    TANH("Tanh", 1, 0),
    EXP("Exp", 1, 0),
    ERF("Erf", 1, 0),
    SQRT("Sqrt", 1, 0),
    SOFTPLUS("Softplus", 1, 0),
    SOFTSIGN("Softsign", 1, 0),
    IS_NAN("IsNaN", 1, 0),
    /** Over the last axis, ONNX's default. */
    LOG_SOFTMAX("LogSoftmax", 1, 0),
    /** Inputs data, starts, ends and axes (and steps, not used). */
    SLICE("Slice", 4, 1),
    /** Inputs x, min and max. */
    CLIP("Clip", 1, 2),
    CELU("Celu", 1, 0, "alpha"),
    ELU("Elu", 1, 0, "alpha"),
    LEAKY_RELU("LeakyRelu", 1, 0, "alpha"),
    SELU("Selu", 1, 0, "alpha", "gamma"),
    HARD_SIGMOID("HardSigmoid", 1, 0, "alpha", "beta"),
    SHRINK("Shrink", 1, 0, "bias", "lambd");

    private final String opName;
    private final int inputs;
    private final int optionalInputs;
    private final Map<String, ONNXAttribute> attributes = new LinkedHashMap<>();

    OnnxOp(String opName, int inputs, int optionalInputs, String... floatAttributes) {
        this.opName = opName;
        this.inputs = inputs;
        this.optionalInputs = optionalInputs;
        for (String a : floatAttributes) {
            attributes.put(a, new ONNXAttribute(a, AttributeType.FLOAT, true));
        }
    }

    @Override
    public String getOpName() {
        return opName;
    }

    @Override
    public int getNumInputs() {
        return inputs;
    }

    @Override
    public int getNumOptionalInputs() {
        return optionalInputs;
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public Map<String, ONNXAttribute> getAttributes() {
        return attributes;
    }

    @Override
    public Set<String> getMandatoryAttributeNames() {
        return attributes.keySet();
    }

    @Override
    public int getOpVersion() {
        return ONNXOperators.getOpsetVersion();
    }

    /** The default domain, as Tribuo gives its own standard operators. */
    @Override
    public String getOpDomain() {
        return ONNXOperators.ADD.getOpDomain();
    }
}
