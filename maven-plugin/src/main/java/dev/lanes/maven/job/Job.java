package dev.lanes.maven.job;

import dev.lanes.tune.Halving;

import java.util.List;
import java.util.Map;

/**
 * What the worker JVM is asked to do, written by the mojo as {@code job.json} and read by the worker
 * ({@code dev.lanes.maven.worker.Worker}): the data, the search, how many threads, and where the results go. Every name and value is checked
 * (by the mojo's {@code JobFactory} and then by the core search) before any training starts.
 *
 * @param pluginVersion   the plugin's version, recorded in the results
 * @param data            the data set
 * @param search          the search
 * @param parallelism     fits trained at once; the results do not depend on it
 * @param outputDirectory where the worker writes the result files: the output directory's staging directory
 *                        ({@link OutputFiles#staging}), from which the build publishes a complete run
 */
public record Job(String pluginVersion, Data data, Search search, int parallelism, String outputDirectory) {

    /**
     * The data set to read.
     *
     * @param file        the CSV file, as the worker opens it (relative to the project's base directory,
     *                    the worker's working directory, so that messages show the path as configured)
     * @param target      the column to predict
     * @param include     feature columns, empty for all but the target
     * @param exclude     columns left out
     * @param delimiter   the delimiter, or null to detect it
     * @param missing     the missing-value policy: {@code error}, {@code drop_row} or {@code mean}
     * @param categorical columns to one-hot encode
     */
    public record Data(String file, String target, List<String> include, List<String> exclude, Character delimiter,
                       String missing, List<String> categorical) {
    }

    /**
     * The search.
     *
     * @param type             {@code grid} or {@code random}
     * @param nIter            candidates of a random search, null for a grid
     * @param grids            one or more maps from hyperparameter name to its values as written
     * @param folds            k of the shuffled K-fold
     * @param repeats          how many times the K-fold split is made (repeated K-fold), >= 1
     * @param seed             seeds the folds, random draws and every fit
     * @param scoring          ranks the candidates: a {@link dev.lanes.tune.Scoring} by its short name
     *                         ({@code mse}, {@code rmse}, {@code r2}, ...)
     * @param extraMetrics     further metrics every split is scored on, from the same fits
     * @param returnTrainScore whether every split is also scored on its training rows
     * @param featureScaling   scaling of the features: {@code standard}, {@code minmax} or {@code none}
     * @param targetScaling    scaling of the target, likewise
     * @param halving          successive halving, checked; null to fit every candidate fully
     */
    public record Search(String type, Integer nIter, List<Map<String, List<String>>> grids, int folds, int repeats,
                         long seed, String scoring, List<String> extraMetrics, boolean returnTrainScore,
                         String featureScaling, String targetScaling, Halving halving) {
    }
}
