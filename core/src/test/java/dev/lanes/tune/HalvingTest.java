package dev.lanes.tune;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rounds of successive halving, worked out by hand from scikit-learn's documented rules (the user
 * guide's "Successive Halving" section and {@code BaseSuccessiveHalving._run_search}): required rounds
 * {@code 1 + floor(log_f(n))}, 'exhaust' raising the start to {@code max // f^(required-1)}, possible
 * rounds {@code 1 + floor(log_f(max // min))}, round i at {@code int(f^i min)} keeping {@code ceil(n / f)}.
 */
class HalvingTest {

    private static List<Halving.Round> rounds(int... candidatesAndResources) {
        List<Halving.Round> out = new java.util.ArrayList<>();
        for (int i = 0; i < candidatesAndResources.length; i += 2) {
            out.add(new Halving.Round(i / 2, candidatesAndResources[i], candidatesAndResources[i + 1]));
        }
        return out;
    }

    @Test
    void theShowcaseGridOverEpochs() {
        // 448 candidates: 3^5 = 243 <= 448 < 729, so 6 rounds are required; 15 epochs // 3^5 = 0, so the
        // start stays at 1 epoch, and 15 // 1 allows 1 + floor(log3 15) = 3 rounds.
        Halving h = Halving.over(Halving.Resource.EPOCHS).maxResources(15);
        assertEquals(rounds(448, 1, 150, 3, 50, 9), h.plan(448, 1, 20));
        // Aggressive elimination runs the 6 required rounds, the first 4 at the start's epochs.
        assertEquals(rounds(448, 1, 150, 1, 50, 1, 17, 1, 6, 3, 2, 9), h.aggressiveElimination(true).plan(448, 1, 20));
    }

    @Test
    void theReferenceGridOverRows() {
        // 72 candidates need 1 + floor(log3 72) = 4 rounds; 'exhaust' starts at 20,640 // 27 = 764 rows
        // (more than the smallest, 2 x 3 splits), and 20,640 // 764 = 27 allows 4 rounds.
        Halving h = Halving.over(Halving.Resource.N_SAMPLES);
        assertEquals(rounds(72, 764, 24, 2292, 8, 6876, 3, 20628), h.plan(72, 6, 20640));
        // 'smallest' starts at 2 x splits = 6 rows; 4 rounds are still all that is required.
        assertEquals(rounds(72, 6, 24, 18, 8, 54, 3, 162), h.minResourcesSmallest().plan(72, 6, 20640));
    }

    @Test
    void explicitResourcesAndAnotherFactor() {
        Halving h = Halving.over(Halving.Resource.N_SAMPLES).factor(2).minResources(100).maxResources(1000);
        // required 1 + floor(log2 10) = 4, possible 1 + floor(log2(1000 // 100)) = 4.
        assertEquals(rounds(10, 100, 5, 200, 3, 400, 2, 800), h.plan(10, 6, 5000));
        // With max 300, 300 // 100 = 3 allows 2 rounds only: the last one keeps 5 candidates.
        assertEquals(rounds(10, 100, 5, 200), h.maxResources(300).plan(10, 6, 5000));
        // A factor that is not whole, as scikit-learn allows: ceil(10 / 1.5) = 7, int(1.5 x 100) = 150.
        assertEquals(rounds(10, 100, 7, 150, 5, 225, 4, 337, 3, 506, 2, 759),
                h.factor(1.5).plan(10, 6, 5000));
    }

    @Test
    void badSettingsAreRefusedNamingThem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Halving.over(Halving.Resource.EPOCHS).factor(1))
                .getMessage().contains("factor must be a number > 1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Halving.over(Halving.Resource.EPOCHS).minResources(30).plan(10, 1, 20)).getMessage()
                .startsWith("min_resources 30 is more than max_resources 20 (epochs)"));
        assertEquals(Halving.Resource.N_SAMPLES, Halving.Resource.fromName("N_Samples"));
        assertThrows(IllegalArgumentException.class, () -> Halving.Resource.fromName("samples"));
    }
}
