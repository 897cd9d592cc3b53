package dev.lanes.nn;

import dev.lanes.base.Rng;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The optimizers against Keras 3's update formulas, re-derived here in double precision independently of
 * the implementation (each reference quotes its formula), plus the shared options, the factories and a
 * convergence sanity check.
 */
class OptimizersTest {

    private static final long[] SEEDS = {1, 2, 3, 42, 2024};
    /** Step k's gradients are scaled by SCALES[k]: a shrinking second step makes amsgrad's max matter. */
    private static final double[] SCALES = {1.0, 0.2, 1.5};
    private static final int[] OFFSETS = {0, 3};
    private static final int[] SIZES = {3, 2};
    private static final int N = 5;

    /** One hand-written Keras update of all of w in double; keeps its own moments. */
    interface Reference {
        void step(double[] w, double[] g, long iteration, double lr);
    }

    // ---- References, one per Keras update rule -------------------------------------------------------

    /** SGD: v = m*v - lr*g; w += v; nesterov: w += m*v - lr*g (with the new v). momentum 0: w -= lr*g. */
    static IntFunction<Reference> sgd(double momentum, boolean nesterov) {
        return n -> {
            double[] v = new double[n];
            return (w, g, it, lr) -> {
                for (int i = 0; i < n; i++) {
                    v[i] = momentum * v[i] - lr * g[i];
                    w[i] += nesterov ? momentum * v[i] - lr * g[i] : v[i];
                }
            };
        };
    }

    /**
     * RMSprop: v = rho*v + (1-rho)*g^2; centered: a = rho*a + (1-rho)*g, den = v - a^2 + eps, else
     * den = v + eps; inc = lr*g/sqrt(den); momentum > 0: mom = momentum*mom + inc, w -= mom; else w -= inc.
     */
    static IntFunction<Reference> rmsprop(double rho, double momentum, double eps, boolean centered) {
        return n -> {
            double[] v = new double[n];
            double[] a = new double[n];
            double[] mom = new double[n];
            return (w, g, it, lr) -> {
                for (int i = 0; i < n; i++) {
                    v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                    double den;
                    if (centered) {
                        a[i] = rho * a[i] + (1 - rho) * g[i];
                        den = v[i] - a[i] * a[i] + eps;
                    } else {
                        den = v[i] + eps;
                    }
                    double inc = lr * g[i] / Math.sqrt(den);
                    if (momentum > 0) {
                        mom[i] = momentum * mom[i] + inc;
                        w[i] -= mom[i];
                    } else {
                        w[i] -= inc;
                    }
                }
            };
        };
    }

    /**
     * Adam (Keras 3): t = it+1; m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g^2; amsgrad: vh = max(vh, v) is used
     * for v; w -= lr*sqrt(1-b2^t)/(1-b1^t) * m/(sqrt(v)+eps).
     */
    static IntFunction<Reference> adam(double b1, double b2, double eps, boolean amsgrad) {
        return n -> {
            double[] m = new double[n];
            double[] v = new double[n];
            double[] vh = new double[n];
            return (w, g, it, lr) -> {
                double t = it + 1;
                double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
                for (int i = 0; i < n; i++) {
                    m[i] = b1 * m[i] + (1 - b1) * g[i];
                    v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                    vh[i] = Math.max(vh[i], v[i]);
                    w[i] -= alpha * m[i] / (Math.sqrt(amsgrad ? vh[i] : v[i]) + eps);
                }
            };
        };
    }

    /**
     * Adadelta: Eg = rho*Eg + (1-rho)*g^2; dx = -sqrt(Edx+eps)/sqrt(Eg+eps) * g;
     * Edx = rho*Edx + (1-rho)*dx^2; w += lr*dx.
     */
    static IntFunction<Reference> adadelta(double rho, double eps) {
        return n -> {
            double[] eg = new double[n];
            double[] edx = new double[n];
            return (w, g, it, lr) -> {
                for (int i = 0; i < n; i++) {
                    eg[i] = rho * eg[i] + (1 - rho) * g[i] * g[i];
                    double dx = -Math.sqrt(edx[i] + eps) / Math.sqrt(eg[i] + eps) * g[i];
                    edx[i] = rho * edx[i] + (1 - rho) * dx * dx;
                    w[i] += lr * dx;
                }
            };
        };
    }

    /** Adagrad: acc starts at initial; acc += g^2; w -= lr*g/sqrt(acc + eps). */
    static IntFunction<Reference> adagrad(double initial, double eps) {
        return n -> {
            double[] acc = new double[n];
            Arrays.fill(acc, initial);
            return (w, g, it, lr) -> {
                for (int i = 0; i < n; i++) {
                    acc[i] += g[i] * g[i];
                    w[i] -= lr * g[i] / Math.sqrt(acc[i] + eps);
                }
            };
        };
    }

    /** Adamax: t = it+1; m = b1*m + (1-b1)*g; u = max(b2*u, |g|); w -= lr/(1-b1^t) * m/(u+eps). */
    static IntFunction<Reference> adamax(double b1, double b2, double eps) {
        return n -> {
            double[] m = new double[n];
            double[] u = new double[n];
            return (w, g, it, lr) -> {
                double t = it + 1;
                for (int i = 0; i < n; i++) {
                    m[i] = b1 * m[i] + (1 - b1) * g[i];
                    u[i] = Math.max(b2 * u[i], Math.abs(g[i]));
                    w[i] -= lr / (1 - Math.pow(b1, t)) * m[i] / (u[i] + eps);
                }
            };
        };
    }

