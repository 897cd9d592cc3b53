package dev.lanes.tune;

import dev.lanes.base.Matrix;
import dev.lanes.base.Rng;
import dev.lanes.data.Dataset;
import dev.lanes.data.Fold;
import dev.lanes.data.Preprocessing;
import dev.lanes.data.Scaling;
import dev.lanes.data.Splits;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The splits of a search, prepared once and shared by every candidate: the rows cut by (repeated)
 * K-fold, shuffled with the search's seed, and each split's preprocessing fitted on its training rows
 * only. scikit-learn's {@code cv=k} does not shuffle; on sorted data unshuffled folds would test on a
 * range the fit never saw.
 *
 * <p>The scaled training rows of every split are copied once into contiguous arrays when all the
 * copies are {@linkplain Matrix#affordableCopy affordable}: every fit gathers a shuffled
 * batch from them at every step, and through a view a split's rows lie at random in the whole data set,
 * where most of them miss the core's caches (the copies make a search on California housing 3–5 %
 * faster). A copy holds the same floats as the view, so no result depends on it.
 */
final class FoldSet {

    /**
     * One split through its preprocessing.
     *
     * @param preprocessing fitted on the training rows
     * @param trainX        the scaled training features: a view, or a contiguous copy
     * @param trainY        the scaled training target, likewise
     * @param testX         the scaled test features, a view
     * @param testY         the scaled test target
     */
    record Split(Preprocessing preprocessing, Matrix trainX, Matrix trainY, Matrix testX, float[] testY) {

        long trainingBytes() {
            return 4L * trainX.rows() * (trainX.cols() + trainY.cols());
        }

        Split withContiguousTraining() {
            return new Split(preprocessing, trainX.contiguous(), trainY.contiguous(), testX, testY);
        }
    }

    /**
     * What the splits depend on, and nothing else: the part of a {@link SearchSpec} that a fit on another
     * JVM needs to cut the same splits.
     */
    record Recipe(int folds, int repeats, long seed, Scaling featureScaling, Scaling targetScaling) implements Serializable {

        private static final long serialVersionUID = 1L;

        static Recipe of(SearchSpec spec) {
            return new Recipe(spec.folds(), spec.repeats(), spec.seed(), spec.featureScaling(), spec.targetScaling());
        }

        List<Fold> folds(Dataset data) {
            return Splits.repeatedKFold(data.rows(), folds, repeats, seed);
        }
    }

    private final List<Split> splits;

    private FoldSet(List<Split> splits) {
        this.splits = List.copyOf(splits);
    }

    /**
     * Splits {@code data} as {@code recipe} says: {@code recipe.repeats()} rounds of {@code recipe.folds()}
     * folds ({@link Splits#repeatedKFold}).
     *
     * @throws IllegalArgumentException when there are fewer rows than folds
     */
    static FoldSet prepare(Dataset data, Recipe recipe) {
        return prepare(data, recipe, recipe.folds(data));
    }

    /**
     * The splits of {@link #prepare(Dataset, Recipe)}, each with {@code int(fraction x n)} of its
     * {@code n} training rows and likewise of its test rows, drawn without replacement with
     * {@code seed}, as scikit-learn's halving search subsamples a round's splits; the preprocessing is
     * fitted on the subsampled training rows.
     */
    static FoldSet subsample(Dataset data, Recipe recipe, double fraction, long seed) {
        List<Fold> folds = new ArrayList<>();
        for (Fold f : recipe.folds(data)) {
            folds.add(new Fold(sample(f.train(), fraction, seed), sample(f.test(), fraction, seed)));
        }
        return prepare(data, recipe, folds);
    }

    private static int[] sample(int[] rows, double fraction, long seed) {
        int[] copy = rows.clone();
        new Rng(seed).shuffle(copy, copy.length);
        int[] out = Arrays.copyOf(copy, Math.max(1, (int) (fraction * rows.length)));
        Arrays.sort(out);
        return out;
    }

    private static FoldSet prepare(Dataset data, Recipe recipe, List<Fold> folds) {
        List<Split> splits = new ArrayList<>();
        long copyBytes = 0;
        for (Fold f : folds) {
            Preprocessing p = Preprocessing.fit(data, f.train(), recipe.featureScaling(), recipe.targetScaling());
            Split s = new Split(p, p.features(data, f.train()), p.target(data, f.train()), p.features(data, f.test()),
                    p.target(data, f.test()).toArray());
            splits.add(s);
            copyBytes += s.trainingBytes();
        }
        if (Matrix.affordableCopy(copyBytes)) {
            splits.replaceAll(Split::withContiguousTraining);
        }
        return new FoldSet(splits);
    }

    /** How many splits: folds x repeats. */
    int size() {
        return splits.size();
    }

    /** Split {@code i}. */
    Split get(int i) {
        return splits.get(i);
    }

    /** The training rows of the first split (all splits have the same count, give or take one). */
    int trainingRows() {
        return splits.get(0).trainX().rows();
    }
}
