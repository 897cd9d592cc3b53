package dev.lanes.tune;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitScheduleTest {

    private static TrainingSetup setup(String hidden, int batch, int epochs) {
        return TrainingSetup.of(Map.of("hidden_layers", hidden, "batch_size", batch, "epochs", epochs));
    }

    @Test
    void theCostliestCandidatesComeFirstWithAllTheirSplitsTiesInCandidateOrder() {
        List<TrainingSetup> setups = List.of(setup("64", 128, 20), setup("128-64-32", 32, 20), setup("64", 128, 20),
                setup("64-32", 32, 20));
        assertArrayEquals(new int[] {3, 4, 5, 9, 10, 11, 0, 1, 2, 6, 7, 8}, FitSchedule.order(setups, 7, 13_760, 3));
    }

    @Test
    void costGrowsWithWeightsRowsAndEpochsAndSmallBatchesAddSteps() {
        double small = FitSchedule.cost(setup("64", 128, 20), 7, 13_760);
        double large = FitSchedule.cost(setup("128-64-32", 32, 20), 7, 13_760);
        // 577 against 11,393 weights, and four times the optimizer steps: about 20 to 25 times the work.
        assertTrue(large / small > 20 && large / small < 25, "ratio " + large / small);
        assertEquals(2 * FitSchedule.cost(setup("64", 32, 10), 7, 1000), FitSchedule.cost(setup("64", 32, 20), 7, 1000), 1e-6);
        assertTrue(FitSchedule.cost(setup("64", 32, 20), 7, 1000) > FitSchedule.cost(setup("64", 128, 20), 7, 1000));
    }
}
