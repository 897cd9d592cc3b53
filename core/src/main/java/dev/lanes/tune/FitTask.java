package dev.lanes.tune;

import java.io.Serial;
import java.io.Serializable;

/**
 * One fit of a search: a candidate on a split in a round, with the round's resources. With
 * {@link SearchFits} it is all a JVM needs to run the fit.
 *
 * @param candidate the candidate's index in {@link SearchFits#candidates()}
 * @param split     the split, from 0 to {@link SearchFits#splits()} - 1
 * @param round     the round, 0 without successive halving
 * @param resources the round's rows or epochs, 0 without successive halving
 */
public record FitTask(int candidate, int split, int round, int resources) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return "candidate " + candidate + " split " + split + (round > 0 || resources > 0 ? " round " + round : "");
    }
}
