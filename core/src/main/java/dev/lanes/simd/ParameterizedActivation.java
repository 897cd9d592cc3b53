package dev.lanes.simd;

import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/** An activation at values of its arguments other than Keras' defaults; made by {@link Activation#with}. */
final class ParameterizedActivation implements ActivationFunction {

    private final Activation kind;
    private final double[] values;

    /** The values have been checked by {@link Activation#with}. */
    ParameterizedActivation(Activation kind, double[] values) {
        this.kind = kind;
        this.values = values.clone();
        for (int i = 0; i < this.values.length; i++) {
            this.values[i] += 0.0; // -0 is 0: equal functions compare equal
        }
    }

    @Override
    public Activation kind() {
        return kind;
    }

    @Override
    public double argument(int i) {
        return values[i];
    }

    @Override
    public String kerasForm() {
        List<Argument> arguments = kind.arguments();
        StringJoiner s = new StringJoiner(", ", kind.kerasName() + "(", ")");
        for (int i = 0; i < values.length; i++) {
            Argument a = arguments.get(i);
            if (a.kind() == Argument.Kind.REQUIRED || Double.compare(values[i] + 0.0, a.defaultValue() + 0.0) != 0) {
                s.add(a.name() + "=" + a.format(values[i]));
            }
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterizedActivation p && p.kind == kind && Arrays.equals(p.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return kerasForm();
    }
}