    /**
     * Nadam (Keras 3): t = it+1; u(k) = b1*(1 - 0.5*0.96^k); P(t) = u(1)*...*u(t) (recomputed here from
     * scratch every step); m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g^2;
     * m_hat = u(t+1)*m/(1 - P(t)*u(t+1)) + (1-u(t))*g/(1 - P(t)); v_hat = v/(1-b2^t);
     * w -= lr*m_hat/(sqrt(v_hat)+eps).
     */
    static IntFunction<Reference> nadam(double b1, double b2, double eps) {
        return n -> {
            double[] m = new double[n];
            double[] v = new double[n];
            return (w, g, it, lr) -> {
                long t = it + 1;
                double pt = 1;
                for (long k = 1; k <= t; k++) {
                    pt *= b1 * (1 - 0.5 * Math.pow(0.96, k));
                }
                double ut = b1 * (1 - 0.5 * Math.pow(0.96, t));
                double utNext = b1 * (1 - 0.5 * Math.pow(0.96, t + 1));
                for (int i = 0; i < n; i++) {
                    m[i] = b1 * m[i] + (1 - b1) * g[i];
                    v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                    double mHat = utNext * m[i] / (1 - pt * utNext) + (1 - ut) * g[i] / (1 - pt);
                    double vHat = v[i] / (1 - Math.pow(b2, t));
                    w[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
                }
            };
        };
    }

    /** Lion: w -= lr*sign(b1*m + (1-b1)*g); then m = b2*m + (1-b2)*g. */
    static IntFunction<Reference> lion(double b1, double b2) {
        return n -> {
            double[] m = new double[n];
            return (w, g, it, lr) -> {
                for (int i = 0; i < n; i++) {
                    w[i] -= lr * Math.signum(b1 * m[i] + (1 - b1) * g[i]);
                    m[i] = b2 * m[i] + (1 - b2) * g[i];
                }
            };
        };
    }

    /**
     * Lamb: m = b1*m + (1-b1)*g, v = b2*v + (1-b2)*g^2, u = (m/(1-b1^t)) / (sqrt(v/(1-b2^t)) + eps); per
     * variable (OFFSETS, SIZES) r = ||w|| / ||u||, or 1 when either is 0; w -= lr*r*u.
     */
    static IntFunction<Reference> lamb(double b1, double b2, double eps) {
        return n -> {
            double[] m = new double[n];
            double[] v = new double[n];
            return (w, g, it, lr) -> {
                long t = it + 1;
                double[] u = new double[n];
                for (int i = 0; i < n; i++) {
                    m[i] = b1 * m[i] + (1 - b1) * g[i];
                    v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                    u[i] = (m[i] / (1 - Math.pow(b1, t))) / (Math.sqrt(v[i] / (1 - Math.pow(b2, t))) + eps);
                }
                for (int k = 0; k < OFFSETS.length; k++) {
                    double wn = 0;
                    double un = 0;
                    for (int i = OFFSETS[k]; i < OFFSETS[k] + SIZES[k]; i++) {
                        wn += w[i] * w[i];
                        un += u[i] * u[i];
                    }
                    double r = wn > 0 && un > 0 ? Math.sqrt(wn) / Math.sqrt(un) : 1;
                    for (int i = OFFSETS[k]; i < OFFSETS[k] + SIZES[k]; i++) {
                        w[i] -= lr * r * u[i];
                    }
                }
            };
        };
    }

    /**
     * Ftrl: g' = g + 2*l2s*w; n' = n + g^2; z += g' - (n'^p - n^p)/lr*w with p = -lr_power;
     * w = (clip(z, -l1, l1) - z) / (n'^p/lr + 2*(l2 + beta/(2*lr))); n = n'. n starts at init, z at 0.
     */
    static IntFunction<Reference> ftrl(double lrPower, double init, double l1, double l2, double l2s, double beta) {
        return n -> {
            double[] acc = new double[n];
            Arrays.fill(acc, init);
            double[] z = new double[n];
            return (w, g, it, lr) -> {
                double p = -lrPower;
                for (int i = 0; i < n; i++) {
                    double gUse = g[i] + 2 * l2s * w[i];
                    double next = acc[i] + g[i] * g[i];
                    z[i] += gUse - (Math.pow(next, p) - Math.pow(acc[i], p)) / lr * w[i];
                    double quadratic = Math.pow(next, p) / lr + 2 * (l2 + beta / (2 * lr));
                    w[i] = (Math.min(Math.max(z[i], -l1), l1) - z[i]) / quadratic;
                    acc[i] = next;
                }
            };
        };
    }

    /**
     * Keras' gradient accumulation: at a step with (iteration + 1) % steps != 0 the gradient is only added
     * up; otherwise the inner rule runs at that iteration with (g + sum) / steps, and the sum restarts.
     */
    static IntFunction<Reference> accumulated(int steps, IntFunction<Reference> inner) {
        return n -> {
            Reference r = inner.apply(n);
            double[] sum = new double[n];
            return (w, g, it, lr) -> {
                if ((it + 1) % steps != 0) {
                    for (int i = 0; i < n; i++) {
                        sum[i] += g[i];
                    }
                    return;
                }
                double[] mean = new double[n];
                for (int i = 0; i < n; i++) {
                    mean[i] = (g[i] + sum[i]) / steps;
                    sum[i] = 0;
                }
                r.step(w, mean, it, lr);
            };
        };
    }

    /** Keras' decoupled weight decay before the update: w -= w*wd*lr. */
    static IntFunction<Reference> decayed(double wd, IntFunction<Reference> inner) {
        return n -> {
            Reference r = inner.apply(n);
            return (w, g, it, lr) -> {
                for (int i = 0; i < n; i++) {
                    w[i] -= w[i] * wd * lr;
                }
                r.step(w, g, it, lr);
            };
        };
    }

    static Stream<Arguments> formulaCases() {
        List<Arguments> cases = new ArrayList<>();
        Object[][] table = {
            {Optimizers.sgd(0.1, 0, false), sgd(0, false)},
            {Optimizers.sgd(0.1, 0.9, false), sgd(0.9, false)},
            {Optimizers.sgd(0.1, 0.9, true), sgd(0.9, true)},
            {Optimizers.rmsprop().withLearningRate(0.01), rmsprop(0.9, 0, 1e-7, false)},
            {Optimizers.rmsprop(0.01, 0.8, 0, 0.01, false), rmsprop(0.8, 0, 0.01, false)},
            {Optimizers.rmsprop(0.01, 0.8, 0.5, 0.01, false), rmsprop(0.8, 0.5, 0.01, false)},
            {Optimizers.rmsprop(0.01, 0.8, 0, 0.01, true), rmsprop(0.8, 0, 0.01, true)},
            {Optimizers.rmsprop(0.01, 0.8, 0.5, 0.01, true), rmsprop(0.8, 0.5, 0.01, true)},
            {Optimizers.adam().withLearningRate(0.01), adam(0.9, 0.999, 1e-7, false)},
            {Optimizers.adam(0.01, 0.8, 0.5, 0.1, false), adam(0.8, 0.5, 0.1, false)},
            {Optimizers.adam(0.01, 0.8, 0.5, 0.1, true), adam(0.8, 0.5, 0.1, true)},
            {Optimizers.adamw().withLearningRate(0.5), decayed(0.004, adam(0.9, 0.999, 1e-7, false))},
            {Optimizers.adadelta(1.0, 0.95, 1e-7), adadelta(0.95, 1e-7)},
            {Optimizers.adadelta(1.0, 0.8, 0.01), adadelta(0.8, 0.01)},
            {Optimizers.adagrad().withLearningRate(0.1), adagrad(0.1, 1e-7)},
            {Optimizers.adagrad(0.1, 0.5, 0.1), adagrad(0.5, 0.1)},
            {Optimizers.adamax().withLearningRate(0.01), adamax(0.9, 0.999, 1e-7)},
            {Optimizers.adamax(0.01, 0.8, 0.5, 0.1), adamax(0.8, 0.5, 0.1)},
            {Optimizers.nadam().withLearningRate(0.01), nadam(0.9, 0.999, 1e-7)},
            {Optimizers.nadam(0.01, 0.8, 0.5, 0.1), nadam(0.8, 0.5, 0.1)},
            {Optimizers.lion().withLearningRate(0.01), lion(0.9, 0.99)},
            {Optimizers.lion(0.01, 0.5, 0.8), lion(0.5, 0.8)},
            {Optimizers.lamb().withLearningRate(0.01), lamb(0.9, 0.999, 1e-7)},
            {Optimizers.ftrl().withLearningRate(0.1), ftrl(-0.5, 0.1, 0, 0, 0, 0)},
            {Optimizers.sgd(0.1, 0.9, false).withGradientAccumulationSteps(2), accumulated(2, sgd(0.9, false))},
            {Optimizers.adam(0.01, 0.8, 0.5, 0.1, false).withGradientAccumulationSteps(3), accumulated(3, adam(0.8, 0.5, 0.1, false))},
            {Optimizers.create("rmsprop", Map.of("learning_rate", 0.01, "weight_decay", 0.1, "gradient_accumulation_steps", 2)),
                accumulated(2, decayed(0.1, rmsprop(0.9, 0, 1e-7, false)))},
            {Optimizers.create("ftrl", Map.of("learning_rate", 0.1, "learning_rate_power", -1.0, "initial_accumulator_value", 0.5,
                "l1_regularization_strength", 0.01, "l2_regularization_strength", 0.2, "l2_shrinkage_regularization_strength", 0.1,
                "beta", 0.3)), ftrl(-1, 0.5, 0.01, 0.2, 0.1, 0.3)},
            {Optimizers.create("ftrl", Map.of("learning_rate", 0.2, "l1_regularization_strength", 0.5)),
                ftrl(-0.5, 0.1, 0.5, 0, 0, 0)},
            {Optimizers.lamb(0.05, 0.8, 0.5, 0.1), lamb(0.8, 0.5, 0.1)},
            {Optimizers.lamb(0.05, 0.8, 0.5, 0.1).withWeightDecay(0.1), decayed(0.1, lamb(0.8, 0.5, 0.1))},
        };
        for (Object[] row : table) {
            for (long seed : SEEDS) {
                cases.add(Arguments.of(row[0], row[1], seed));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} seed={2}")
    @MethodSource("formulaCases")
    void firstStepsMatchKerasFormulas(KerasOptimizer optimizer, IntFunction<Reference> reference, long seed) {
        Rng rng = new Rng(seed);
        float[] params = uniform(rng, N, 1);
        double[] expected = toDouble(params);
        Reference ref = reference.apply(N);
        OptimizerState state = optimizer.start(OFFSETS, SIZES);
        for (int k = 0; k < SCALES.length; k++) {
            float[] grads = uniform(rng, N, SCALES[k]);
            float lr = (float) optimizer.learningRate().at(k);
            ref.step(expected, toDouble(grads), k, lr);
            state.step(params, grads, k, lr);
            assertClose(expected, params, optimizer + " step " + k);
        }
    }

    /** A 3x4 kernel, its bias of 4, and a 5x1 kernel: Adafactor factors the two matrices. */
    private static final int[] SHAPED_OFFSETS = {0, 12, 16};
    private static final int[] SHAPED_SIZES = {12, 4, 5};
    private static final int[] SHAPED_COLUMNS = {4, 0, 1};

    /** Keras' Adafactor.update_step in double, variable by variable (see AdafactorOptimizer). */
    static Reference adafactor(double decay, double eps1, double eps2, double clip) {
        double[][] r = new double[3][];
        double[][] c = new double[3][];
        for (int k = 0; k < 3; k++) {
            int cols = SHAPED_COLUMNS[k];
            r[k] = new double[cols > 0 ? SHAPED_SIZES[k] / cols : SHAPED_SIZES[k]];
            c[k] = new double[cols];
        }
        return (w, g, it, lr) -> {
            double t = it + 1;
            double rho = Math.min(lr, 1 / Math.sqrt(t));
            double beta = 1 - Math.pow(t, decay);
            for (int k = 0; k < 3; k++) {
                int a = SHAPED_OFFSETS[k];
                int n = SHAPED_SIZES[k];
                double ms = 0;
                for (int i = 0; i < n; i++) {
                    ms += w[a + i] * w[a + i] / n;
                }
                double alpha = Math.max(eps2, Math.sqrt(ms)) * rho;
                double[] u = new double[n];
                int cols = SHAPED_COLUMNS[k];
                if (cols > 0) {
                    int rows = n / cols;
                    double rMean = 0;
                    for (int i = 0; i < rows; i++) {
                        double mean = 0;
                        for (int j = 0; j < cols; j++) {
                            mean += (g[a + i * cols + j] * g[a + i * cols + j] + eps1) / cols;
                        }
                        r[k][i] = beta * r[k][i] + (1 - beta) * mean;
                        rMean += r[k][i] / rows;
                    }
                    for (int j = 0; j < cols; j++) {
                        double mean = 0;
                        for (int i = 0; i < rows; i++) {
                            mean += (g[a + i * cols + j] * g[a + i * cols + j] + eps1) / rows;
                        }
                        c[k][j] = beta * c[k][j] + (1 - beta) * mean;
                    }
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < cols; j++) {
                            u[i * cols + j] = g[a + i * cols + j] / Math.sqrt(r[k][i] / rMean * c[k][j]);
                        }
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        r[k][i] = beta * r[k][i] + (1 - beta) * (g[a + i] * g[a + i] + eps1);
                        u[i] = g[a + i] / Math.sqrt(r[k][i]);
                    }
                }
                double mu = 0;
                for (double x : u) {
                    mu += x * x / n;
                }
                double scale = alpha / Math.max(1, Math.sqrt(mu) / clip);
                for (int i = 0; i < n; i++) {
                    w[a + i] -= scale * u[i];
                }
            }
        };
    }

    static Stream<Arguments> adafactorCases() {
        List<Arguments> cases = new ArrayList<>();
        for (long seed : SEEDS) {
            cases.add(Arguments.of(Optimizers.adafactor(), adafactor(-0.8, 1e-30, 1e-3, 1), seed));
            cases.add(Arguments.of(Optimizers.create("adafactor", Map.of("learning_rate", 0.3, "beta_2_decay", -0.5,
                    "epsilon_1", 1e-3, "epsilon_2", 0.01, "clip_threshold", 0.5, "relative_step", false)),
                    adafactor(-0.5, 1e-3, 0.01, 0.5), seed));
        }
        return cases.stream();
    }

    /** Steps of a 3x4 kernel, a bias and a 5x1 kernel against Keras' rule in double (rho caps the rate at 1/sqrt(t)). */
    @ParameterizedTest(name = "{0} seed={2}")
    @MethodSource("adafactorCases")
    void adafactorFactorsTheMomentsOfMatrices(KerasOptimizer optimizer, Reference reference, long seed) {
        Rng rng = new Rng(seed);
        float[] params = uniform(rng, 21, 1);
        double[] expected = toDouble(params);
        OptimizerState state = optimizer.start(SHAPED_OFFSETS, SHAPED_SIZES, SHAPED_COLUMNS);
        for (int k = 0; k < 6; k++) {
            float[] grads = uniform(rng, 21, SCALES[k % SCALES.length]);
            float lr = (float) optimizer.learningRate().at(k);
            reference.step(expected, toDouble(grads), k, lr);
            state.step(params, grads, k, lr);
            assertClose(expected, params, optimizer + " step " + k);
        }
    }

    @Test
    void adafactorWithoutShapesTreatsEveryVariableAsAVectorAndShapesAreChecked() {
        float[] a = {1, 2, 3, 4, 5};
        float[] b = a.clone();
        float[] g = {0.5f, -1, 2, 0.25f, -0.75f};
        Optimizers.adafactor().start(OFFSETS, SIZES).step(a, g.clone(), 0, 0.001f);
        Optimizers.adafactor().start(OFFSETS, SIZES, new int[2]).step(b, g.clone(), 0, 0.001f);
        assertArrayEquals(b, a);
        assertEquals("variable 0 of size 3 cannot have 2 columns", assertThrows(IllegalArgumentException.class,
                () -> Optimizers.adafactor().start(OFFSETS, SIZES, new int[] {2, 0})).getMessage());
        assertEquals("Invalid value for argument 'beta_2_decay' of optimizer 'adafactor': 0.5. Valid range: (-inf, 0]",
                assertThrows(IllegalArgumentException.class,
                        () -> Optimizers.create("adafactor", Map.of("beta_2_decay", 0.5))).getMessage());
    }

    static Stream<Arguments> movingAverageCases() {
        List<Arguments> cases = new ArrayList<>();
        for (long seed : SEEDS) {
            cases.add(Arguments.of(Optimizers.sgd(0.1, 0.9, false).withEma(0.8, 0), sgd(0.9, false), 0.8, 0, seed));
            cases.add(Arguments.of(Optimizers.create("adam", Map.of("learning_rate", 0.01, "use_ema", true)),
                    adam(0.9, 0.999, 1e-7, false), 0.99, 0, seed));
            cases.add(Arguments.of(Optimizers.create("rmsprop", Map.of("learning_rate", 0.01, "use_ema", true,
                    "ema_momentum", 0.5, "ema_overwrite_frequency", 2.0)), rmsprop(0.9, 0, 1e-7, false), 0.5, 2, seed));
            cases.add(Arguments.of(Optimizers.sgd(0.1, 0.9, false).withGradientAccumulationSteps(2).withEma(0.7, 0),
                    accumulated(2, sgd(0.9, false)), 0.7, 0, seed));
            cases.add(Arguments.of(Optimizers.sgd(0.1, 0, false).withEma(0, 0), sgd(0, false), 0.0, 0, seed));
        }
        return cases.stream();
    }

    /**
     * Keras' use_ema: after every step (an accumulating one too) average = m * average + (1 - m) * w, m = 0
     * at iteration 0; every ema_overwrite_frequency steps w = average; finish puts the average in w's
     * place.
     */
    @ParameterizedTest(name = "{0} seed={4}")
    @MethodSource("movingAverageCases")
    void movingAverageFollowsKeras(KerasOptimizer optimizer, IntFunction<Reference> reference, double momentum,
                                   int overwrite, long seed) {
        Rng rng = new Rng(seed);
        float[] params = uniform(rng, N, 1);
        double[] w = toDouble(params);
        double[] average = new double[N];
        Reference ref = reference.apply(N);
        OptimizerState state = optimizer.start(OFFSETS, SIZES);
        for (int k = 0; k < 6; k++) {
            float[] grads = uniform(rng, N, SCALES[k % SCALES.length]);
            float lr = (float) optimizer.learningRate().at(k);
            ref.step(w, toDouble(grads), k, lr);
            double m = k == 0 ? 0 : momentum;
            for (int i = 0; i < N; i++) {
                average[i] = m * average[i] + (1 - m) * w[i];
            }
            if (overwrite > 0 && (k + 1) % overwrite == 0) {
                w = average.clone();
            }
            state.step(params, grads, k, lr);
            assertClose(w, params, optimizer + " weights after step " + k);
        }
        state.finish(params);
        assertClose(average, params, optimizer + " average");
    }

    @Test
    void movingAverageArguments() {
        KerasOptimizer ema = Optimizers.create("adam", Map.of("use_ema", true, "ema_momentum", 0.9, "ema_overwrite_frequency", 3.0));
        assertTrue(ema.usesEma());
        assertEquals(Optimizers.adam().withEma(0.9, 3), ema);
        assertEquals(ema, Optimizers.create("adam", ema.arguments()));
        assertEquals(Optimizers.adam(), Optimizers.create("adam", Map.of("use_ema", false, "ema_momentum", 0.5)),
                "as in Keras, ema_momentum means nothing without use_ema");
        assertFalse(Optimizers.adam().usesEma());
        assertEquals("Invalid value for argument 'ema_momentum' of optimizer 'adam': 1.5. Valid range: [0, 1]",
                assertThrows(IllegalArgumentException.class,
                        () -> Optimizers.create("adam", Map.of("use_ema", true, "ema_momentum", 1.5))).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Optimizers.create("adam", Map.of("use_ema", true, "ema_overwrite_frequency", 0.0)));
        float[] p = {1, 2, 3, 4, 5};
        OptimizerState plain = Optimizers.adam().start(OFFSETS, SIZES);
        plain.finish(p);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5}, p, "without use_ema finish does nothing");
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9})
    void amsgradAndNesterovChangeTheResult(long seed) {
        assertNotEquals(run(Optimizers.adam(0.01, 0.8, 0.5, 0.1, false), seed)[0],
                run(Optimizers.adam(0.01, 0.8, 0.5, 0.1, true), seed)[0]);
        assertNotEquals(run(Optimizers.sgd(0.1, 0.9, false), seed)[0], run(Optimizers.sgd(0.1, 0.9, true), seed)[0]);
    }

    private static float[] run(KerasOptimizer optimizer, long seed) {
        Rng rng = new Rng(seed);
        float[] params = uniform(rng, N, 1);
        OptimizerState state = optimizer.start(OFFSETS, SIZES);
        for (int k = 0; k < SCALES.length; k++) {
            state.step(params, uniform(rng, N, SCALES[k]), k, (float) optimizer.learningRate().at(k));
        }
        return params;
    }

    // ---- Shared options ---------------------------------------------------------------------------------

    /** Two variables with a gap at index 3 that no option may touch. */
    private static final int[] GAP_OFFSETS = {4, 0};
    private static final int[] GAP_SIZES = {2, 3};

    @Test
    void clipnormClipsEachVariableOnItsOwn() {
        float[] grads = {3, 4, 0, 99, 0.3f, 0.4f};
        float[] params = new float[6];
        Optimizers.sgd(1, 0, false).withClipnorm(1).start(GAP_OFFSETS, GAP_SIZES).step(params, grads, 0, 1);
        // Variable [0,3) has norm 5 and is scaled to norm 1; variable [4,6) has norm 0.5 and is left alone.
        assertClose(new double[] {0.6, 0.8, 0, 99, 0.3, 0.4}, grads, "clipped grads");
        assertClose(new double[] {-0.6, -0.8, 0, 0, -0.3, -0.4}, params, "params");
    }

    @Test
    void globalClipnormScalesAllVariablesTogether() {
        float[] grads = {3, 4, 0, 99, 0.3f, 0.4f};
        float[] params = new float[6];
        Optimizers.sgd(1, 0, false).withGlobalClipnorm(1).start(GAP_OFFSETS, GAP_SIZES).step(params, grads, 0, 1);
        double s = 1 / Math.sqrt(25 + 0.25);
        assertClose(new double[] {3 * s, 4 * s, 0, 99, 0.3 * s, 0.4 * s}, grads, "clipped grads");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void clippingMatchesKerasFormulasOnRandomGradients(long seed) {
        Rng rng = new Rng(seed);
        float[] g = uniform(rng, 6, 3);
        double c = 0.5 + rng.nextDouble();
        // clip_by_norm: g * c / max(||g_v||, c) per variable.
        double[] perVariable = toDouble(g);
        for (int v = 0; v < 2; v++) {
            double ss = 0;
            for (int i = GAP_OFFSETS[v]; i < GAP_OFFSETS[v] + GAP_SIZES[v]; i++) {
                ss += perVariable[i] * perVariable[i];
            }
            for (int i = GAP_OFFSETS[v]; i < GAP_OFFSETS[v] + GAP_SIZES[v]; i++) {
                perVariable[i] = perVariable[i] * c / Math.max(Math.sqrt(ss), c);
            }
        }
        float[] clipped = g.clone();
        Optimizers.sgd().withClipnorm(c).start(GAP_OFFSETS, GAP_SIZES).step(new float[6], clipped, 0, 0.01f);
        assertClose(perVariable, clipped, "clipnorm");

        // clip_by_global_norm: every g * c / max(sqrt(sum over variables of ||g_v||^2), c); index 3 is no variable.
        double ss = 0;
        for (int i = 0; i < 6; i++) {
            ss += i == 3 ? 0 : (double) g[i] * g[i];
        }
        double[] global = toDouble(g);
        for (int i = 0; i < 6; i++) {
            global[i] = i == 3 ? g[i] : g[i] * c / Math.max(Math.sqrt(ss), c);
        }
        clipped = g.clone();
        Optimizers.sgd().withGlobalClipnorm(c).start(GAP_OFFSETS, GAP_SIZES).step(new float[6], clipped, 0, 0.01f);
        assertClose(global, clipped, "global_clipnorm");

        // clipvalue: min(max(g, -c), c) element-wise.
        double[] byValue = toDouble(g);
        for (int i = 0; i < 6; i++) {
            byValue[i] = i == 3 ? g[i] : Math.min(Math.max(g[i], -c), c);
        }
        clipped = g.clone();
        Optimizers.sgd().withClipvalue(c).start(GAP_OFFSETS, GAP_SIZES).step(new float[6], clipped, 0, 0.01f);
        assertClose(byValue, clipped, "clipvalue");
    }

    @Test
    void globalClipnormOfAnInfiniteGradientGivesNaNAsInKeras() {
        float[] grads = {Float.POSITIVE_INFINITY, 1, 1, 0, 1, 1};
        Optimizers.sgd().withGlobalClipnorm(1).start(GAP_OFFSETS, GAP_SIZES).step(new float[6], grads, 0, 0.01f);
        assertTrue(Float.isNaN(grads[1]) && Float.isNaN(grads[5]));
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void weightDecayIsDecoupledAndUsesThisStepsRate(long seed) {
        Rng rng = new Rng(seed);
        float[] params = uniform(rng, 6, 1);
        params[3] = 5;
        double[] expected = toDouble(params);
        OptimizerState state = Optimizers.sgd(0.1, 0.9, false).withWeightDecay(0.5).start(GAP_OFFSETS, GAP_SIZES);
        double[] v = new double[6];
        float[] lrs = {0.1f, 0.05f};
        for (int k = 0; k < lrs.length; k++) {
            float[] grads = uniform(rng, 6, 1);
            for (int i = 0; i < 6; i++) {
                if (i == 3) {
                    continue;
                }
                // w -= w * wd * lr, then SGD with momentum: v = 0.9 v - lr g; w += v.
                expected[i] -= expected[i] * 0.5 * lrs[k];
                v[i] = 0.9 * v[i] - lrs[k] * (double) grads[i];
                expected[i] += v[i];
            }
            state.step(params, grads, k, lrs[k]);
            assertClose(expected, params, "step " + k);
        }
        assertEquals(5f, params[3]);
    }

    @Test
    void onlyOneClippingOptionAsInKeras() {
        KerasOptimizer clipped = Optimizers.adam().withClipnorm(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> clipped.withGlobalClipnorm(2));
        assertTrue(e.getMessage().contains("clipnorm=1.0") && e.getMessage().contains("global_clipnorm=2.0"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> clipped.withClipvalue(2));
        assertEquals(2, clipped.withClipnorm(2).clipnorm());
        assertEquals(3, clipped.withoutClipping().withClipvalue(3).clipvalue());
        Map<String, Object> both = Map.of("clipnorm", 1.0, "global_clipnorm", 1.0);
        assertThrows(IllegalArgumentException.class, () -> Optimizers.create("sgd", both));
    }

    @Test
    void withersDoNotChangeTheOriginal() {
        KerasOptimizer adam = Optimizers.adam();
        KerasOptimizer other = adam.withWeightDecay(0.1).withClipvalue(1).withLearningRate(0.5);
        assertEquals(Optimizers.adam(), adam);
        assertEquals(0, adam.weightDecay());
        assertEquals(0.1, other.weightDecay());
        assertEquals(0.5, other.learningRate().at(0));
        LearningRateSchedule schedule = LearningRateSchedules.exponentialDecay(0.1, 10, 0.5);
        assertSame(schedule, adam.withLearningRate(schedule).learningRate());
    }

    // ---- Layout and step checks -------------------------------------------------------------------------

    @Test
    void startRejectsBadLayouts() {
        KerasOptimizer sgd = Optimizers.sgd();
        assertThrows(IllegalArgumentException.class, () -> sgd.start(new int[] {0}, new int[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> sgd.start(new int[] {-1}, new int[] {1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sgd.start(new int[] {0, 2}, new int[] {3, 2}));
        assertTrue(e.getMessage().contains("overlaps"), e.getMessage());
        OptimizerState state = sgd.start(OFFSETS, SIZES);
        assertThrows(IllegalArgumentException.class, () -> state.step(new float[4], new float[5], 0, 0.1f));
        assertThrows(IllegalArgumentException.class, () -> state.step(new float[5], new float[5], -1, 0.1f));
    }

    @Test
    void stepDoesNotAllocate() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        float[] params = new float[N];
        float[] grads = uniform(new Rng(5), N, 1);
        for (String name : Optimizers.names()) {
            for (String clipping : List.of("clipnorm", "clipvalue", "global_clipnorm")) {
                OptimizerState state = Optimizers.create(name, Map.of(clipping, 0.1, "weight_decay", 0.01))
                        .start(OFFSETS, SIZES);
                int steps = 1000;
                state.step(params, grads, 0, 0.001f);
                long before = bean.getCurrentThreadAllocatedBytes();
                for (int k = 1; k <= steps; k++) {
                    state.step(params, grads, k, 0.001f);
                }
                // The smallest object is 16 bytes: less than that per step means the steps allocate nothing,
                // and leaves room for what the JVM itself may allocate on this thread meanwhile.
                long allocated = bean.getCurrentThreadAllocatedBytes() - before;
                assertTrue(allocated < 16L * steps, name + " with " + clipping + " allocated " + allocated + " bytes");
            }
        }
    }

    // ---- Factories --------------------------------------------------------------------------------------

    @Test
    void defaultsAreKeras() {
        assertEquals(Map.of("learning_rate", 0.01, "momentum", 0.0, "nesterov", false, "weight_decay", 0.0),
                Optimizers.sgd().arguments());
        assertEquals(Map.of("learning_rate", 1e-3, "rho", 0.9, "momentum", 0.0, "epsilon", 1e-7, "centered", false,
                "weight_decay", 0.0), Optimizers.rmsprop().arguments());
        Map<String, Object> adam = Map.of("learning_rate", 1e-3, "beta_1", 0.9, "beta_2", 0.999, "epsilon", 1e-7,
                "amsgrad", false, "weight_decay", 0.0);
        assertEquals(adam, Optimizers.adam().arguments());
        Map<String, Object> adamw = new HashMap<>(adam);
        adamw.put("weight_decay", 0.004);
        assertEquals(adamw, Optimizers.adamw().arguments());
        assertEquals(Map.of("learning_rate", 1e-3, "rho", 0.95, "epsilon", 1e-7, "weight_decay", 0.0),
                Optimizers.adadelta().arguments());
        assertEquals(Map.of("learning_rate", 1e-3, "initial_accumulator_value", 0.1, "epsilon", 1e-7,
                "weight_decay", 0.0), Optimizers.adagrad().arguments());
        Map<String, Object> adamax = Map.of("learning_rate", 1e-3, "beta_1", 0.9, "beta_2", 0.999, "epsilon", 1e-7,
                "weight_decay", 0.0);
        assertEquals(adamax, Optimizers.adamax().arguments());
        assertEquals(adamax, Optimizers.nadam().arguments());
        assertEquals(Map.of("learning_rate", 1e-3, "beta_1", 0.9, "beta_2", 0.99, "weight_decay", 0.0),
                Optimizers.lion().arguments());
        assertEquals("adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1.0E-7, amsgrad=false, "
                + "weight_decay=0.0)", Optimizers.adam().toString());
    }

    @Test
    void createMatchesTheTypedFactories() {
        assertEquals(Optimizers.sgd(0.01, 0.9, false),
                Optimizers.create("sgd", Map.of("learning_rate", 0.01, "momentum", 0.9)));
        assertEquals(Optimizers.rmsprop(), Optimizers.create("RMSprop", Map.of()));
        assertEquals(Optimizers.adamw(), Optimizers.create("AdamW", null));
        assertEquals(Optimizers.adam(0.002, 0.8, 0.99, 1e-6, true).withGlobalClipnorm(1.5),
                Optimizers.create("adam", Map.of("learning_rate", 0.002, "beta_1", 0.8, "beta_2", 0.99,
                        "epsilon", 1e-6, "amsgrad", true, "global_clipnorm", 1.5)));
        // Integers are numbers too, and null means the Keras default, like None.
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("learning_rate", 1);
        withNull.put("momentum", null);
        assertEquals(Optimizers.sgd(1, 0, false), Optimizers.create("sgd", withNull));
        LearningRateSchedule schedule = LearningRateSchedules.cosineDecay(0.1, 100);
        assertSame(schedule, Optimizers.create("nadam", Map.of("learning_rate", schedule)).learningRate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"adadelta", "adagrad", "adam", "adamax", "adamw", "ftrl", "lamb", "lion", "nadam", "rmsprop", "sgd"})
    void argumentsRebuildTheOptimizer(String name) {
        KerasOptimizer o = Optimizers.create(name, Map.of("learning_rate", 0.05, "clipvalue", 2.0));
        assertEquals(name, o.name());
        assertEquals(o, Optimizers.create(o.name(), o.arguments()));
        assertEquals(o.hashCode(), Optimizers.create(o.name(), o.arguments()).hashCode());
    }

    @Test
    void unknownNameSuggestsTheClosest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.create("adma", Map.of()));
        assertEquals("Unknown optimizer 'adma'. Did you mean 'adam'? Valid names: adadelta, adafactor, adagrad, adam, adamax, "
                + "adamw, ftrl, lamb, lion, nadam, rmsprop, sgd", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizers.create("rmsporp", Map.of()));
        assertTrue(e.getMessage().contains("Did you mean 'rmsprop'?"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizers.create("bfgs", Map.of()));
        assertEquals("Unknown optimizer 'bfgs'. Valid names: adadelta, adafactor, adagrad, adam, adamax, adamw, ftrl, lamb, lion, "
                + "nadam, rmsprop, sgd", e.getMessage());
    }

    @Test
    void gradientAccumulationNeedsTwoOrMoreWholeSteps() {
        assertEquals(4, Optimizers.create("adam", Map.of("gradient_accumulation_steps", 4)).gradientAccumulationSteps());
        assertEquals("Invalid value for argument 'gradient_accumulation_steps' of optimizer 'sgd': 1. Valid: a whole number "
                + ">= 2, as in Keras", assertThrows(IllegalArgumentException.class,
                        () -> Optimizers.sgd().withGradientAccumulationSteps(1)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Optimizers.create("sgd",
                Map.of("gradient_accumulation_steps", 2.5))).getMessage().contains("Valid: a whole number >= 2"));
    }

    @Test
    void argumentTheOptimizerDoesNotTake() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.create("sgd", Map.of("beta_1", 0.9)));
        assertEquals("Optimizer 'sgd' does not take argument 'beta_1'. It takes: learning_rate, momentum, nesterov, "
                + "weight_decay, clipnorm, clipvalue, global_clipnorm, gradient_accumulation_steps, use_ema, ema_momentum, "
                + "ema_overwrite_frequency", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizers.create("adam", Map.of("learningrate", 0.1)));
        assertTrue(e.getMessage().startsWith("Optimizer 'adam' does not take argument 'learningrate'. "
                + "Did you mean 'learning_rate'? It takes: learning_rate, beta_1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizers.create("lion", Map.of("epsilon", 1e-7)));
        assertTrue(e.getMessage().contains("It takes: learning_rate, beta_1, beta_2, weight_decay"), e.getMessage());
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("adam", "learning_rate", -0.1, "[0, inf)"),
                Arguments.of("adam", "beta_1", 1.0, "[0, 1)"),
                Arguments.of("nadam", "beta_2", -0.5, "[0, 1)"),
                Arguments.of("adamax", "beta_1", Double.NaN, "[0, 1)"),
                Arguments.of("sgd", "momentum", 1.5, "[0, 1]"),
                Arguments.of("rmsprop", "rho", 1.0, "[0, 1)"),
                Arguments.of("adadelta", "epsilon", 0.0, "(0, inf)"),
                Arguments.of("adagrad", "initial_accumulator_value", -1.0, "[0, inf)"),
                Arguments.of("lion", "beta_1", 0.0, "(0, 1]"),
                Arguments.of("adamw", "weight_decay", -0.01, "[0, inf)"),
                Arguments.of("sgd", "clipnorm", 0.0, "(0, inf)"),
                Arguments.of("sgd", "clipvalue", -1.0, "(0, inf)"),
                Arguments.of("sgd", "global_clipnorm", Double.POSITIVE_INFINITY, "(0, inf)"));
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("invalidValues")
    void invalidValuesNameArgumentValueAndRange(String name, String arg, double value, String range) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.create(name, Map.of(arg, value)));
        assertEquals("Invalid value for argument '" + arg + "' of optimizer '" + name + "': " + value
                + ". Valid range: " + range, e.getMessage());
    }

    @Test
    void typedFactoriesCheckToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.adam(0.001, 0.9, 1.2, 1e-7, false));
        assertTrue(e.getMessage().contains("'beta_2'") && e.getMessage().contains("1.2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Optimizers.sgd().withLearningRate(-1));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.sgd().withWeightDecay(Double.NaN));
    }

    @Test
    void wrongTypesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.create("sgd", Map.of("nesterov", "yes")));
        assertEquals("Argument 'nesterov' of optimizer 'sgd' must be a boolean, got String yes", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizers.create("adam", Map.of("learning_rate", "1e-3")));
        assertTrue(e.getMessage().contains("a number or a learning-rate schedule"), e.getMessage());
    }

    // ---- Sanity: each optimizer minimizes a quadratic ---------------------------------------------------

    static Stream<Arguments> minimizers() {
        Map<String, KerasOptimizer> tuned = new LinkedHashMap<>();
        tuned.put("sgd", Optimizers.sgd(0.1, 0, false));
        tuned.put("sgd momentum", Optimizers.sgd(0.05, 0.9, true));
        tuned.put("rmsprop", Optimizers.rmsprop().withLearningRate(0.01));
        tuned.put("adam", Optimizers.adam().withLearningRate(0.05));
        tuned.put("adamw", Optimizers.adamw().withLearningRate(0.05).withGlobalClipnorm(1));
        tuned.put("adadelta", Optimizers.adadelta(1, 0.95, 1e-4));
        tuned.put("adagrad", Optimizers.adagrad().withLearningRate(0.5).withClipnorm(1));
        tuned.put("adamax", Optimizers.adamax().withLearningRate(0.05));
        tuned.put("nadam", Optimizers.nadam().withLearningRate(0.05));
        tuned.put("lion", Optimizers.lion().withLearningRate(0.01));
        tuned.put("adafactor", Optimizers.adafactor().withLearningRate(0.05));
        return tuned.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    /** f(w) = 0.5 * sum a_i (w_i - c_i)^2, gradient a_i (w_i - c_i); 1000 steps must cut f by 100x. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("minimizers")
    void minimizesAQuadratic(String label, KerasOptimizer optimizer) {
        Rng rng = new Rng(99);
        float[] w = uniform(rng, N, 1);
        double[] a = new double[N];
        double[] c = new double[N];
        for (int i = 0; i < N; i++) {
            a[i] = 0.5 + 1.5 * rng.nextDouble();
            c[i] = 2 * rng.nextDouble() - 1 + (i % 2 == 0 ? 1 : -1);
        }
        double initial = quadratic(w, a, c);
        OptimizerState state = optimizer.start(OFFSETS, SIZES);
        float[] g = new float[N];
        for (int k = 0; k < 1000; k++) {
            for (int i = 0; i < N; i++) {
                g[i] = (float) (a[i] * (w[i] - c[i]));
            }
            state.step(w, g, k, (float) optimizer.learningRate().at(k));
        }
        double last = quadratic(w, a, c);
        assertTrue(last < initial / 100, label + ": f went from " + initial + " to " + last);
    }

    private static double quadratic(float[] w, double[] a, double[] c) {
        double f = 0;
        for (int i = 0; i < w.length; i++) {
            f += 0.5 * a[i] * (w[i] - c[i]) * (w[i] - c[i]);
        }
        return f;
    }

    // ---- Helpers ------------------------------------------------------------------------------------------

    private static float[] uniform(Rng rng, int n, double scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) ((2 * rng.nextDouble() - 1) * scale);
        }
        return x;
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    /** float32 arithmetic against a double reference: a few float roundings of values of order 1. */
    private static void assertClose(double[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-6 * Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tol, what + " [" + i + "]");
        }
    }
}
