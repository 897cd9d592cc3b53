package dev.lanes.examples.library;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the tour in every build, on the CSV the California housing example ships. */
class LibraryTourTest {

    private static final Path CSV = Path.of("../california-housing/data/california_housing.csv");

    @Test
    void tourRunsEndToEnd(@TempDir Path dir) throws IOException {
        LibraryTour.Outcome outcome = LibraryTour.run(CSV, dir);
        assertTrue(outcome.holdOutRmse() < 56_000, "hold-out RMSE " + outcome.holdOutRmse());
        assertTrue(outcome.epochsRun() >= 1 && outcome.epochsRun() <= 30);
        assertTrue(outcome.reloadedPredictsTheSame(), "a loaded model predicts what the saved one did");
        assertTrue(Files.size(dir.resolve("housing.lanes")) > 0);
        assertTrue(outcome.bestGridRmse() > 40_000 && outcome.bestGridRmse() < 80_000, "grid RMSE " + outcome.bestGridRmse());
        // [1 2; 3 4] . [0.5 -1; 0.25 2] = [1 3; 2.5 5], then tanh.
        float[] expected = {(float) Math.tanh(1), (float) Math.tanh(3), (float) Math.tanh(2.5), (float) Math.tanh(5)};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], outcome.kernelCheck()[i], 1e-6f);
        }
    }
}
