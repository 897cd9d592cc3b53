package dev.lanes.nn;

import dev.lanes.base.Names;
import dev.lanes.base.Rng;
import dev.lanes.base.Signature;
import dev.lanes.base.Suggestions;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The Keras 3 weight initializers, with Keras defaults, fan rules and names.
 *
 * <p>Every initializer returned here is immutable and thread-safe; all randomness comes from the
 * {@link Rng} passed to {@link Initializer#fill}, drawn in row-major order, so a seed fixes the weights
 * on every JDK. Values are computed in double and rounded once to float.
 *
 * <p>Fans follow Keras's {@code compute_fans}: a 2-D shape {@code {rows, cols}} has fan_in = rows and
 * fan_out = cols; a 1-D shape has fan_in = fan_out = its length; a shape of rank 0 has fans of 1; a
 * shape of rank 3 or more (a convolution kernel) multiplies the last two dimensions by the product of the
 * others (the receptive field).
 *
 * <p>{@link Initializer#name()} is the Keras name, followed, when any argument differs from its Keras
 * default, by all the arguments: {@code glorot_uniform}, {@code constant(0.5)},
 * {@code variance_scaling(scale=2.0, mode=fan_in, distribution=truncated_normal)}.
 */
public final class Initializers {

    /**
     * The standard deviation of a standard normal truncated to [-2, 2]: Keras divides by it so that a
     * truncated variance-scaling draw has exactly the variance {@code scale / n}.
     */
    static final double TRUNCATED_STDDEV_RATIO = 0.87962566103423978;

    /** Keras's cut for truncated normals, in standard deviations. */
    private static final double TRUNCATION = 2.0;

    private static final double DEFAULT_MINVAL = -0.05;
    private static final double DEFAULT_MAXVAL = 0.05;
    private static final double DEFAULT_STDDEV = 0.05;

    /**
     * Every name {@link #fromKerasName} accepts, after normalisation: the Keras 3 snake_case names (also
     * reached from the class names, e.g. {@code GlorotUniform}) and the Keras 2 short aliases. Sorted,
     * so the list in error messages is easy to scan.
     */
    /** Keras' other names of an initializer: the Keras 2 short ones and the class spellings' snake case. */
    private static final Map<String, String> ALIASES = Map.of("uniform", "random_uniform", "normal", "random_normal",
            "zero", "zeros", "one", "ones", "identity_initializer", "identity", "orthogonal_initializer", "orthogonal");
    private static final NavigableMap<String, Supplier<Initializer>> BY_NAME = byName();
    private static final String KIND = "initializer";
    private static final Map<String, Signature> SIGNATURES = declare();

    private Initializers() {
    }

    /** {@code random_uniform}: U(-0.05, 0.05). */
    public static Initializer randomUniform() {
        return new RandomUniform(DEFAULT_MINVAL, DEFAULT_MAXVAL);
    }

    /**
     * {@code random_uniform(minval, maxval)}: uniform on [minval, maxval).
     *
     * @throws IllegalArgumentException when a bound is not finite or {@code maxval < minval}
     */
    public static Initializer randomUniform(double minval, double maxval) {
        finite("minval", minval);
        finite("maxval", maxval);
        if (maxval < minval) {
            throw new IllegalArgumentException(
                    "maxval must be >= minval (" + minval + ") but was " + maxval);
        }
        return new RandomUniform(minval, maxval);
    }

    /** {@code random_normal}: N(0, 0.05²). */
    public static Initializer randomNormal() {
        return new RandomNormal(0, DEFAULT_STDDEV);
    }

    /**
     * {@code random_normal(mean, stddev)}: normal with this mean and standard deviation.
     *
     * @throws IllegalArgumentException when {@code mean} is not finite or {@code stddev} is not a finite
     *                                  number {@code >= 0}
     */
    public static Initializer randomNormal(double mean, double stddev) {
        return new RandomNormal(finite("mean", mean), nonNegative("stddev", stddev));
    }

    /** {@code truncated_normal}: N(0, 0.05²), values beyond 2 standard deviations re-drawn. */
    public static Initializer truncatedNormal() {
        return new TruncatedNormal(0, DEFAULT_STDDEV);
    }

    /**
     * {@code truncated_normal(mean, stddev)}: normal with this mean and standard deviation, values more
     * than 2 standard deviations from the mean re-drawn (so the result has a smaller standard deviation,
     * about {@code 0.88 * stddev}).
     *
     * @throws IllegalArgumentException when {@code mean} is not finite or {@code stddev} is not a finite
     *                                  number {@code >= 0}
     */
    public static Initializer truncatedNormal(double mean, double stddev) {
        return new TruncatedNormal(finite("mean", mean), nonNegative("stddev", stddev));
    }

    /** {@code zeros}: every value 0. */
    public static Initializer zeros() {
        return new Constant(0f, "zeros");
    }

    /** {@code ones}: every value 1. */
    public static Initializer ones() {
        return new Constant(1f, "ones");
    }

    /**
     * {@code constant(value)}: every value {@code (float) value}.
     *
     * @throws IllegalArgumentException when {@code value} is not finite
     */
    public static Initializer constant(double value) {
        finite("value", value);
        return new Constant((float) value, value == 0 ? "constant" : "constant(" + value + ")");
    }

    /** {@code identity}: the identity matrix (ones on the main diagonal); 2-D shapes only. */
    public static Initializer identity() {
        return new Identity(1);
    }

    /**
     * {@code identity(gain)}: {@code gain} on the main diagonal, 0 elsewhere; 2-D shapes only, which may be
     * rectangular.
     *
     * @throws IllegalArgumentException when {@code gain} is not finite
     */
    public static Initializer identity(double gain) {
        return new Identity(finite("gain", gain));
    }

    /** {@code orthogonal}: a random orthogonal matrix; shapes of rank 2 or more. */
    public static Initializer orthogonal() {
        return new Orthogonal(1);
    }

    /**
     * {@code orthogonal(gain)}: {@code gain} times a random orthogonal matrix, as Keras makes it: QR of a
     * standard normal matrix of shape {@code (max(rows, cols), min(rows, cols))}, Q's columns multiplied
     * by the signs of R's diagonal (which makes Q uniformly distributed), transposed when rows &lt; cols.
     * For rank &gt; 2, rows is the product of all dimensions but the last. The result has orthonormal
     * columns (tall) or rows (wide), times {@code gain}.
     *
     * @throws IllegalArgumentException when {@code gain} is not finite
     */
    public static Initializer orthogonal(double gain) {
        return new Orthogonal(finite("gain", gain));
    }

    /** {@code variance_scaling}: scale 1, mode fan_in, truncated normal. */
    public static Initializer varianceScaling() {
        return new VarianceScaling(1, FanMode.FAN_IN, Distribution.TRUNCATED_NORMAL, null);
    }

    /**
     * {@code variance_scaling(scale, mode, distribution)}: values of variance {@code scale / n}, where n is
     * fan_in, fan_out or fan_avg = (fan_in + fan_out) / 2 per {@code mode} (at least 1, as in Keras).
     * {@code truncated_normal} draws N(0, s²) with s = sqrt(scale / n) / 0.87962566103423978 and re-draws
     * values beyond 2s; {@code untruncated_normal} draws N(0, scale / n); {@code uniform} draws
     * U(-limit, limit) with limit = sqrt(3 * scale / n).
     *
     * @param mode         {@code fan_in}, {@code fan_out} or {@code fan_avg}, in any case
     * @param distribution {@code truncated_normal}, {@code untruncated_normal} or {@code uniform}, in any
     *                     case; {@code normal} is accepted as Keras's alias of {@code truncated_normal}
     * @throws IllegalArgumentException when {@code scale} is not a finite number {@code > 0}, or
     *                                  {@code mode} or {@code distribution} is unknown
     * @throws NullPointerException     when {@code mode} or {@code distribution} is null
     */
    public static Initializer varianceScaling(double scale, String mode, String distribution) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number > 0 but was " + scale);
        }
        return new VarianceScaling(scale, FanMode.parse(mode), Distribution.parse(distribution), null);
    }

    /** {@code glorot_uniform}: U(-limit, limit) with limit = sqrt(6 / (fan_in + fan_out)). */
    public static Initializer glorotUniform() {
        return new VarianceScaling(1, FanMode.FAN_AVG, Distribution.UNIFORM, "glorot_uniform");
    }

    /** {@code glorot_normal}: variance scaling with scale 1, mode fan_avg, truncated normal. */
    public static Initializer glorotNormal() {
        return new VarianceScaling(1, FanMode.FAN_AVG, Distribution.TRUNCATED_NORMAL, "glorot_normal");
    }

    /** {@code lecun_uniform}: U(-limit, limit) with limit = sqrt(3 / fan_in). */
    public static Initializer lecunUniform() {
        return new VarianceScaling(1, FanMode.FAN_IN, Distribution.UNIFORM, "lecun_uniform");
    }

    /** {@code lecun_normal}: variance scaling with scale 1, mode fan_in, truncated normal. */
    public static Initializer lecunNormal() {
        return new VarianceScaling(1, FanMode.FAN_IN, Distribution.TRUNCATED_NORMAL, "lecun_normal");
    }

    /** {@code he_uniform}: U(-limit, limit) with limit = sqrt(6 / fan_in). */
    public static Initializer heUniform() {
        return new VarianceScaling(2, FanMode.FAN_IN, Distribution.UNIFORM, "he_uniform");
    }

    /** {@code he_normal}: variance scaling with scale 2, mode fan_in, truncated normal. */
    public static Initializer heNormal() {
        return new VarianceScaling(2, FanMode.FAN_IN, Distribution.TRUNCATED_NORMAL, "he_normal");
    }

    /**
     * The initializer a Keras model names, with Keras's default arguments.
     *
     * <p>Accepts the Keras 3 names ({@code glorot_uniform}, {@code random_normal}, ...), their class
     * spellings ({@code GlorotUniform}, {@code OrthogonalInitializer}) and the Keras 2 short aliases
     * ({@code uniform}, {@code normal}, {@code zero}, {@code one}), by the name rule of {@link Names}
     * (case and underscores aside). {@link #create} takes arguments; here {@code constant} is
     * {@code constant(0.0)}.
     *
     * @throws IllegalArgumentException for an unknown name; the message suggests the closest valid name
     *                                  and lists them all
     * @throws NullPointerException     when {@code name} is null
     */
    public static Initializer fromKerasName(String name) {
        Objects.requireNonNull(name, "name");
        return BY_NAME.get(Names.canonical(KIND, name, BY_NAME.keySet())).get();
    }

    /**
     * An initializer by name ({@link #fromKerasName}) with Keras' keyword arguments:
     * {@code random_uniform(minval, maxval)}, {@code random_normal(mean, stddev)},
     * {@code truncated_normal(mean, stddev)}, {@code constant(value)}, {@code identity(gain)},
     * {@code orthogonal(gain)}, {@code variance_scaling(scale, mode, distribution)}; the others take none.
     * Keras' {@code seed} is not taken: every fit seeds its initializers from the search's seed.
     *
     * @throws IllegalArgumentException for an unknown name, an argument the initializer does not take (with
     *                                  those it takes), or an invalid value
     */
    public static Initializer create(String name, Map<String, ?> args) {
        String written = Names.canonical(KIND, name, BY_NAME.keySet());
        String key = ALIASES.getOrDefault(written, written);
        KerasArguments a = new KerasArguments(KIND, SIGNATURES.get(key), args);
        return switch (key) {
            case "random_uniform" -> randomUniform(a.number("minval"), a.number("maxval"));
            case "random_normal" -> randomNormal(a.number("mean"), a.number("stddev"));
            case "truncated_normal" -> truncatedNormal(a.number("mean"), a.number("stddev"));
            case "constant" -> constant(a.number("value"));
            case "identity" -> identity(a.number("gain"));
            case "orthogonal" -> orthogonal(a.number("gain"));
            case "variance_scaling" -> varianceScaling(a.number("scale"), a.text("mode"), a.text("distribution"));
            default -> BY_NAME.get(key).get();
        };
    }

    /** Every initializer's signature: its Keras name and arguments with Keras' defaults (no seed), names sorted. */
    public static List<Signature> signatures() {
        return List.copyOf(SIGNATURES.values());
    }

    private static Map<String, Signature> declare() {
        Map<String, Signature> m = new TreeMap<>();
        for (String name : BY_NAME.keySet()) {
            if (!ALIASES.containsKey(name)) {
                m.put(name, Signature.of(name));
            }
        }
        m.put("random_uniform", Signature.of("random_uniform", "minval", DEFAULT_MINVAL, "maxval", DEFAULT_MAXVAL));
        m.put("random_normal", Signature.of("random_normal", "mean", 0.0, "stddev", DEFAULT_STDDEV));
        m.put("truncated_normal", Signature.of("truncated_normal", "mean", 0.0, "stddev", DEFAULT_STDDEV));
        m.put("constant", Signature.of("constant", "value", 0.0));
        m.put("identity", Signature.of("identity", "gain", 1.0));
        m.put("orthogonal", Signature.of("orthogonal", "gain", 1.0));
        m.put("variance_scaling", Signature.of("variance_scaling", "scale", 1.0, "mode", "fan_in",
                "distribution", "truncated_normal"));
        return Collections.unmodifiableMap(m);
    }

    private static NavigableMap<String, Supplier<Initializer>> byName() {
        NavigableMap<String, Supplier<Initializer>> m = new TreeMap<>();
        m.put("random_uniform", Initializers::randomUniform);
        m.put("random_normal", Initializers::randomNormal);
        m.put("truncated_normal", Initializers::truncatedNormal);
        m.put("zeros", Initializers::zeros);
        m.put("ones", Initializers::ones);
        m.put("constant", () -> constant(0));
        m.put("identity", Initializers::identity);
        m.put("orthogonal", Initializers::orthogonal);
        m.put("variance_scaling", Initializers::varianceScaling);
        m.put("glorot_uniform", Initializers::glorotUniform);
        m.put("glorot_normal", Initializers::glorotNormal);
        m.put("lecun_uniform", Initializers::lecunUniform);
        m.put("lecun_normal", Initializers::lecunNormal);
        m.put("he_uniform", Initializers::heUniform);
        m.put("he_normal", Initializers::heNormal);
        ALIASES.forEach((alias, name) -> m.put(alias, m.get(name)));
        return Collections.unmodifiableNavigableMap(m);
    }

    private static double finite(String argument, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(argument + " must be a finite number but was " + value);
        }
        return value;
    }

    private static double nonNegative(String argument, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(argument + " must be a finite number >= 0 but was " + value);
        }
        return value;
    }

    /**
     * Checks the arguments every {@link Initializer#fill} receives and returns the number of values to
     * write.
     */
    private static int checkedSize(float[] dst, int off, int[] shape) {
        Objects.requireNonNull(dst, "dst");
        Objects.requireNonNull(shape, "shape");
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(
                        "shape dimensions must be >= 0 but shape was " + Arrays.toString(shape));
            }
            // Saturate so the product cannot overflow a long before a later 0 dimension.
            size = Math.min(size * d, Integer.MAX_VALUE + 1L);
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " has more than Integer.MAX_VALUE values");
        }
        Objects.checkFromIndexSize(off, (int) size, dst.length);
        return (int) size;
    }

    /** A standard normal value conditioned on |z| &lt;= 2, by re-drawing as Keras does. */
    private static double truncatedGaussian(Rng rng) {
        double z;
        do {
            z = rng.nextGaussian();
        } while (Math.abs(z) > TRUNCATION);
        return z;
    }

    /** Keras's fan_in and fan_out of a shape (see the class comment). */
    private record Fans(double in, double out) {

        static Fans of(int[] shape) {
            int rank = shape.length;
            if (rank == 0) {
                return new Fans(1, 1);
            }
            if (rank == 1) {
                return new Fans(shape[0], shape[0]);
            }
            double receptiveField = 1;
            for (int i = 0; i < rank - 2; i++) {
                receptiveField *= shape[i];
            }
            return new Fans(shape[rank - 2] * receptiveField, shape[rank - 1] * receptiveField);
        }
    }

    /** Which fan variance scaling divides by. */
    private enum FanMode {
        FAN_IN, FAN_OUT, FAN_AVG;

        private static final List<String> NAMES = Stream.of(values()).map(FanMode::kerasName).toList();

        String kerasName() {
            return name().toLowerCase(Locale.ROOT);
        }

        double of(Fans fans) {
            return switch (this) {
                case FAN_IN -> fans.in();
                case FAN_OUT -> fans.out();
                case FAN_AVG -> (fans.in() + fans.out()) / 2;
            };
        }

        static FanMode parse(String mode) {
            Objects.requireNonNull(mode, "mode");
            for (FanMode m : values()) {
                if (m.kerasName().equalsIgnoreCase(mode.strip())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("mode must be one of " + String.join(", ", NAMES)
                    + " but was '" + mode + "'." + Suggestions.didYouMean(mode.strip(), NAMES));
        }
    }

    /** The distribution variance scaling draws from. */
    private enum Distribution {
        TRUNCATED_NORMAL, UNTRUNCATED_NORMAL, UNIFORM;

        private static final List<String> NAMES = Stream.of(values()).map(Distribution::kerasName).toList();

        String kerasName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Distribution parse(String distribution) {
            Objects.requireNonNull(distribution, "distribution");
            String d = distribution.strip();
            // Keras 3 still accepts its Keras 2 spelling.
            if (d.equalsIgnoreCase("normal")) {
                return TRUNCATED_NORMAL;
            }
            for (Distribution candidate : values()) {
                if (candidate.kerasName().equalsIgnoreCase(d)) {
                    return candidate;
                }
            }
            throw new IllegalArgumentException("distribution must be one of " + String.join(", ", NAMES)
                    + " (or normal, meaning truncated_normal) but was '" + distribution + "'."
                    + Suggestions.didYouMean(d, NAMES));
        }
    }

    /** zeros, ones and constant: one value everywhere. */
    private record Constant(float value, String name) implements Initializer {

        @Override
        public void fill(float[] dst, int off, int[] shape, Rng rng) {
            int size = checkedSize(dst, off, shape);
            Arrays.fill(dst, off, off + size, value);
        }
    }

    /** random_uniform: minval + (maxval - minval) * u. */
    private record RandomUniform(double minval, double maxval) implements Initializer {

        @Override
        public void fill(float[] dst, int off, int[] shape, Rng rng) {
            int size = checkedSize(dst, off, shape);
            double width = maxval - minval;
            for (int i = 0; i < size; i++) {
                dst[off + i] = (float) (minval + width * rng.nextDouble());
            }
        }

        @Override
        public String name() {
            return minval == DEFAULT_MINVAL && maxval == DEFAULT_MAXVAL
                    ? "random_uniform"
                    : "random_uniform(minval=" + minval + ", maxval=" + maxval + ")";
        }
    }

    /** random_normal: mean + stddev * z. */
    private record RandomNormal(double mean, double stddev) implements Initializer {

        @Override
        public void fill(float[] dst, int off, int[] shape, Rng rng) {
            int size = checkedSize(dst, off, shape);
            for (int i = 0; i < size; i++) {
                dst[off + i] = (float) (mean + stddev * rng.nextGaussian());
            }
        }

        @Override
        public String name() {
            return mean == 0 && stddev == DEFAULT_STDDEV
                    ? "random_normal"
                    : "random_normal(mean=" + mean + ", stddev=" + stddev + ")";
        }
    }

    /** truncated_normal: mean + stddev * z, z re-drawn until |z| &lt;= 2. */
    private record TruncatedNormal(double mean, double stddev) implements Initializer {

        @Override
        public void fill(float[] dst, int off, int[] shape, Rng rng) {
            int size = checkedSize(dst, off, shape);
            for (int i = 0; i < size; i++) {
                dst[off + i] = (float) (mean + stddev * truncatedGaussian(rng));
            }
        }

        @Override
        public String name() {
            return mean == 0 && stddev == DEFAULT_STDDEV
                    ? "truncated_normal"
                    : "truncated_normal(mean=" + mean + ", stddev=" + stddev + ")";
        }
    }

    /**
     * variance_scaling, and the Glorot, LeCun and He initializers, which are fixed instances of it with
     * their own names ({@code fixedName}, null for plain variance_scaling).
     */
    private record VarianceScaling(double scale, FanMode mode, Distribution distribution, String fixedName)
            implements Initializer {

        @Override
        public void fill(float[] dst, int off, int[] shape, Rng rng) {
            int size = checkedSize(dst, off, shape);
            if (size == 0) {
                return;
            }
            double variance = scale / Math.max(1.0, mode.of(Fans.of(shape)));
            switch (distribution) {
                case TRUNCATED_NORMAL -> {
                    double stddev = Math.sqrt(variance) / TRUNCATED_STDDEV_RATIO;
                    for (int i = 0; i < size; i++) {
                        dst[off + i] = (float) (stddev * truncatedGaussian(rng));
                    }
                }
                case UNTRUNCATED_NORMAL -> {
                    double stddev = Math.sqrt(variance);
                    for (int i = 0; i < size; i++) {
                        dst[off + i] = (float) (stddev * rng.nextGaussian());
                    }
                }
                case UNIFORM -> {
                    double limit = Math.sqrt(3 * variance);
                    for (int i = 0; i < size; i++) {
                        dst[off + i] = (float) (-limit + 2 * limit * rng.nextDouble());
                    }
                }
            }
        }

        @Override
        public String name() {
            if (fixedName != null) {
                return fixedName;
            }
            if (scale == 1 && mode == FanMode.FAN_IN && distribution == Distribution.TRUNCATED_NORMAL) {
                return "variance_scaling";
            }
            return "variance_scaling(scale=" + scale + ", mode=" + mode.kerasName()
                    + ", distribution=" + distribution.kerasName() + ")";
        }
    }

    /** identity: gain on the main diagonal of a 2-D, possibly rectangular, matrix. */
    private record Identity(double gain) implements Initializer {

        @Override
        public void fill(float[] dst, int off, int[] shape, Rng rng) {
            int size = checkedSize(dst, off, shape);
            if (shape.length != 2) {
                throw new IllegalArgumentException(
                        "identity needs a 2-D shape {rows, cols} but got " + Arrays.toString(shape));
            }
            int cols = shape[1];
            Arrays.fill(dst, off, off + size, 0f);
            for (int i = 0, n = Math.min(shape[0], cols); i < n; i++) {
                dst[off + i * cols + i] = (float) gain;
            }
        }

        @Override
        public String name() {
            return gain == 1 ? "identity" : "identity(gain=" + gain + ")";
        }
    }

    /** orthogonal: see {@link Initializers#orthogonal(double)}. */
    private record Orthogonal(double gain) implements Initializer {

        @Override
        public void fill(float[] dst, int off, int[] shape, Rng rng) {
            int size = checkedSize(dst, off, shape);
            if (shape.length < 2) {
                throw new IllegalArgumentException(
                        "orthogonal needs a shape of rank 2 or more but got " + Arrays.toString(shape));
            }
            if (size == 0) {
                return;
            }
            int cols = shape[shape.length - 1];
            int rows = size / cols;
            double[][] q = orthonormalColumns(Math.max(rows, cols), Math.min(rows, cols), rng);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    // q is stored by column: q[c][r] is Q(r, c); a wide result is Q transposed.
                    double v = rows >= cols ? q[j][i] : q[i][j];
                    dst[off + i * cols + j] = (float) (gain * v);
                }
            }
        }

        @Override
        public String name() {
            return gain == 1 ? "orthogonal" : "orthogonal(gain=" + gain + ")";
        }

        /**
         * The Q factor (m x n, m >= n, as n columns) of a standard normal m x n matrix drawn row by row,
         * with R's diagonal made positive. Householder reflections keep Q orthonormal to rounding even when
         * the random matrix is badly conditioned, where Gram-Schmidt would lose orthogonality.
         */
        private static double[][] orthonormalColumns(int m, int n, Rng rng) {
            double[][] a = new double[n][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    a[j][i] = rng.nextGaussian();
                }
            }
            double[][] reflectors = new double[n][];
            double[] rDiagonal = new double[n];
            for (int k = 0; k < n; k++) {
                double[] x = a[k];
                double norm = 0;
                for (int i = k; i < m; i++) {
                    norm += x[i] * x[i];
                }
                norm = Math.sqrt(norm);
                // Reflect x onto -sign(x_k) * |x| e_k: no cancellation when forming v = x - alpha e_k.
                double alpha = x[k] >= 0 ? -norm : norm;
                rDiagonal[k] = alpha;
                double[] v = new double[m];
                System.arraycopy(x, k, v, k, m - k);
                v[k] -= alpha;
                double vNorm = 0;
                for (int i = k; i < m; i++) {
                    vNorm += v[i] * v[i];
                }
                vNorm = Math.sqrt(vNorm);
                if (vNorm > 0) {
                    for (int i = k; i < m; i++) {
                        v[i] /= vNorm;
                    }
                }
                for (int j = k + 1; j < n; j++) {
                    reflect(v, a[j], k, m);
                }
                reflectors[k] = v;
            }
            // Q = H_0 H_1 ... H_{n-1} times the first n columns of I. H_k only touches rows >= k, so
            // column j of the product is still e_j until a reflector with k <= j is applied.
            double[][] q = new double[n][m];
            for (int j = 0; j < n; j++) {
                q[j][j] = 1;
            }
            for (int k = n - 1; k >= 0; k--) {
                for (int j = k; j < n; j++) {
                    reflect(reflectors[k], q[j], k, m);
                }
            }
            // Q * sign(diag(R)) is the Q of the QR with a positive diagonal, unique and Haar-distributed.
            for (int j = 0; j < n; j++) {
                if (rDiagonal[j] < 0) {
                    for (int i = 0; i < m; i++) {
                        q[j][i] = -q[j][i];
                    }
                }
            }
            return q;
        }

        /** y = (I - 2 v v^T) y on rows [k, m); v is a unit vector that is zero above row k. */
        private static void reflect(double[] v, double[] y, int k, int m) {
            double dot = 0;
            for (int i = k; i < m; i++) {
                dot += v[i] * y[i];
            }
            double twoDot = 2 * dot;
            for (int i = k; i < m; i++) {
                y[i] -= twoDot * v[i];
            }
        }
    }
}
