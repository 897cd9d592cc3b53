package dev.lanes.tune;

import dev.lanes.nn.Metric;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Every scoring gives, from predictions on a scaled target, the score of the same predictions in the
 * target's original units, however it gets there (converted from the scaled score or computed on the
 * values mapped back).
 */
class ScoringTest {

    @ParameterizedTest
    @EnumSource(Scoring.class)
    void scoresInTheTargetsOriginalUnits(Scoring scoring) {
        Random rnd = new Random(scoring.ordinal() + 1);
        int rows = 37;
        double origin = 180_000;
        double unit = 95_000;
        float[] actual = new float[rows];
        float[] predicted = new float[rows];
        float[] actualOriginal = new float[rows];
        float[] predictedOriginal = new float[rows];
        for (int i = 0; i < rows; i++) {
            actual[i] = (float) rnd.nextGaussian();
            predicted[i] = (float) (actual[i] + 0.3 * rnd.nextGaussian());
            actualOriginal[i] = (float) (actual[i] * unit + origin);
            predictedOriginal[i] = (float) (predicted[i] * unit + origin);
        }
        double expected = scoring.metric().compute(predictedOriginal, 0, actualOriginal, 0, rows, 1);
        assertEquals(expected, scoring.score(predicted, actual, origin, unit), 1e-5 * Math.abs(expected));
    }

    @ParameterizedTest
    @EnumSource(Scoring.class)
    void resolvesItsOwnNameInAnyCase(Scoring scoring) {
        assertSame(scoring, Scoring.fromName(scoring.shortName()));
        assertSame(scoring, Scoring.fromName(scoring.shortName().toUpperCase(Locale.ROOT)));
        assertSame(scoring, Scoring.fromName(scoring.name().charAt(0) + scoring.shortName().substring(1).replace("_", "")),
                "one name rule: case and underscores aside");
        assertEquals(scoring.metric().greaterIsBetter(), scoring.greaterIsBetter());
        assertSame(Metric.fromName(scoring.shortName()), scoring.metric());
    }
}
