package dev.lanes.nn;

import dev.lanes.base.Rng;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Keras 3 schedules at chosen steps, values worked out by hand from Keras' formulas. */
class LearningRateSchedulesTest {

    private static final double TOL = 1e-12;

    @Test
    void constantIsConstant() {
        LearningRateSchedule c = LearningRateSchedule.constant(0.01);
        assertTrue(c.isConstant());
        assertEquals(0.01, c.at(0));
        assertEquals(0.01, c.at(1_000_000));
        assertFalse(LearningRateSchedules.cosineDecay(0.1, 10).isConstant());
        assertFalse(((LearningRateSchedule) step -> 0.1).isConstant());
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(-0.1));
    }

    /** initial * rate ^ (step / decay_steps), the exponent floored when staircase. */
    @ParameterizedTest(name = "step {0} staircase {1}")
    @CsvSource({
        "0, false, 0.1",
        "5, false, 0.07071067811865475", // 0.1 * 0.5^0.5
        "10, false, 0.05",
        "25, false, 0.017677669529663688", // 0.1 * 0.5^2.5
        "0, true, 0.1",
        "9, true, 0.1",
        "10, true, 0.05",
        "25, true, 0.025",
    })
    void exponentialDecay(long step, boolean staircase, double expected) {
        assertEquals(expected, LearningRateSchedules.exponentialDecay(0.1, 10, 0.5, staircase).at(step), TOL);
    }

    /** initial / (1 + rate * step / decay_steps), the quotient floored when staircase. */
    @ParameterizedTest(name = "step {0} staircase {1}")
    @CsvSource({
        "0, false, 0.1",
        "5, false, 0.08", // 0.1 / 1.25
        "15, false, 0.05714285714285714", // 0.1 / 1.75
        "5, true, 0.1",
        "15, true, 0.06666666666666667", // 0.1 / 1.5
        "20, true, 0.05",
    })
    void inverseTimeDecay(long step, boolean staircase, double expected) {
        assertEquals(expected, LearningRateSchedules.inverseTimeDecay(0.1, 10, 0.5, staircase).at(step), TOL);
    }

    /** Keras: values[0] while step <= boundaries[0], values[i] while b[i-1] < step <= b[i], then the last. */
    @ParameterizedTest(name = "step {0}")
    @CsvSource({"0, 1.0", "100, 1.0", "101, 0.5", "110, 0.5", "111, 0.1", "1000000, 0.1"})
    void piecewiseConstantDecay(long step, double expected) {
        LearningRateSchedule s = LearningRateSchedules.piecewiseConstantDecay(new long[] {100, 110},
                new double[] {1.0, 0.5, 0.1});
        assertEquals(expected, s.at(step));
    }

    /**
     * (initial - end) * (1 - s/d)^power + end; without cycle s = min(step, d); with cycle
     * d = decay_steps * ceil(step / decay_steps) (1 at step 0).
     */
    @ParameterizedTest(name = "step {0} power {1} cycle {2}")
    @CsvSource({
        "0, 1, false, 0.1",
        "50, 1, false, 0.055", // 0.09 * 0.5 + 0.01
        "100, 1, false, 0.01",
        "250, 1, false, 0.01",
        "50, 2, false, 0.0325", // 0.09 * 0.25 + 0.01
        "0, 1, true, 0.1",
        "100, 1, true, 0.01", // ceil(1) = 1: the end of the first cycle
        "101, 1, true, 0.05455", // d = 200: 0.09 * 0.495 + 0.01
        "150, 2, true, 0.015625", // d = 200: 0.09 * 0.25^2 + 0.01
    })
    void polynomialDecay(long step, double power, boolean cycle, double expected) {
        assertEquals(expected, LearningRateSchedules.polynomialDecay(0.1, 100, 0.01, power, cycle).at(step), TOL);
    }

    @Test
    void polynomialDecayDefaults() {
        LearningRateSchedule s = LearningRateSchedules.polynomialDecay(0.1, 100);
        assertEquals(1e-4, s.at(100), TOL);
        assertEquals((0.1 - 1e-4) * 0.5 + 1e-4, s.at(50), TOL);
    }

    /** initial * ((1 - alpha) * 0.5 * (1 + cos(pi * min(step, d) / d)) + alpha). */
    @ParameterizedTest(name = "step {0} alpha {1}")
    @CsvSource({
        "0, 0, 0.1",
        "50, 0, 0.05",
        "25, 0, 0.08535533905932738", // 0.1 * 0.5 * (1 + cos(pi/4))
        "100, 0, 0",
        "500, 0, 0",
        "100, 0.1, 0.01",
        "50, 0.1, 0.055", // 0.1 * (0.9 * 0.5 + 0.1)
    })
    void cosineDecay(long step, double alpha, double expected) {
        assertEquals(expected, LearningRateSchedules.cosineDecay(0.1, 100, alpha).at(step), TOL);
    }

    /**
     * Warmup from 0 to 0.1 over 10 steps: (target - initial) * step / warmup + initial; then the cosine decay
     * from the target over 100 steps, at step - 10, held at its end after 110.
     */
    @ParameterizedTest(name = "step {0}")
    @CsvSource({"0, 0", "5, 0.05", "9, 0.09", "10, 0.1", "60, 0.0505", "110, 0.001", "5000, 0.001"})
    void cosineDecayWithWarmup(long step, double expected) {
        LearningRateSchedule s = LearningRateSchedules.cosineDecay(0, 100, 0.01, 0.1, 10);
        assertEquals(expected, s.at(step), TOL);
    }

    @Test
    void cosineDecayWithZeroWarmupStepsDecaysFromTheTarget() {
        assertEquals(0.2, LearningRateSchedules.cosineDecay(0.1, 100, 0, 0.2, 0).at(0), TOL);
    }

    /** Each schedule against its Keras formula at seeded random steps. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void formulasAtRandomSteps(long seed) {
        Rng rng = new Rng(seed);
        for (int k = 0; k < 50; k++) {
            long step = rng.nextInt(5000);
            double d = 1 + rng.nextInt(1000);
            assertEquals(0.3 * Math.pow(0.7, Math.floor(step / d)),
                    LearningRateSchedules.exponentialDecay(0.3, d, 0.7, true).at(step), TOL);
            assertEquals(0.3 / (1 + 0.7 * step / d), LearningRateSchedules.inverseTimeDecay(0.3, d, 0.7).at(step), TOL);
            double p = Math.min(step, d) / d;
            assertEquals((0.3 - 0.001) * Math.pow(1 - p, 3) + 0.001,
                    LearningRateSchedules.polynomialDecay(0.3, d, 0.001, 3, false).at(step), TOL);
            assertEquals(0.3 * (0.8 * 0.5 * (1 + Math.cos(Math.PI * p)) + 0.2),
                    LearningRateSchedules.cosineDecay(0.3, d, 0.2).at(step), TOL);
        }
    }

    @Test
    void createByKerasClassName() {
        assertEquals(LearningRateSchedules.exponentialDecay(0.1, 1000, 0.96, true),
                LearningRateSchedules.create("ExponentialDecay", Map.of("initial_learning_rate", 0.1,
                        "decay_steps", 1000, "decay_rate", 0.96, "staircase", true)));
        assertEquals(LearningRateSchedules.inverseTimeDecay(0.1, 1, 0.5),
                LearningRateSchedules.create("inversetimedecay", Map.of("initial_learning_rate", 0.1,
                        "decay_steps", 1.0, "decay_rate", 0.5)));
        assertEquals(LearningRateSchedules.piecewiseConstantDecay(new long[] {100, 110}, new double[] {1, 0.5, 0.1}),
                LearningRateSchedules.create("PiecewiseConstantDecay", Map.of("boundaries", List.of(100, 110),
                        "values", new double[] {1, 0.5, 0.1})));
        assertEquals(LearningRateSchedules.polynomialDecay(0.1, 100),
                LearningRateSchedules.create("PolynomialDecay", Map.of("initial_learning_rate", 0.1,
                        "decay_steps", 100)));
        assertEquals(LearningRateSchedules.cosineDecay(0, 100, 0, 0.1, 10),
                LearningRateSchedules.create("CosineDecay", Map.of("initial_learning_rate", 0, "decay_steps", 100,
                        "warmup_target", 0.1, "warmup_steps", 10)));
        assertEquals(LearningRateSchedules.cosineDecay(0.1, 100),
                LearningRateSchedules.create("CosineDecay", Map.of("initial_learning_rate", 0.1, "decay_steps", 100)));
    }

    /**
     * CosineDecayRestarts by hand, initial 0.1 and 10 first decay steps. t_mul 2: periods of 10, 20, 40
     * steps starting at steps 0, 10, 30. Each starts at m_mul^i * 0.1 and reaches alpha * 0.1 at its end;
     * halfway through period i the cosine term is 0.5.
     */
    @ParameterizedTest(name = "t_mul {0}, m_mul {1}, alpha {2}, step {3}")
    @CsvSource({
        "2, 1, 0, 0, 0.1",
        "2, 1, 0, 5, 0.05",
        "2, 1, 0, 10, 0.1",
        "2, 1, 0, 20, 0.05",
        "2, 1, 0, 30, 0.1",
        "2, 1, 0, 50, 0.05",
        "2, 0.5, 0, 10, 0.05",
        "2, 0.5, 0, 20, 0.025",
        "2, 0.5, 0, 30, 0.025",
        "1, 0.5, 0, 10, 0.05",
        "1, 0.5, 0, 15, 0.025",
        "1, 0.5, 0, 20, 0.025",
        "1, 1, 0.2, 5, 0.06",
        "2, 0.5, 0.2, 20, 0.04",
    })
    void cosineDecayRestarts(double tMul, double mMul, double alpha, long step, double expected) {
        assertEquals(expected, LearningRateSchedules.cosineDecayRestarts(0.1, 10, tMul, mMul, alpha).at(step), TOL);
    }

    /** Against Keras' closed form written out in double, at every step of several periods. */
    @ParameterizedTest
    @CsvSource({"2, 1, 0", "1.5, 0.9, 0.1", "1, 0.7, 0.05", "3, 1, 0"})
    void cosineDecayRestartsFollowsKerasClosedForm(double tMul, double mMul, double alpha) {
        double d = 7;
        LearningRateSchedule s = LearningRateSchedules.cosineDecayRestarts(0.3, d, tMul, mMul, alpha);
        double periodStart = 0;
        double period = d;
        int restart = 0;
        for (long step = 0; step < 400; step++) {
            while (step >= periodStart + period - 1e-9) {
                periodStart += period;
                period *= tMul;
                restart++;
            }
            double fraction = (step - periodStart) / period;
            double expected = 0.3 * ((1 - alpha) * 0.5 * Math.pow(mMul, restart) * (1 + Math.cos(Math.PI * fraction))
                    + alpha);
            assertEquals(expected, s.at(step), 1e-9, "step " + step);
        }
    }

    @Test
    void cosineDecayRestartsByNameAndItsErrors() {
        assertEquals(LearningRateSchedules.cosineDecayRestarts(0.1, 100),
                LearningRateSchedules.create("CosineDecayRestarts", Map.of("initial_learning_rate", 0.1,
                        "first_decay_steps", 100)));
        assertEquals(LearningRateSchedules.cosineDecayRestarts(0.1, 100, 1.5, 0.8, 0.01),
                LearningRateSchedules.create("cosinedecayrestarts", Map.of("initial_learning_rate", 0.1,
                        "first_decay_steps", 100, "t_mul", 1.5, "m_mul", 0.8, "alpha", 0.01)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearningRateSchedules.cosineDecayRestarts(0.1, 100, 0.5, 1, 0));
        assertEquals("Invalid value for argument 't_mul' of schedule 'CosineDecayRestarts': 0.5. "
                + "Valid range: [1, inf)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LearningRateSchedules.create("CosineDecayRestarts",
                Map.of("initial_learning_rate", 0.1, "decay_steps", 100)));
        assertTrue(e.getMessage().contains("does not take argument 'decay_steps'"), e.getMessage());
        assertTrue(e.getMessage().contains("first_decay_steps"), e.getMessage());
    }

    @Test
    void createErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearningRateSchedules.create("ExponentalDecay", Map.of()));
        assertEquals("Unknown schedule 'ExponentalDecay'. Did you mean 'ExponentialDecay'? Valid names: "
                + "CosineDecay, CosineDecayRestarts, ExponentialDecay, InverseTimeDecay, PiecewiseConstantDecay, "
                + "PolynomialDecay",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LearningRateSchedules.create("CosineDecay",
                Map.of("initial_learning_rate", 0.1, "decay_steps", 10, "staircase", true)));
        assertEquals("Schedule 'CosineDecay' does not take argument 'staircase'. It takes: initial_learning_rate, "
                + "decay_steps, alpha, warmup_target, warmup_steps", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LearningRateSchedules.create("ExponentialDecay",
                Map.of("initial_learning_rate", 0.1, "decay_rate", 0.5)));
        assertEquals("Schedule 'ExponentialDecay' needs argument 'decay_steps'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LearningRateSchedules.create("PolynomialDecay",
                Map.of("initial_learning_rate", 0.1, "decay_steps", 0)));
        assertEquals("Invalid value for argument 'decay_steps' of schedule 'PolynomialDecay': 0.0. "
                + "Valid range: (0, inf)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LearningRateSchedules.create("PiecewiseConstantDecay",
                Map.of("boundaries", List.of(1.5), "values", List.of(1, 2))));
        assertTrue(e.getMessage().contains("whole step numbers"), e.getMessage());
    }

    @Test
    void invalidArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> LearningRateSchedules.piecewiseConstantDecay(new long[] {10, 10}, new double[] {1, 2, 3}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearningRateSchedules.piecewiseConstantDecay(new long[] {10}, new double[] {1}));
        assertTrue(e.getMessage().contains("one more value than boundaries"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LearningRateSchedules.cosineDecay(0.1, 10, 1.5));
        assertTrue(e.getMessage().contains("'alpha'") && e.getMessage().contains("[0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LearningRateSchedules.exponentialDecay(-0.1, 10, 0.5));
        assertTrue(e.getMessage().contains("'initial_learning_rate'") && e.getMessage().contains("-0.1"),
                e.getMessage());
    }

    @Test
    void schedulesDriveAnOptimizer() {
        LearningRateSchedule s = LearningRateSchedules.exponentialDecay(0.1, 1, 0.5);
        KerasOptimizer sgd = Optimizers.create("sgd", Map.of("learning_rate", s));
        assertEquals(s, sgd.learningRate());
        assertEquals(s, sgd.arguments().get("learning_rate"));
        float[] w = {1};
        OptimizerState state = sgd.start(new int[] {0}, new int[] {1});
        for (int k = 0; k < 3; k++) {
            state.step(w, new float[] {1}, k, (float) sgd.learningRate().at(k));
        }
        assertEquals(1 - 0.1 - 0.05 - 0.025, w[0], 1e-6);
    }
}
